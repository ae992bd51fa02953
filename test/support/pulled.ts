// What the hub's members stream sends, as the terminal's applier tests need it: a member enrolled at
// another shop of the chain.
import type { PulledChange } from '../../contract';

export const pulledAt = '2026-06-15T04:00:00.000Z';

type PulledMemberChange = Extract<PulledChange, { kind: 'member' }>;

/** 陈静, enrolled at shop A; every field can be replaced. */
export const pulledMember = (over: Partial<PulledMemberChange['data']> = {}): PulledMemberChange => ({
  kind: 'member',
  data: {
    id: 'M-A1',
    name: '陈静',
    phone: '+8613955501234',
    phoneNational: '139 5550 1234',
    birthday: null,
    gender: 'female',
    community: null,
    interests: [],
    referralCode: 'REFA01',
    referredBy: null,
    homeStoreId: 'hub-store-a',
    enrolledAt: pulledAt,
    updatedAt: pulledAt,
    ...over,
  },
});
