import { join } from 'node:path';
import { openLinli, databaseFileName, type LinliCore, type LinliOptions } from '../../features/app';
import type { CheckoutRequest, ProductInfo } from '../../contract';
import { demoMember } from '../../features/demo/demo-loyalty';
import { openDatabase, type Db } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import type { TerminalStore } from '../../db/store';
import { loginAs } from './temp-core';

export { demoMember };

export interface LoyaltyCore {
  core: LinliCore;
  /** A second connection to the same file: to look at rows, and to set up data the hub would send. */
  db: Db;
  repos: TerminalStore;
  clock: { now: Date };
  products: Record<string, ProductInfo>;
  goldMemberId: string;
  close(): Promise<void>;
}

let requests = 0;
export const requestId = () => `test-request-${process.pid}-${++requests}`;

/** A demo store on a fresh SQLite file, a cashier logged in, the clock at 12:00 Beijing time on 15 June 2026. */
export async function openLoyaltyCore(
  dir: string,
  role: 'cashier' | 'manager' = 'cashier',
  more: Pick<LinliOptions, 'syncTiming' | 'pullTiming'> = {},
): Promise<LoyaltyCore> {
  const clock = { now: new Date('2026-06-15T04:00:00.000Z') };
  const core = openLinli({ dataDir: dir, demo: true, host: 'browser', now: () => clock.now, ...more });
  await loginAs(core, role);
  const db = openDatabase(join(dir, databaseFileName));
  const repos = createRepositories(db);
  const products = Object.fromEntries((await core.methods.listProducts()).map((p) => [p.sku, p]));
  const goldMemberId = repos.cards.get(demoMember.card)!.memberId;
  return {
    core,
    db,
    repos,
    clock,
    products,
    goldMemberId,
    async close() {
      db.close();
      await core.close();
    },
  };
}

const tables = [
  'sales',
  'sale_lines',
  'sale_tenders',
  'sale_coupons',
  'refunds',
  'refund_lines',
  'points_ledger',
  'coupon_uses',
  'member_tiers',
  'outbox',
  'receipt_counters',
  'day_closes',
  'coupons',
] as const;

// A sale's lines, tenders and coupons are stored in its row (migration 005): count the entries.
const inSaleDocument: Partial<Record<(typeof tables)[number], string>> = {
  sale_lines: 'lines',
  sale_tenders: 'tenders',
  sale_coupons: 'coupons',
};

export function rowCounts(db: Db): Record<(typeof tables)[number], number> {
  const count = (t: (typeof tables)[number]) => {
    const column = inSaleDocument[t];
    const sql = column
      ? `SELECT coalesce(sum(json_array_length(${column})), 0) AS n FROM sales`
      : `SELECT count(*) AS n FROM ${t}`;
    return (db.prepare(sql).get() as { n: number }).n;
  };
  return Object.fromEntries(tables.map((t) => [t, count(t)])) as Record<(typeof tables)[number], number>;
}

export function balance(db: Db, memberId: string): number {
  return (
    db.prepare('SELECT coalesce(sum(points), 0) AS n FROM points_ledger WHERE member_id = ?').get(memberId) as {
      n: number;
    }
  ).n;
}

export function cashSale(l: LoyaltyCore, over: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    requestId: requestId(),
    memberId: l.goldMemberId,
    lines: [
      { productId: l.products['TEA-001']!.id, quantity: 1 },
      { productId: l.products['SNK-001']!.id, quantity: 1 },
    ],
    couponCodes: [],
    pointsToRedeem: 0,
    tenders: [{ method: 'cash', amountMinor: 20_000 }],
    ...over,
  };
}
