// Applying what the hub's members stream says into the terminal's SQLite: members enrolled, cards
// issued or blocked, and ledger entries made at other shops of the chain. One transaction per page,
// which also stores the cursor: a crash before the commit means the page is pulled again, a crash
// after means it is not, and either way nothing is applied twice. Nothing here writes the outbox:
// these changes came from the hub, which has them.
import type { CardBlockReason, PulledChange } from '../../contract';
import type { TerminalStore } from '../../db/store';
import { applyMember, applyMemberProfile, applyMerge } from './pull-apply-members';
import { applyCouponChange } from './pull-apply-coupons';

export const pullCursorKey = 'hub.pull_cursor.members';

type Data<K extends PulledChange['kind']> = Extract<PulledChange, { kind: K }>['data'];

function applyCard(store: TerminalStore, c: Data<'card'>): boolean {
  if (!store.members.get(c.memberId)) return false;
  const existing = store.cards.get(c.number);
  if (existing && existing.memberId !== c.memberId) return false;
  if (!existing) store.cards.insert(c.number, c.memberId, c.at, null);
  // A block is final everywhere: a card reported lost at one shop is refused at every other.
  if (c.status === 'blocked') return store.cards.block(c.number, c.at, (c.reason ?? 'lost') as CardBlockReason, null);
  return !existing;
}

function applyPoints(store: TerminalStore, p: Data<'points'>): boolean {
  if (p.points === 0 || !store.members.get(p.memberId)) return false;
  return store.points.appendPulled({
    id: p.id,
    memberId: p.memberId,
    kind: p.kind,
    points: p.points,
    reason: p.reason,
    saleId: null,
    sourceId: p.sourceId,
    storeId: p.storeId,
    terminalId: p.terminalId,
    staffId: null,
    at: p.at,
    // The shop that earned them expires them and its expiry entry comes through here too.
    expiresOn: null,
  });
}

function applyOne(store: TerminalStore, change: PulledChange): boolean {
  switch (change.kind) {
    case 'member':
      return applyMember(store, change.data);
    case 'member_profile':
      return applyMemberProfile(store, change.data);
    case 'merge':
      return applyMerge(store, change.data);
    case 'card':
      return applyCard(store, change.data);
    case 'points':
      return applyPoints(store, change.data);
    case 'coupon':
    case 'coupon_use':
      return applyCouponChange(store, change);
    default:
      // Another stream's kind (the catalogue's): never on this stream's pages.
      return false;
  }
}

/** Applies one page in order and moves the cursor, in one transaction; answers how many changed something. */
export function applyPulledPage(store: TerminalStore, changes: readonly PulledChange[], cursor: string): number {
  return store.transaction(() => {
    let applied = 0;
    for (const change of changes) {
      const did = applyOne(store, change);
      if (did) applied++;
    }
    store.settings.set(pullCursorKey, cursor);
    return applied;
  });
}
