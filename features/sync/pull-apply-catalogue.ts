// Applying the hub's catalogue stream into the terminal's SQLite (decision 0018): products and
// prices, tiers, the earning rules, coupon definitions and campaigns, as the brand set them. One
// transaction per page with the cursor, like the members stream (pull-apply.ts): a page is applied
// whole or pulled again, and applying a change twice writes the same row twice, never two rows.
// Nothing here writes the outbox: the hub has these already.
//
// What the terminal had before it was registered stays: a hub product with the same id or SKU
// replaces the local one in its row (its id stays, so old sales and refunds still name it), a hub
// coupon definition replaces the local one with the same id or generic code, a hub tier the local
// one with the same code. Every other local record is left as it was.
import { applyContestChange } from '../contests/contests';
import type {
  CatalogueProduct,
  HubCouponDefinition,
  HubProduct,
  HubTier,
  LoyaltyRules,
  PulledChange,
} from '../../contract';
import type { SavedProduct } from '../../db/repositories/catalogue';
import type { TerminalStore } from '../../db/store';
import { applyPulledEvent } from '../events/event-pull';
import { settingKeys } from '../loyalty/loyalty-config';

export const catalogueCursorKey = 'hub.pull_cursor.catalogue';

/** A local tier a hub tier displaces goes above every level the brand uses, out of reach. */
const retiredRankFrom = 1000;
const unreachable = Number.MAX_SAFE_INTEGER;

const savedOf = (p: CatalogueProduct): SavedProduct => ({
  id: p.id,
  sku: p.sku,
  barcode: p.barcode,
  nameZh: p.name.zh,
  nameEn: p.name.en,
  category: p.category,
  priceMinor: p.listPriceMinor,
  currency: p.currency,
  pointsEligible: p.pointsEligible,
  active: p.active,
  tierPrices: p.tierPrices,
});

function storeCurrency(store: TerminalStore): string {
  const storeId = store.settings.get('store_id');
  return (storeId && store.stores.get(storeId)?.currency) || 'CNY';
}

function applyProduct(store: TerminalStore, p: HubProduct): boolean {
  const { catalogue } = store;
  const bySku = catalogue.productBySku(p.sku);
  const local = catalogue.anyProduct(p.id) ?? (bySku && catalogue.anyProduct(bySku.id));
  const id = local?.id ?? p.id;
  // The brand's barcode is the brand's: a local product that had it keeps going by its SKU.
  const holder = p.barcode ? catalogue.anyProductByBarcode(p.barcode) : null;
  if (holder && holder.id !== id) catalogue.saveProduct({ ...savedOf(holder), barcode: null });
  // A member price for a tier this terminal does not have yet: the list price until the tier comes.
  const tiers = new Set(catalogue.tiers().map((t) => t.code));
  catalogue.saveProduct({
    id,
    sku: p.sku,
    barcode: p.barcode,
    nameZh: p.name.zh,
    nameEn: p.name.en,
    category: p.category,
    priceMinor: p.listPriceMinor,
    currency: local?.currency ?? storeCurrency(store),
    pointsEligible: p.pointsEligible,
    active: p.active,
    tierPrices: Object.fromEntries(Object.entries(p.tierPrices).filter(([code]) => tiers.has(code))),
  });
  return true;
}

function applyTier(store: TerminalStore, t: HubTier): boolean {
  const { catalogue } = store;
  const tiers = catalogue.tiers();
  // A local tier on the level the brand's tier takes (the rank is unique): retired above the
  // ladder with a threshold nobody reaches, kept for the members' histories that name it.
  const holder = tiers.find((x) => x.rank === t.rank && x.code !== t.code);
  if (holder) {
    let rank = retiredRankFrom;
    while (tiers.some((x) => x.rank === rank)) rank++;
    catalogue.saveTier({ ...holder, id: `hub-tier-${holder.code}`, rank, threshold: unreachable });
  }
  catalogue.saveTier({ ...t, id: `hub-tier-${t.code}` });
  return true;
}

function applyRules(store: TerminalStore, rules: LoyaltyRules): boolean {
  store.settings.set(settingKeys.policy, JSON.stringify(rules));
  return true;
}

function applyCouponDefinition(store: TerminalStore, d: HubCouponDefinition): boolean {
  const { coupons } = store;
  const sameCode = d.genericCode ? coupons.definitionByGenericCode(d.genericCode) : null;
  const local = coupons.definition(d.id) ?? sameCode;
  const id = local?.id ?? d.id;
  if (sameCode && sameCode.id !== id)
    coupons.saveDefinition({ ...sameCode, genericCode: null, createdAt: d.updatedAt });
  const { freeProductSku, updatedAt, ...rest } = d;
  coupons.saveDefinition({
    ...rest,
    id,
    // Each terminal has its own row for the brand's product: found by SKU.
    freeProductId: freeProductSku ? (store.catalogue.productBySku(freeProductSku)?.id ?? null) : null,
    createdAt: updatedAt,
  });
  return true;
}

function applyChange(store: TerminalStore, change: PulledChange): boolean {
  switch (change.kind) {
    case 'product':
      return applyProduct(store, change.data);
    case 'tier':
      return applyTier(store, change.data);
    case 'rules':
      return applyRules(store, change.data);
    case 'coupon_definition':
      return applyCouponDefinition(store, change.data);
    case 'campaign':
      store.campaigns.save(change.data);
      return true;
    case 'contest':
    case 'contest_tally':
      return applyContestChange(store, change);
    case 'event':
      return applyPulledEvent(store, change.data);
    default:
      // Another stream's kind (the members'): never on this stream's pages.
      return false;
  }
}

/** Applies one catalogue page in order and moves its cursor, in one transaction; answers how many applied. */
export function applyCataloguePage(store: TerminalStore, changes: readonly PulledChange[], cursor: string): number {
  return store.transaction(() => {
    let applied = 0;
    for (const change of changes) if (applyChange(store, change)) applied++;
    store.settings.set(catalogueCursorKey, cursor);
    return applied;
  });
}
