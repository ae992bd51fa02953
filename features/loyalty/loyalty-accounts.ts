// A member's points and tier: balance, expiry (FIFO, written as expire entries), tier changes.
import {
  LinliError,
  type LedgerEntryInfo,
  type ParsedInput,
  type MemberLoyalty,
  type TierInfo,
  type TierProgressInfo,
} from '../../contract';
import { addDays, startOfLocalDay } from '../../domain/local-date';
import {
  dueToExpire,
  expiresOn as expiryDay,
  nextExpiry,
  type ExpiryPolicy,
  type LedgerPoint,
} from '../../domain/points';
import { downgradeTo, qualifyingTier, sortTiers, tierProgress, upgradeTo } from '../../domain/tiers';
import { couponInfo } from './coupons';
import type { Ports } from '../ports';
import { loyaltyPolicy, settingKeys, today, utcOffset } from './loyalty-config';
import { stampHlc } from '../members/member-clock';
import { requireMember } from '../members/member-views';
import type { SomeHandlers } from '../handler';

export function tiersOf(ports: Ports): TierInfo[] {
  return sortTiers(ports.store.catalogue.tiers());
}

export function memberTier(ports: Ports, memberId: string): { tier: TierInfo; since: string | null } {
  const tiers = tiersOf(ports);
  const row = ports.store.points.currentTier(memberId);
  const tier = (row && tiers.find((t) => t.code === row.tierCode)) || tiers[0]!;
  return { tier, since: row?.at ?? null };
}

/** The member's spend or points in the tier's window ending today. */
export function tierValue(ports: Ports, memberId: string, tier: TierInfo): number {
  const since = startOfLocalDay(addDays(today(ports), -(tier.windowDays - 1)), utcOffset(ports));
  return tier.qualifyMetric === 'spend'
    ? ports.store.sales.spendSince(memberId, since)
    : ports.store.points.earnedSince(memberId, since);
}

export function progressOf(ports: Ports, memberId: string, current: TierInfo): TierProgressInfo {
  return tierProgress(tiersOf(ports), current, (t) => tierValue(ports, memberId, t));
}

/** Writes the expire entry a member is due (inside the caller's transaction). Returns the points expired. */
export function expireDue(
  ports: Ports,
  memberId: string,
  staffId: string | null,
  at: string,
  // A sale reads the member's entries once for expiry and for its balance.
  entries: readonly LedgerPoint[] = ports.store.points.entriesForExpiry(memberId),
): number {
  const due = dueToExpire(entries, today(ports));
  if (due <= 0) return 0;
  ports.store.points.append({
    id: ports.ids.newId(),
    memberId,
    kind: 'expire',
    points: -due,
    reason: 'expiry',
    saleId: null,
    sourceId: null,
    storeId: ports.config.storeId(),
    terminalId: ports.config.terminalId,
    staffId,
    at,
    expiresOn: null,
  });
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'points.expired',
    aggregateId: memberId,
    payload: { memberId, points: due, at },
    createdAt: at,
  });
  return due;
}

/**
 * The member's tier once this sale counts: upgraded at once when it qualifies. Values per window
 * are read once and the sale's own spend (or points) is added, so it can be decided before the
 * sale's rows are written. Writes the tier change (inside the sale's transaction) when there is one.
 */
