// Referrals at the self-service terminal: my code, the friends I brought, and naming who invited me.
import { z } from 'zod';
import { methodsOf } from './method';
import { noInput, text } from './schema-kit';
import type { MyReferrals } from './referrals-types';

const m = methodsOf('referrals');

export const referralMethods = {
  myReferrals: m.customer(noInput).returns<MyReferrals>(),
  /** A member enrolled without a code names the friend who invited them (before their first purchase). */
  nameReferrer: m
    .customer(z.object({ code: text('REFERRAL_UNKNOWN', { max: 64, required: true, field: 'referralCode' }) }))
    .returns<MyReferrals>(),
};
