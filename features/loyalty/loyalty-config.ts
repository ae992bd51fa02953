import { localDate } from '../../domain/local-date';
import { defaultLoyaltyPolicy, type LoyaltyPolicy } from '../../domain/points';
import type { TaxConfig } from '../../domain/pricing';
import type { ReceiptStore } from '../../domain/sale-receipt';
import type { ServiceContext } from '../context';

// Loyalty rules and sales settings are data (settings rows as JSON, sent by the hub later; the
// demo seed writes the demo store's). Missing keys fall back to the defaults here.
export const settingKeys = {
  policy: 'loyalty.policy',
  tax: 'sales.tax',
  utcOffset: 'store.utc_offset_minutes',
  /** Written by the sync client when the hub answers; absent means offline. */
  hubOnline: 'hub.online',
  feedbackUrl: 'receipt.feedback_url',
  /** The local day up to which (exclusive) the expiry job has written off every due credit. */
  expiryDoneBefore: 'loyalty.expiry_done_before',
  /** The local day the tier downgrade evaluation last ran (once a day is enough: windows are in days). */
  downgradesCheckedOn: 'loyalty.downgrades_checked_on',
} as const;

function json<T>(ctx: ServiceContext, key: string, fallback: T): T {
  const raw = ctx.repos.settings.get(key);
  if (!raw) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(raw) as T) };
  } catch {
    return fallback;
  }
}

export const loyaltyPolicy = (ctx: ServiceContext): LoyaltyPolicy => json(ctx, settingKeys.policy, defaultLoyaltyPolicy);
export const taxConfig = (ctx: ServiceContext): TaxConfig => json(ctx, settingKeys.tax, { included: true, rateBp: 1300 });
export const utcOffset = (ctx: ServiceContext): number => Number(ctx.repos.settings.get(settingKeys.utcOffset) ?? 480);
export const isHubOnline = (ctx: ServiceContext): boolean => ctx.repos.settings.get(settingKeys.hubOnline) === '1';
export const today = (ctx: ServiceContext): string => localDate(ctx.now(), utcOffset(ctx));

export function receiptStore(ctx: ServiceContext): ReceiptStore & { currency: string; id: string | null } {
  const storeId = ctx.storeId();
  const store = storeId ? ctx.repos.stores.get(storeId) : null;
  return { id: storeId, name: store?.name ?? 'Linli', code: store?.code ?? '', currency: store?.currency ?? 'CNY', utcOffsetMinutes: utcOffset(ctx) };
}

export function feedbackUrl(ctx: ServiceContext, saleId: string): string {
  return `${ctx.repos.settings.get(settingKeys.feedbackUrl) ?? 'https://linli.example/r/'}${saleId}`;
}