export function tierAfterSale(
  ports: Ports,
  memberId: string,
  sale: { id: string; spendMinor: number; pointsEarned: number; at: string },
  /** The tier the sale was priced with (read in the same transaction). */
  tier: TierInfo = memberTier(ports, memberId).tier,
): { tier: TierInfo; upgraded: boolean; progress: TierProgressInfo } {
  const tiers = tiersOf(ports);
  const seen = new Map<string, number>();
  const valueFor = (t: TierInfo) => {
    const key = `${t.qualifyMetric}/${t.windowDays}`;
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = tierValue(ports, memberId, t)));
    return v + (t.qualifyMetric === 'spend' ? sale.spendMinor : sale.pointsEarned);
  };
  const to = upgradeTo(tier, qualifyingTier(tiers, valueFor));
  if (to) {
    ports.store.points.setTier({
      id: ports.ids.newId(),
      memberId,
      tierCode: to.code,
      change: 'upgrade',
      saleId: sale.id,
      at: sale.at,
    });
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'member.tier_changed',
      aggregateId: memberId,
      payload: {
        memberId,
        from: tier.code,
        to: to.code,
        change: 'upgrade',
        saleId: sale.id,
        at: sale.at,
        hlc: stampHlc(ports),
      },
      createdAt: sale.at,
    });
  }
  const now = to ?? tier;
  return { tier: now, upgraded: Boolean(to), progress: tierProgress(tiers, now, valueFor) };
}

export function runLoyaltyJobs(ports: Ports): { expiredMembers: number; expiredPoints: number; downgraded: number } {
  const at = ports.clock.now().toISOString();
  const day = today(ports);
  const staffId = ports.session.current()?.id ?? null;
  let expiredMembers = 0;
  let expiredPoints = 0;
  let downgraded = 0;
  // Only credits whose last day passed since the previous run, through an index: the job runs on
  // the counter's thread and must not stall a sale scanning ten million entries.
  const since = ports.store.settings.get(settingKeys.expiryDoneBefore);
  for (const memberId of ports.store.points.membersWithExpiredCredits(since, day)) {
    const points = ports.store.transaction(() => expireDue(ports, memberId, staffId, at));
    if (points > 0) {
      expiredMembers++;
      expiredPoints += points;
    }
  }
  if (since === null || since < day) ports.store.settings.set(settingKeys.expiryDoneBefore, day);
  if (ports.store.settings.get(settingKeys.downgradesCheckedOn) === day)
    return { expiredMembers, expiredPoints, downgraded };
  const tiers = tiersOf(ports);
  for (const row of ports.store.points.tieredMembers()) {
    const current = tiers.find((t) => t.code === row.tierCode);
    if (!current || current.rank === tiers[0]!.rank) continue;
    const qualifying = qualifyingTier(tiers, (t) => tierValue(ports, row.memberId, t));
    const to = downgradeTo(current, qualifying, row.at.slice(0, 10), day);
    if (!to) continue;
    ports.store.transaction(() => {
      ports.store.points.setTier({
        id: ports.ids.newId(),
        memberId: row.memberId,
        tierCode: to.code,
        change: 'downgrade',
        saleId: null,
        at,
      });
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'member.tier_changed',
        aggregateId: row.memberId,
        payload: {
          memberId: row.memberId,
          from: current.code,
          to: to.code,
          change: 'downgrade',
          at,
          hlc: stampHlc(ports),
        },
        createdAt: at,
      });
    });
    downgraded++;
  }
  ports.store.settings.set(settingKeys.downgradesCheckedOn, day);
  return { expiredMembers, expiredPoints, downgraded };
}

export function getMemberLoyalty(ports: Ports, input: { memberId: string }): MemberLoyalty {
  const member = requireMember(ports, input.memberId);
  const policy = loyaltyPolicy(ports);
  const { tier } = memberTier(ports, member.id);
  const entries = ports.store.points.entriesForExpiry(member.id);
  const day = today(ports);
  // Points past their last day but not yet written off are shown as gone already.
  const pending = dueToExpire(entries, day);
  const recent: LedgerEntryInfo[] = ports.store.points.recent(member.id, 10).map((r) => ({
    id: r.id,
    kind: r.kind,
    points: r.points,
    reason: r.reason,
    saleId: r.saleId,
    receiptNo: r.receiptNo,
    at: r.at,
    expiresOn: r.expiresOn,
    staffName: r.staffName,
  }));
  return {
    memberId: member.id,
    balance: entries.reduce((a, e) => a + e.points, 0) - pending,
    tier,
    progress: progressOf(ports, member.id, tier),
    expiring: nextExpiry(entries, day, policy.expiringSoonDays),
    recent,
    coupons: ports.store.coupons.ofMember(member.id).flatMap((c) => {
      const definition = ports.store.coupons.definition(c.definitionId);
      return definition ? [couponInfo(c.code, definition, c.used > 0)] : [];
    }),
    redeemRate: policy.redeem,
  };
}

