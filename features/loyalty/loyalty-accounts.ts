// A member's points and tier: balance, expiry (FIFO, written as expire entries), tier changes.
import { LinliError, type LedgerEntryInfo, type MemberLoyalty, type TierInfo, type TierProgressInfo } from '../../contract';
import { addDays, startOfLocalDay } from '../../domain/local-date';
import { dueToExpire, expiresOn as expiryDay, nextExpiry, type ExpiryPolicy } from '../../domain/points';
import { downgradeTo, qualifyingTier, sortTiers, tierProgress, upgradeTo } from '../../domain/tiers';
import { couponInfo } from './coupons';
import type { ServiceContext } from '../context';
import { loyaltyPolicy, settingKeys, today, utcOffset } from './loyalty-config';
import { requireMember } from '../members/member-views';
import { requireStaff } from '../staff/staff-session';

export function tiersOf(ctx: ServiceContext): TierInfo[] {
  return sortTiers(ctx.repos.catalogue.tiers());
}

export function memberTier(ctx: ServiceContext, memberId: string): { tier: TierInfo; since: string | null } {
  const tiers = tiersOf(ctx);
  const row = ctx.repos.points.currentTier(memberId);
  const tier = (row && tiers.find((t) => t.code === row.tierCode)) || tiers[0]!;
  return { tier, since: row?.at ?? null };
}

/** The member's spend or points in the tier's window ending today. */
export function tierValue(ctx: ServiceContext, memberId: string, tier: TierInfo): number {
  const since = startOfLocalDay(addDays(today(ctx), -(tier.windowDays - 1)), utcOffset(ctx));
  return tier.qualifyMetric === 'spend' ? ctx.repos.sales.spendSince(memberId, since) : ctx.repos.points.earnedSince(memberId, since);
}

export function progressOf(ctx: ServiceContext, memberId: string, current: TierInfo): TierProgressInfo {
  return tierProgress(tiersOf(ctx), current, (t) => tierValue(ctx, memberId, t));
}

/** Writes the expire entry a member is due (inside the caller's transaction). Returns the points expired. */
export function expireDue(ctx: ServiceContext, memberId: string, staffId: string | null, at: string): number {
  const due = dueToExpire(ctx.repos.points.entriesForExpiry(memberId), today(ctx));
  if (due <= 0) return 0;
  ctx.repos.points.append({
    id: ctx.newId(), memberId, kind: 'expire', points: -due, reason: 'expiry', saleId: null, sourceId: null,
    storeId: ctx.storeId(), terminalId: ctx.terminalId, staffId, at, expiresOn: null,
  });
  ctx.repos.outbox.append({ id: ctx.newId(), type: 'points.expired', aggregateId: memberId, payload: { memberId, points: due, at }, createdAt: at });
  return due;
}

/**
 * The member's tier once this sale counts: upgraded at once when it qualifies. Values per window
 * are read once and the sale's own spend (or points) is added, so it can be decided before the
 * sale's rows are written. Writes the tier change (inside the sale's transaction) when there is one.
 */
export function tierAfterSale(
  ctx: ServiceContext,
  memberId: string,
  sale: { id: string; spendMinor: number; pointsEarned: number; at: string },
): { tier: TierInfo; upgraded: boolean; progress: TierProgressInfo } {
  const tiers = tiersOf(ctx);
  const { tier } = memberTier(ctx, memberId);
  const seen = new Map<string, number>();
  const valueFor = (t: TierInfo) => {
    const key = `${t.qualifyMetric}/${t.windowDays}`;
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = tierValue(ctx, memberId, t)));
    return v + (t.qualifyMetric === 'spend' ? sale.spendMinor : sale.pointsEarned);
  };
  const to = upgradeTo(tier, qualifyingTier(tiers, valueFor));
  if (to) {
    ctx.repos.points.setTier({ id: ctx.newId(), memberId, tierCode: to.code, change: 'upgrade', saleId: sale.id, at: sale.at });
    ctx.repos.outbox.append({ id: ctx.newId(), type: 'member.tier_changed', aggregateId: memberId, payload: { memberId, from: tier.code, to: to.code, change: 'upgrade', saleId: sale.id, at: sale.at }, createdAt: sale.at });
  }
  const now = to ?? tier;
  return { tier: now, upgraded: Boolean(to), progress: tierProgress(tiers, now, valueFor) };
}

