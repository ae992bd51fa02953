// Applying what the hub's members stream says into the terminal's SQLite: members enrolled, cards
// issued or blocked, and ledger entries made at other shops of the chain. One transaction per page,
// which also stores the cursor: a crash before the commit means the page is pulled again, a crash
// after means it is not, and either way nothing is applied twice. Nothing here writes the outbox:
// these changes came from the hub, which has them.
import type { CardBlockReason, PulledChange } from '../../contract';
import type { TerminalStore } from '../../db/store';
import { nameIndexText } from '../../domain/name-search';
import { phoneSuffix } from '../../domain/phone';

export const pullCursorKey = 'hub.pull_cursor.members';

type Data<K extends PulledChange['kind']> = Extract<PulledChange, { kind: K }>['data'];

function applyMember(store: TerminalStore, m: Data<'member'>): boolean {
  if (store.members.get(m.id)) return false;
  // The same phone or referral code taken here by someone else: the member is not copied over it.
  // Such claims become recorded conflicts at the hub later (issue 9); until then the local member stays.
  if (store.members.findByPhone(m.phone) || store.members.idByReferralCode(m.referralCode)) return false;
  return (
    store.members.insert({
      id: m.id,
      name: m.name,
      phone: m.phone,
      phoneNational: m.phoneNational,
      phoneLast4: phoneSuffix(m.phone),
      nameTokens: nameIndexText(m.name),
      birthday: m.birthday,
      gender: m.gender,
      community: m.community,
      interests: m.interests,
      referralCode: m.referralCode,
      // Foreign keys here: a referrer or home store this terminal does not know is left out.
      referredBy: m.referredBy && store.members.get(m.referredBy) ? m.referredBy : null,
      storeId: store.stores.get(m.homeStoreId) ? m.homeStoreId : null,
      enrolledBy: null,
      enrolledAt: m.enrolledAt,
      updatedAt: m.updatedAt,
    }) === 'inserted'
  );
}

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

/** Applies one page in order and moves the cursor, in one transaction; answers how many changed something. */
export function applyPulledPage(store: TerminalStore, changes: readonly PulledChange[], cursor: string): number {
  return store.transaction(() => {
    let applied = 0;
    for (const change of changes) {
      const did =
        change.kind === 'member'
          ? applyMember(store, change.data)
          : change.kind === 'card'
            ? applyCard(store, change.data)
            : change.kind === 'points'
              ? applyPoints(store, change.data)
              : // Another stream's kind (the catalogue's): never on this stream's pages.
                false;
      if (did) applied++;
    }
    store.settings.set(pullCursorKey, cursor);
    return applied;
  });
}
