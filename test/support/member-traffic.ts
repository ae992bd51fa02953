// What a counter does with members all day, through the core's public methods: enrol, sell with
// points, refund part of a sale, adjust by hand. Each call commits its change and its outbox event
// together, so every one of them is something the hub must receive exactly once.
import type { LoyaltyCore } from './loyalty';
import { cashSale, requestId } from './loyalty';
import { enrolment } from './temp-core';

let phones = 0;
/** A phone no other test member has: the last eight digits from the pid and a counter. */
export function freshPhone(): string {
  phones++;
  return `139${String((process.pid % 10_000) * 10_000 + phones).padStart(8, '0')}`;
}

export async function enrol(l: LoyaltyCore, name: string): Promise<string> {
  const result = await l.core.methods.enrolMember(enrolment({ name, phone: freshPhone() }));
  if (!result.created) throw new Error('the phone was taken');
  return result.member.id;
}

/** A cash sale of two tea and a snack to the member; answers what a refund needs. */
export async function sell(l: LoyaltyCore, memberId: string): Promise<{ receiptNo: string; lineId: string }> {
  const { sale } = await l.core.methods.checkout(
    cashSale(l, {
      memberId,
      lines: [
        { productId: l.products['TEA-001']!.id, quantity: 2 },
        { productId: l.products['SNK-001']!.id, quantity: 1 },
      ],
    }),
  );
  return { receiptNo: sale.receiptNo, lineId: sale.lines[0]!.id };
}

/** Refunds one tea of the sale: money back, its share of the points reversed. */
export async function refundOne(l: LoyaltyCore, sale: { receiptNo: string; lineId: string }): Promise<void> {
  await l.core.methods.refund({
    requestId: requestId(),
    receiptNo: sale.receiptNo,
    lines: [{ lineId: sale.lineId, quantity: 1 }],
    tender: { method: 'cash' },
  });
}

export async function adjust(l: LoyaltyCore, memberId: string, points: number): Promise<void> {
  await l.core.methods.adjustPoints({ memberId, points, reason: '补录积分' });
}

/** One member's visit: enrolled, two sales, a refund of one line, a goodwill adjustment. */
export async function memberVisit(l: LoyaltyCore, name: string): Promise<string> {
  const memberId = await enrol(l, name);
  const first = await sell(l, memberId);
  await sell(l, memberId);
  await refundOne(l, first);
  await adjust(l, memberId, 7);
  return memberId;
}