export function runLoyaltyJobs(ctx: ServiceContext): { expiredMembers: number; expiredPoints: number; downgraded: number } {
  const at = ctx.now().toISOString();
  const day = today(ctx);
  const staffId = ctx.session.staff?.id ?? null;
  let expiredMembers = 0;
  let expiredPoints = 0;
  let downgraded = 0;
  // Only credits whose last day passed since the previous run, through an index: the job runs on
  // the counter's thread and must not stall a sale scanning ten million entries.
  const since = ctx.repos.settings.get(settingKeys.expiryDoneBefore);
  for (const memberId of ctx.repos.points.membersWithExpiredCredits(since, day)) {
    const points = ctx.repos.transaction(() => expireDue(ctx, memberId, staffId, at));
    if (points > 0) {
      expiredMembers++;
      expiredPoints += points;
    }
  }
  if (since === null || since < day) ctx.repos.settings.set(settingKeys.expiryDoneBefore, day);
  if (ctx.repos.settings.get(settingKeys.downgradesCheckedOn) === day) return { expiredMembers, expiredPoints, downgraded };
  const tiers = tiersOf(ctx);
  for (const row of ctx.repos.points.tieredMembers()) {
    const current = tiers.find((t) => t.code === row.tierCode);
    if (!current || current.rank === tiers[0]!.rank) continue;
    const qualifying = qualifyingTier(tiers, (t) => tierValue(ctx, row.memberId, t));
    const to = downgradeTo(current, qualifying, row.at.slice(0, 10), day);
    if (!to) continue;
    ctx.repos.transaction(() => {
      ctx.repos.points.setTier({ id: ctx.newId(), memberId: row.memberId, tierCode: to.code, change: 'downgrade', saleId: null, at });
      ctx.repos.outbox.append({ id: ctx.newId(), type: 'member.tier_changed', aggregateId: row.memberId, payload: { memberId: row.memberId, from: current.code, to: to.code, change: 'downgrade', at }, createdAt: at });
    });
    downgraded++;
  }
  ctx.repos.settings.set(settingKeys.downgradesCheckedOn, day);
  return { expiredMembers, expiredPoints, downgraded };
}

export function getMemberLoyalty(ctx: ServiceContext, input: { memberId: string }): MemberLoyalty {
  requireStaff(ctx);
  const member = requireMember(ctx, input?.memberId);
  const policy = loyaltyPolicy(ctx);
  const { tier } = memberTier(ctx, member.id);
  const entries = ctx.repos.points.entriesForExpiry(member.id);
  const day = today(ctx);
  // Points past their last day but not yet written off are shown as gone already.
  const pending = dueToExpire(entries, day);
  const recent: LedgerEntryInfo[] = ctx.repos.points.recent(member.id, 10).map((r) => ({
    id: r.id, kind: r.kind, points: r.points, reason: r.reason, saleId: r.saleId, receiptNo: r.receiptNo, at: r.at, expiresOn: r.expiresOn, staffName: r.staffName,
  }));
  return {
    memberId: member.id,
    balance: entries.reduce((a, e) => a + e.points, 0) - pending,
    tier,
    progress: progressOf(ctx, member.id, tier),
    expiring: nextExpiry(entries, day, policy.expiringSoonDays),
    recent,
    coupons: ctx.repos.coupons.ofMember(member.id).flatMap((c) => {
      const definition = ctx.repos.coupons.definition(c.definitionId);
      return definition ? [couponInfo(c.code, definition, c.used > 0)] : [];
    }),
    redeemRate: policy.redeem,
  };
}

const maxAdjust = 1_000_000;

export function adjustPoints(ctx: ServiceContext, input: { memberId: string; points: number; reason: string }): MemberLoyalty {
  const staff = requireStaff(ctx);
  if (staff.role !== 'manager') throw new LinliError('FORBIDDEN');
  const member = requireMember(ctx, input?.memberId);
  const points = input.points;
  if (!Number.isSafeInteger(points) || points === 0 || Math.abs(points) > maxAdjust) throw new LinliError('POINTS_INVALID', undefined, 'points');
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason || reason.length > 200) throw new LinliError('REASON_REQUIRED', undefined, 'reason');
  const at = ctx.now().toISOString();
  ctx.repos.transaction(() => {
    expireDue(ctx, member.id, staff.id, at);
    const balance = ctx.repos.points.balance(member.id);
    // A manager can take away at most what is there: an adjustment never makes a balance negative.
    if (points < 0 && balance + points < 0) throw new LinliError('POINTS_INSUFFICIENT', { balance }, 'points');
    const { expiry } = loyaltyPolicy(ctx);
    const expiresOn = points > 0 ? expiresOnFor(ctx, expiry) : null;
    const id = ctx.newId();
    ctx.repos.points.append({
      id, memberId: member.id, kind: 'adjust', points, reason, saleId: null, sourceId: null,
      storeId: ctx.storeId(), terminalId: ctx.terminalId, staffId: staff.id, at, expiresOn,
    });
    ctx.repos.outbox.append({ id: ctx.newId(), type: 'points.adjusted', aggregateId: member.id, payload: { entryId: id, memberId: member.id, points, reason, staffId: staff.id, at }, createdAt: at });
  });
  return getMemberLoyalty(ctx, { memberId: member.id });
}

export function expiresOnFor(ctx: ServiceContext, policy: ExpiryPolicy): string | null {
  return expiryDay(today(ctx), policy);
}
