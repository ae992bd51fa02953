// Outbox events as a shop's terminal makes them, for bench:sync: one enrolment for every three
// sales, the sales to members this terminal enrolled, earning points (and now and then redeeming
// some). Shaped like features/members and features/checkout write them, so the hub parses, stores
// and projects them exactly as it would a real shop's.
import { randomUUID } from 'node:crypto';
import type { PushedEvent } from '../contract';

const at = '2026-06-15T04:00:00.000Z';
let phones = 0;

/** A phone no other generated member has, and none of the demo data's (those are 138…). */
export const uniquePhone = (): string => `+86139${String(++phones).padStart(8, '0')}`;

export function enrolment(memberId = randomUUID(), phone = uniquePhone()): PushedEvent {
  return {
    id: randomUUID(),
    type: 'member.enrolled',
    aggregateId: memberId,
    createdAt: at,
    payload: {
      id: memberId,
      name: '王芳',
      phone,
      phoneNational: phone.slice(3),
      birthday: null,
      gender: 'female',
      community: '翠湖',
      interests: ['咖啡'],
      referralCode: `R${memberId.slice(0, 8).toUpperCase()}`,
      referredBy: null,
      storeId: 'local-store',
      enrolledBy: 'staff-1',
      enrolledAt: at,
      updatedAt: at,
      consents: [
        { purpose: 'data_processing', granted: true, recordedAt: at, source: 'counter', staffId: 'staff-1' },
        { purpose: 'marketing_sms', granted: true, recordedAt: at, source: 'counter', staffId: 'staff-1' },
      ],
    },
  };
}

export function sale(memberId: string, n: number): PushedEvent {
  const saleId = randomUUID();
  const totalMinor = 1800 + (n % 7) * 500;
  const pointsRedeemed = n % 10 === 0 ? 100 : 0;
  return {
    id: randomUUID(),
    type: 'sale.completed',
    aggregateId: saleId,
    createdAt: at,
    payload: {
      id: saleId,
      receiptNo: `T1-${String(n).padStart(6, '0')}`,
      at,
      staffName: '张伟',
      member: { id: memberId, name: '王芳' },
      currency: 'CNY',
      listTotalMinor: totalMinor,
      memberSavingsMinor: 0,
      couponDiscountMinor: 0,
      totalMinor,
      taxMinor: 0,
      pointsRedeemed,
      pointsValueMinor: pointsRedeemed,
      amountDueMinor: totalMinor - pointsRedeemed,
      pointsEarned: Math.floor(totalMinor / 100),
      lines: [{ sku: 'LATTE', name: '拿铁', quantity: 1, unitMinor: totalMinor, totalMinor }],
      coupons: [],
      tenders: [{ kind: 'cash', amountMinor: totalMinor - pointsRedeemed }],
      refundedMinor: 0,
      requestId: randomUUID(),
      terminalId: 'T1',
      storeId: 'local-store',
      staffId: 'staff-1',
      tierCode: null,
    },
  };
}

/** An endless stream of one terminal's events: take as many as a batch holds. */
export function eventSource(): { take(count: number): PushedEvent[] } {
  const members: string[] = [];
  let n = 0;
  return {
    take(count) {
      const out: PushedEvent[] = [];
      for (let i = 0; i < count; i++, n++) {
        if (n % 4 === 0 || !members.length) {
          const e = enrolment();
          members.push(e.aggregateId);
          out.push(e);
        } else out.push(sale(members[n % members.length]!, n));
      }
      return out;
    },
  };
}

/**
 * SQL that fills the hub's change log with `$1` members of the members stream at once, as a brand
 * with a million members has them after years of pushes (the bootstrap reads only this log).
 * $2 store id, $3 terminal id of the shop they came from.
 */
export const seedMembersSql = `
  INSERT INTO changes (stream, kind, data, store_id, terminal_id, event_id)
  SELECT 'members', 'member', jsonb_build_object(
      'id', 'bm-' || g, 'name', '会员' || g, 'phone', '+86137' || lpad(g::text, 8, '0'),
      'phoneNational', '137' || lpad(g::text, 8, '0'), 'birthday', NULL, 'gender', 'unspecified',
      'community', '翠湖', 'interests', '[]'::jsonb, 'referralCode', 'B' || g, 'referredBy', NULL,
      'homeStoreId', $2::text, 'enrolledAt', '${at}', 'updatedAt', '${at}'),
    $2, $3, 'bm-event-' || g
  FROM generate_series(1, $1::int) AS g`;
