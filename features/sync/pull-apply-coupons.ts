// Applying the coupons of the members stream: personal coupons issued at other shops, and every use
// or return of a coupon anywhere in the chain, so a coupon used at one shop is refused here once
// pulled (COUPON_USED, as for a local use). Called by pull-apply.ts inside the page's transaction;
// each change applies at most once (by code, by the hub's use id, by sale and code).
import type { CouponDefinitionWire, PulledChange } from '../../contract';
import type { TerminalStore } from '../../db/store';

type Data<K extends PulledChange['kind']> = Extract<PulledChange, { kind: K }>['data'];
export type PulledCouponChange = Extract<PulledChange, { kind: 'coupon' | 'coupon_use' }>;

/**
 * The definition a pulled coupon or use means here: the same id, else this terminal's definition
 * of that generic code or issued coupon. Until the hub is the source of definitions, each terminal
 * made its own demo definitions, so a generic code is the shared name of a campaign, not its id.
 */
function localDefinitionId(store: TerminalStore, definitionId: string, code: string): string | null {
  if (store.coupons.definition(definitionId)) return definitionId;
  return store.coupons.definitionByGenericCode(code)?.id ?? store.coupons.coupon(code)?.definitionId ?? null;
}

/** A definition another shop issued a coupon of, made known here; answers the id to use. */
function adoptDefinition(store: TerminalStore, d: CouponDefinitionWire, at: string): string {
  const same = d.genericCode ? store.coupons.definitionByGenericCode(d.genericCode) : null;
  if (same) return same.id;
  store.coupons.insertDefinition({
    id: d.id,
    name: d.name,
    kind: d.kind,
    amountOffMinor: d.amountOffMinor,
    percentOff: d.percentOff,
    capMinor: d.capMinor,
    // A free item this terminal does not sell: the coupon is known but applies to nothing here.
    freeProductId: d.freeProductId && store.catalogue.product(d.freeProductId) ? d.freeProductId : null,
    minSpendMinor: d.minSpendMinor,
    categories: d.categories,
    validFrom: d.validFrom,
    validTo: d.validTo,
    perMemberLimit: d.perMemberLimit,
    offlineAllowed: d.offlineAllowed,
    genericCode: d.genericCode,
    createdAt: at,
  });
  return d.id;
}

function applyCoupon(store: TerminalStore, c: Data<'coupon'>): boolean {
  // A member this terminal does not know (left out at pull) cannot present the coupon here.
  if (store.coupons.coupon(c.code) || store.coupons.definitionByGenericCode(c.code)) return false;
  if (!store.members.get(c.memberId)) return false;
  const known = store.coupons.definition(c.definitionId) ? c.definitionId : null;
  const definitionId = known ?? (c.definition ? adoptDefinition(store, c.definition, c.issuedAt) : null);
  if (!definitionId) return false;
  store.coupons.issue(c.code, definitionId, c.memberId, c.issuedAt, null);
  return true;
}

function applyCouponUse(store: TerminalStore, u: Data<'coupon_use'>): boolean {
  // A personal coupon here that is someone else's is another coupon sharing the code (every demo
  // terminal seeds the same one): its uses elsewhere say nothing about this one.
  const issued = store.coupons.coupon(u.code);
  if (issued && issued.memberId !== u.memberId) return false;
  // A use the hub kept as a conflict: this terminal stops counting it, its own included.
  const marked = !u.counted && store.coupons.markConflicted(u.saleId, u.code, u.at);
  const definitionId = localDefinitionId(store, u.definitionId, u.code);
  if (!definitionId) return marked;
  const recorded = store.coupons.recordPulledUse({
    id: u.id,
    code: u.code,
    definitionId,
    memberId: u.memberId && store.members.get(u.memberId) ? u.memberId : null,
    saleId: u.saleId,
    refundId: u.refundId,
    delta: u.delta,
    at: u.at,
  });
  return marked || recorded;
}

/** Applies one coupon change; answers whether it changed something. */
export function applyCouponChange(store: TerminalStore, change: PulledCouponChange): boolean {
  return change.kind === 'coupon' ? applyCoupon(store, change.data) : applyCouponUse(store, change.data);
}
