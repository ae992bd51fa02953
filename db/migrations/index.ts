import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial';
import { m002Loyalty } from './002-loyalty';
import { m003Devices } from './003-devices';
import { m004RequestHash } from './004-request-hash';
import { m005SaleDocuments } from './005-sale-documents';
import { m006OutboxParked } from './006-outbox-parked';
import { m007Campaigns } from './007-campaigns';
import { m008CouponConflicts } from './008-coupon-conflicts';
import { m009MemberClaims } from './009-member-claims';
import { m010Rewards } from './010-rewards';
import { m011Events } from './011-events';
import { m012Contests } from './012-contests';
import { m013Referrals } from './013-referrals';
import { m014PostsCare } from './014-posts-care';
import { m015PhoneVerifications } from './015-phone-verifications';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

// Append only. Never edit a migration that has shipped: add the next number instead.
export const migrations: Migration[] = [
  m001Initial,
  m002Loyalty,
  m003Devices,
  m004RequestHash,
  m005SaleDocuments,
  m006OutboxParked,
  m007Campaigns,
  m008CouponConflicts,
  m009MemberClaims,
  m010Rewards,
  m011Events,
  m012Contests,
  m013Referrals,
  m014PostsCare,
  m015PhoneVerifications,
];
