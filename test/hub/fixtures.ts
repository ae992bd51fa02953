// Outbox events shaped as the terminal writes them (features/*: outbox.append), for hub tests.
import { randomBytes, randomUUID } from 'node:crypto';
import type { PushedEvent, PushRequest } from '../../contract';
import { syncSchemaVersion } from '../../contract';
import { createRegistrationCode, createStore, registerTerminal, type AuthenticatedTerminal } from '../../hub/features';
import type { HubStorage } from '../../hub/storage';

export const at = '2026-03-01T10:00:00.000Z';

export function storeCode(): string {
  return `S${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A store with one registered terminal, as an admin and a manager would make them. */
export async function registeredTerminal(
  storage: HubStorage,
  code = storeCode(),
): Promise<AuthenticatedTerminal & { credential: string }> {
  await createStore(storage, { code, name: `店 ${code}` }).catch(() => undefined);
  const reg = await createRegistrationCode(storage, { storeCode: code, validMinutes: 60 });
  const t = await registerTerminal(storage, { code: reg.code, terminalName: `${code} 收银 1` });
  return { terminalId: t.terminalId, storeId: t.storeId, storeCode: t.storeCode, credential: t.credential };
}

export function enrolled(memberId = randomUUID(), phone = '+8613800138000'): PushedEvent {
  return {
    id: randomUUID(),
    type: 'member.enrolled',
    aggregateId: memberId,
    createdAt: at,
    payload: {
      id: memberId,
      name: '王芳',
      phone,
      phoneNational: '138 0013 8000',
      birthday: null,
      gender: 'female',
      community: '翠湖',
      interests: [],
      referralCode: 'ABC123',
      referredBy: null,
      storeId: 'local-store',
      enrolledBy: 'staff-1',
      enrolledAt: at,
      updatedAt: at,
      consents: [
        {
          purpose: 'data_processing',
          granted: true,
          recordedAt: at,
          source: 'counter',
          staffId: 'staff-1',
          staffName: null,
        },
      ],
    },
  };
}

export function sale(
  memberId: string | null,
  opts: { id?: string; pointsEarned?: number; coupons?: string[] } = {},
): PushedEvent {
  const saleId = opts.id ?? randomUUID();
  return {
    id: randomUUID(),
    type: 'sale.completed',
    aggregateId: saleId,
    createdAt: at,
    payload: {
      id: saleId,
      receiptNo: `T1-${saleId.slice(0, 6)}`,
      at,
      staffName: '李雷',
      member: memberId ? { id: memberId, name: '王芳' } : null,
      currency: 'CNY',
      listTotalMinor: 3000,
      memberSavingsMinor: 0,
      couponDiscountMinor: 0,
      totalMinor: 3000,
      taxMinor: 0,
      pointsRedeemed: 0,
      pointsValueMinor: 0,
      amountDueMinor: 3000,
      pointsEarned: opts.pointsEarned ?? 30,
      lines: [],
      coupons: (opts.coupons ?? []).map((code) => ({
        code,
        definitionId: 'def-1',
        name: { zh: '券', en: 'Coupon' },
        discountMinor: 0,
      })),
      tenders: [],
      refundedMinor: 0,
      requestId: randomUUID(),
      terminalId: 'T1',
      storeId: 'local-store',
      staffId: 'staff-1',
      tierCode: null,
    },
  };
}

export function adjusted(memberId: string, points: number): PushedEvent {
  return {
    id: randomUUID(),
    type: 'points.adjusted',
    aggregateId: memberId,
    createdAt: at,
    payload: { entryId: randomUUID(), memberId, points, reason: 'goodwill', staffId: 'staff-1', at },
  };
}

export function batch(events: PushedEvent[], schemaVersion = syncSchemaVersion): PushRequest {
  return { schemaVersion, events };
}
