// Migration 005 moves a sale's lines, tenders and coupons into its row and rebuilds refund lines
// and print jobs: a terminal upgraded with sales, refunds and print jobs on it loses none of them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp-core';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { createRepositories } from './repositories';

const temp = tempDir();
afterAll(() => temp.remove());

function databaseAtVersion(file: string, version: number) {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version <= version)) {
    m.up(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      m.version,
      m.name,
      'then',
    );
  }
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('migration 005: sales as documents', () => {
  it('keeps every line, tender, coupon, refund and print job of a terminal that had sales', () => {
    const db = databaseAtVersion(join(temp.dir, 'v4.sqlite'), 4);
    const at = '2026-06-15T04:00:00.000Z';
    db.exec(`
      INSERT INTO stores (id, code, name, currency, created_at) VALUES ('S', 'DEMO', '店', 'CNY', '${at}');
      INSERT INTO staff (id, store_id, name, role, pin_hash, created_at) VALUES ('U', 'S', '张伟', 'cashier', 'x', '${at}');
      INSERT INTO products (id, sku, barcode, name_zh, name_en, category, price_minor, currency)
        VALUES ('P1', 'TEA-001', NULL, '乌龙', 'Oolong', 'tea', 6800, 'CNY');
      INSERT INTO coupon_definitions (id, name_zh, name_en, kind, amount_off_minor, valid_from, valid_to, created_at)
        VALUES ('D', '满50减10', 'Save 10', 'amount_off', 1000, '2026-01-01', '2026-12-31', '${at}');
      INSERT INTO sales (id, request_id, receipt_no, terminal_id, seq, store_id, staff_id, member_id, tier_code, at, currency,
        list_total_minor, member_savings_minor, coupon_discount_minor, total_minor, tax_minor, points_redeemed, points_value_minor,
        amount_due_minor, cash_received_minor, change_minor, points_earned, receipt)
        VALUES ('SALE', 'req-00000001', 'T1-000001', 'T1', 1, 'S', 'U', NULL, NULL, '${at}', 'CNY',
        13600, 0, 1000, 12600, 1450, 0, 0, 12600, 20000, 7400, 0, '{"kind":"sale","title":"T1-000001","blocks":[]}');
      INSERT INTO sale_lines VALUES ('L1', 'SALE', 1, 'P1', 'TEA-001', '乌龙', 'Oolong', 'tea', 2, 6800, 6800, 13600, 0, 1000, 12600, 1, 0, 0, 0);
      INSERT INTO sale_tenders (sale_id, id, method, amount_minor, reference) VALUES ('SALE', 'T', 'cash', 20000, NULL);
      INSERT INTO sale_coupons VALUES ('SALE', 'SAVE10', 'D', '满50减10', 'Save 10', 1000);
      INSERT INTO refunds (id, request_id, receipt_no, terminal_id, seq, sale_id, staff_id, at, amount_minor, net_minor,
        points_reversed, points_returned, tender_method, tender_reference, coupons_returned, receipt)
        VALUES ('R', 'req-00000002', 'T1-000002', 'T1', 2, 'SALE', 'U', '${at}', 6300, 6300, 0, 0, 'cash', NULL, '[]', '{}');
      INSERT INTO refund_lines VALUES ('RL', 'R', 'L1', 1, 6300, 6300, 0, 0);
      INSERT INTO print_jobs (id, kind, title, document, status, created_at) VALUES ('J1', 'sale', 'T1-000001', '{"kind":"sale","title":"T1-000001","blocks":[]}', 'done', '${at}');
      INSERT INTO print_jobs (id, kind, title, document, status, created_at, reprint_of) VALUES ('J2', 'sale', 'T1-000001', '{"kind":"sale","title":"copy","blocks":[]}', 'queued', '${at}', 'J1');
    `);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    const repos = createRepositories(db);
    expect(repos.sales.lines('SALE')).toEqual([
      {
        id: 'L1',
        productId: 'P1',
        sku: 'TEA-001',
        name: { zh: '乌龙', en: 'Oolong' },
        category: 'tea',
        quantity: 2,
        listUnitMinor: 6800,
        unitMinor: 6800,
        amountMinor: 13600,
        memberSavingMinor: 0,
        couponDiscountMinor: 1000,
        netMinor: 12600,
        pointsEligible: true,
        pointsEarned: 0,
        pointsRedeemed: 0,
        pointsValueMinor: 0,
        refundedQuantity: 1,
      },
    ]);
    expect(repos.sales.tenders('SALE')).toEqual([{ method: 'cash', amountMinor: 20000, reference: null }]);
    expect(repos.sales.coupons('SALE')).toEqual([
      { code: 'SAVE10', definitionId: 'D', name: { zh: '满50减10', en: 'Save 10' }, discountMinor: 1000 },
    ]);
    expect(repos.sales.refundLines('R')).toEqual([{ lineId: 'L1', quantity: 1, amountMinor: 6300 }]);
    expect(repos.printJobs.get('J2')).toMatchObject({ status: 'queued', reprintOf: 'J1', document: { title: 'copy' } });
    // The database still refuses refunding more than was sold, and a line the sale never had.
    db.exec(`INSERT INTO refunds (id, request_id, receipt_no, terminal_id, seq, sale_id, staff_id, at, amount_minor, net_minor,
        points_reversed, points_returned, tender_method, coupons_returned, receipt)
        VALUES ('R2', 'req-00000003', 'T1-000003', 'T1', 3, 'SALE', 'U', '${at}', 0, 0, 0, 0, 'cash', '[]', '{}')`);
    const line = (id: string, saleLine: string, quantity: number) =>
      repos.sales.insertRefundLine({
        id,
        refundId: 'R2',
        saleLineId: saleLine,
        quantity,
        amountMinor: 0,
        netMinor: 0,
        pointsReversed: 0,
        pointsReturned: 0,
      });
    expect(line('RL2', 'L1', 2)).toBe('exceeds');
    expect(line('RL3', 'NOPE', 1)).toBe('exceeds');
    expect(line('RL4', 'L1', 1)).toBe('inserted');
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('sale_lines', 'sale_tenders', 'sale_coupons')")
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});