function adjustPoints(ports: Ports, input: ParsedInput<'adjustPoints'>, staff: { id: string }): MemberLoyalty {
  const member = requireMember(ports, input.memberId);
  const points = input.points;
  if (points === 0) throw new LinliError('POINTS_INVALID', undefined, 'points');
  const reason = input.reason.trim();
  if (!reason) throw new LinliError('REASON_REQUIRED', undefined, 'reason');
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    expireDue(ports, member.id, staff.id, at);
    const balance = ports.store.points.balance(member.id);
    // A manager can take away at most what is there: an adjustment never makes a balance negative.
    if (points < 0 && balance + points < 0) throw new LinliError('POINTS_INSUFFICIENT', { balance }, 'points');
    appendAdjustment(ports, { memberId: member.id, points, reason, sourceId: null, staffId: staff.id, at });
  });
  return getMemberLoyalty(ports, { memberId: member.id });
}

/**
 * Points given or taken outside a sale (a manager's adjustment, attending an event, …): one ledger
 * entry and its points.adjusted event, in the caller's transaction. A sourceId makes it once only:
 * the ledger refuses a second credit from the same source. Answers the entry's id.
 */
export function appendAdjustment(
  ports: Ports,
  e: { memberId: string; points: number; reason: string; sourceId: string | null; staffId: string | null; at: string },
): string {
  const { expiry } = loyaltyPolicy(ports);
  const expiresOn = e.points > 0 ? expiresOnFor(ports, expiry) : null;
  const id = ports.ids.newId();
  ports.store.points.append({
    id,
    memberId: e.memberId,
    kind: 'adjust',
    points: e.points,
    reason: e.reason,
    saleId: null,
    sourceId: e.sourceId,
    storeId: ports.config.storeId(),
    terminalId: ports.config.terminalId,
    staffId: e.staffId,
    at: e.at,
    expiresOn,
  });
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'points.adjusted',
    aggregateId: e.memberId,
    payload: {
      entryId: id,
      memberId: e.memberId,
      points: e.points,
      reason: e.reason,
      staffId: e.staffId,
      at: e.at,
    },
    createdAt: e.at,
  });
  return id;
}

export function expiresOnFor(ports: Ports, policy: ExpiryPolicy): string | null {
  return expiryDay(today(ports), policy);
}

export const loyaltyHandlers = {
  listProducts: (_input, { ports }) => ports.store.catalogue.products(),
  listTiers: (_input, { ports }) => tiersOf(ports),
  listCouponDefinitions: (_input, { ports }) => ports.store.coupons.definitions(),
  getMemberLoyalty: (input, { ports }) => getMemberLoyalty(ports, input),
  adjustPoints: (input, { ports, staff }) => adjustPoints(ports, input, staff),
  runLoyaltyJobs: (_input, { ports }) => runLoyaltyJobs(ports),
} satisfies SomeHandlers;

/** Expiry and downgrades run hourly; each run writes only what is due, so running twice is harmless. */
const jobIntervalMs = 60 * 60 * 1000;

/** Starts the hourly loyalty jobs; returns the function that stops them. */
export function scheduleLoyaltyJobs(ports: Ports): () => void {
  const timer = setInterval(() => {
    try {
      runLoyaltyJobs(ports);
    } catch {
      // A failed run is retried at the next interval; the counter must keep selling meanwhile.
    }
  }, jobIntervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
