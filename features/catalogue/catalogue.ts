// The terminal's own catalogue (decision 0015): a manager adds and prices products and keeps the
// member tiers, until the brand's hub sends them. Each change is one transaction with its outbox
// event, so the hub can take over what the store already has. Once the terminal is registered the
// hub is the source (decision 0018): local edits are refused, and the pull applier writes instead.
import {
  LinliError,
  type ApiErrorShape,
  type CatalogueProduct,
  type LocalName,
  type ParsedInput,
  type StaffSummary,
  type TierInfo,
} from '../../contract';
import { isValidBarcode, normaliseBarcode } from '../../domain/barcode';
import { tierLadderProblem } from '../../domain/tiers';
import type { SomeHandlers } from '../handler';
import { tiersOf } from '../loyalty/loyalty-accounts';
import { receiptStore } from '../loyalty/loyalty-config';
import type { Ports } from '../ports';
import { readRegistration } from '../sync/registration';

/** A registered terminal takes its catalogue from the hub: an edit here would be overwritten, or diverge. */
function refuseWhenHubManaged(ports: Ports): void {
  if (readRegistration(ports.store.settings)) throw new LinliError('CATALOGUE_MANAGED_BY_HUB');
}

/** Every problem at once, the first as the error itself (what `inputError` does for a schema). */
function refusal(issues: ApiErrorShape[]): LinliError {
  const [first, ...rest] = issues;
  return new LinliError(first!.code, first!.params, first!.field, rest.length ? issues : undefined);
}

/** An English name left empty shows the Chinese one. */
const localName = (name: { zh: string; en?: string | undefined }): LocalName => ({
  zh: name.zh,
  en: name.en || name.zh,
});

function saveProduct(ports: Ports, input: ParsedInput<'saveProduct'>, staff: StaffSummary): CatalogueProduct {
  refuseWhenHubManaged(ports);
  const catalogue = ports.store.catalogue;
  const at = ports.clock.now().toISOString();
  return ports.store.transaction(() => {
    const existing = input.id ? catalogue.anyProduct(input.id) : null;
    if (input.id && !existing) throw new LinliError('PRODUCT_UNKNOWN');
    const id = existing?.id ?? ports.ids.newId();
    const issues: ApiErrorShape[] = [];

    const sameSku = catalogue.productBySku(input.sku);
    if (sameSku && sameSku.id !== id) issues.push({ code: 'SKU_TAKEN', field: 'sku' });

    // Checked as a scan reads it (features/checkout/catalogue.ts): a UPC-A with the leading 0 an
    // EAN-13 scanner adds is the same product, and a code whose check digit is wrong never scans.
    let barcode: string | null = null;
    if (input.barcode) {
      barcode = normaliseBarcode(input.barcode);
      if (!isValidBarcode(barcode)) issues.push({ code: 'BARCODE_INVALID', field: 'barcode' });
      else {
        // Inactive products keep their barcode: it still names them on old receipts and refunds.
        const other = catalogue.anyProductByBarcode(barcode);
        if (other && other.id !== id)
          issues.push({ code: 'BARCODE_TAKEN', field: 'barcode', params: { sku: other.sku } });
      }
    }

    const tierCodes = new Set(tiersOf(ports).map((t) => t.code));
    for (const [code, priceMinor] of Object.entries(input.tierPrices)) {
      const field = `tierPrices.${code}`;
      if (!tierCodes.has(code)) issues.push({ code: 'TIER_UNKNOWN', field, params: { code } });
      // Pricing would ignore it (a member never pays more than the list price): say so instead.
      else if (priceMinor > input.listPriceMinor) issues.push({ code: 'TIER_PRICE_ABOVE_LIST', field });
    }
    if (issues.length) throw refusal(issues);

    const name = localName(input.name);
    catalogue.saveProduct({
      id,
      sku: input.sku,
      barcode,
      nameZh: name.zh,
      nameEn: name.en,
      category: input.category,
      priceMinor: input.listPriceMinor,
      currency: existing?.currency ?? receiptStore(ports).currency,
      pointsEligible: input.pointsEligible,
      active: input.active,
      tierPrices: input.tierPrices,
    });
    const saved = catalogue.anyProduct(id)!;
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'product.saved',
      aggregateId: id,
      payload: { ...saved, created: !existing, staffId: staff.id, at },
      createdAt: at,
    });
    return saved;
  });
}

/** Writes a tier and its outbox event (inside the caller's transaction). */
function writeTier(ports: Ports, tier: TierInfo, staffId: string | null, at: string): void {
  ports.store.catalogue.saveTier({ ...tier, id: ports.ids.newId() });
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'tier.saved',
    aggregateId: tier.code,
    payload: { ...tier, staffId, at },
    createdAt: at,
  });
}

function saveTier(ports: Ports, input: ParsedInput<'saveTier'>, staff: StaffSummary): TierInfo[] {
  refuseWhenHubManaged(ports);
  const tier: TierInfo = {
    code: input.code,
    name: localName(input.name),
    rank: input.rank,
    qualifyMetric: input.qualifyMetric,
    threshold: input.threshold,
    windowDays: input.windowDays,
    pointsMultiplierPct: input.pointsMultiplierPct,
  };
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    // The ladder as committed, read before the write (the repository's tier cache must never hold
    // a row this transaction might roll back).
    const problem = tierLadderProblem(tiersOf(ports), tier);
    if (problem?.code === 'TIER_RANK_TAKEN')
      throw new LinliError('TIER_RANK_TAKEN', { code: problem.other.code }, 'rank');
    // Codes, not names: a message's parameters are the same in every language.
    if (problem)
      throw new LinliError(
        'TIER_THRESHOLD_ORDER',
        { lower: problem.lower.code, higher: problem.higher.code },
        'threshold',
      );
    writeTier(ports, tier, staff.id, at);
  });
  // Members move up with their next qualifying sale and down on the scheduled evaluation, as with
  // rules from the hub: saving a tier changes nobody's tier by itself.
  return tiersOf(ports);
}

/** The tier every member is in until they qualify for more: a store without it could not serve members. */
export const entryTier: TierInfo = {
  code: 'normal',
  name: { zh: '普通会员', en: 'Member' },
  rank: 0,
  qualifyMetric: 'spend',
  threshold: 0,
  windowDays: 365,
  pointsMultiplierPct: 100,
};

/** Gives a store with no tiers the entry tier (inside the caller's transaction); false when it had tiers. */
export function ensureEntryTier(ports: Ports, staffId: string | null, at: string): boolean {
  if (ports.store.catalogue.tiers().length > 0) return false;
  writeTier(ports, entryTier, staffId, at);
  return true;
}

/** At start: a store set up before terminals made their entry tier at set-up gets it now. */
export function catchUpEntryTier(ports: Ports): void {
  if (!ports.config.storeId() || ports.store.catalogue.tiers().length > 0) return;
  ports.store.transaction(() => ensureEntryTier(ports, null, ports.clock.now().toISOString()));
}

export const catalogueHandlers = {
  listCatalogueProducts: (_input, { ports }) => ports.store.catalogue.allProducts(),
  saveProduct: (input, { ports, staff }) => saveProduct(ports, input, staff),
  saveTier: (input, { ports, staff }) => saveTier(ports, input, staff),
} satisfies SomeHandlers;
