// Members from the hub's members stream (docs/sync-conflicts.md, "Members"): enrolments, profile
// edits that won at the hub, and merges. Profile fields are last-writer-wins by hybrid logical
// clock here too, so a terminal ends at the same profile as the hub whatever order it hears edits
// in; every clock seen moves this terminal's clock past it (features/members/member-clock.ts).
import type { PulledChange } from '../../contract';
import type { TerminalStore } from '../../db/store';
import { hlcAfter } from '../../domain/hlc';
import { nameIndexText } from '../../domain/name-search';
import { phoneSuffix } from '../../domain/phone';
import { observeHlc } from '../members/member-clock';

type Data<K extends PulledChange['kind']> = Extract<PulledChange, { kind: K }>['data'];

export function applyMember(store: TerminalStore, m: Data<'member'>): boolean {
  observeHlc(store, m.hlc);
  if (store.members.get(m.id)) return false;
  // A referral code taken here by someone else: the member is not copied over it (rare: 32^6 codes).
  if (store.members.idByReferralCode(m.referralCode)) return false;
  const member = {
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
    profileHlc: m.hlc ?? '',
  };
  // The same phone enrolled here as another member (both shops offline): the hub flagged it
  // (phone_claimed). The pulled member is kept, so its card scans and its points count, but a phone
  // lookup keeps finding the member who had the number here first until the brand merges them.
  if (store.members.findByPhone(m.phone)) {
    store.members.insertClaim(member);
    return true;
  }
  return store.members.insert(member) === 'inserted';
}

export function applyMemberProfile(store: TerminalStore, p: Data<'member_profile'>): boolean {
  observeHlc(store, p.hlc);
  const member = store.members.get(p.memberId);
  // An edit older than the one shown here (this terminal's own, made later by the clock) loses.
  if (!member || !hlcAfter(p.hlc, member.profileHlc)) return false;
  store.members.updateProfile(member.id, {
    name: p.name,
    nameTokens: nameIndexText(p.name),
    birthday: p.birthday,
    gender: p.gender,
    community: p.community,
    interests: p.interests,
    updatedAt: p.updatedAt,
    profileHlc: p.hlc,
  });
  return true;
}

/**
 * The brand merged two members: the merged one's cards go to the survivor and a lookup of it leads
 * there. Its points came just before as ordinary ledger entries (−X for it, +X for the survivor).
 */
export function applyMerge(store: TerminalStore, m: Data<'merge'>): boolean {
  if (!store.members.get(m.survivorId) || !store.members.get(m.mergedId)) return false;
  if (!store.members.markMerged(m.mergedId, m.survivorId)) return false;
  store.cards.repoint(m.mergedId, m.survivorId);
  return true;
}
