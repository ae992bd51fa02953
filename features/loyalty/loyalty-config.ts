import { localDate } from '../../domain/local-date';
import { defaultLoyaltyPolicy, type LoyaltyPolicy } from '../../domain/points';
import type { TaxConfig } from '../../domain/pricing';
import type { ReceiptStore } from '../../domain/sale-receipt';
import type { Ports } from '../ports';
import { readRegistration } from '../sync/registration';

// Loyalty rules and sales settings are data (settings rows as JSON, sent by the hub later; the
// demo seed writes the demo store's). Missing keys fall back to the defaults here.
export const settingKeys = {
  policy: 'loyalty.policy',
  tax: 'sales.tax',
  utcOffset: 'store.utc_offset_minutes',
  feedbackUrl: 'receipt.feedback_url',
  /** The local day up to which (exclusive) the expiry job has written off every due credit. */
  expiryDoneBefore: 'loyalty.expiry_done_before',
  /** The local day the tier downgrade evaluation last ran (once a day is enough: windows are in days). */
  downgradesCheckedOn: 'loyalty.downgrades_checked_on',
} as const;

function json<T>(ports: Ports, key: string, fallback: T): T {
  const raw = ports.store.settings.get(key);
  if (!raw) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(raw) as T) };
  } catch {
    return fallback;
  }
}

export const loyaltyPolicy = (ports: Ports): LoyaltyPolicy => json(ports, settingKeys.policy, defaultLoyaltyPolicy);
export const taxConfig = (ports: Ports): TaxConfig => json(ports, settingKeys.tax, { included: true, rateBp: 1300 });
export const utcOffset = (ports: Ports): number => Number(ports.store.settings.get(settingKeys.utcOffset) ?? 480);
/**
 * Whether an online-only coupon may be offered now (the quote): registered, and the hub did not fail
 * the last request made to it. Checkout asks the hub itself (features/sync/coupon-claim.ts).
 */
export const isHubOnline = (ports: Ports): boolean =>
  readRegistration(ports.store.settings) !== null && ports.sync.reachable() !== false;
export const today = (ports: Ports): string => localDate(ports.clock.now(), utcOffset(ports));

export function receiptStore(ports: Ports): ReceiptStore & { currency: string; id: string | null } {
  const storeId = ports.config.storeId();
  const store = storeId ? ports.store.stores.get(storeId) : null;
  return {
    id: storeId,
    name: store?.name ?? 'Linli',
    code: store?.code ?? '',
    currency: store?.currency ?? 'CNY',
    utcOffsetMinutes: utcOffset(ports),
  };
}

/** The receipt's e-receipt and feedback link; null (no QR on the receipt) until the brand sets one. */
export function feedbackUrl(ports: Ports, saleId: string): string | null {
  const base = ports.store.settings.get(settingKeys.feedbackUrl)?.trim();
  return base ? `${base}${saleId}` : null;
}
