// The brand's catalogue at the hub (decision 0018): products and prices, member tiers, the earning
// rules, coupon definitions and campaigns. Written through the admin API (/v1/admin/*, the admin
// token), they reach every terminal through the `catalogue` pull stream; a registered terminal
// takes them as they are and no longer edits its own. Field rules are the terminal's
// (api-catalogue.ts), so a product the hub accepts is one a terminal would have accepted.
import { z } from 'zod';
import { catalogueFields, catalogueLimits, productInput, qualifyMetrics, tierInput } from './api-catalogue';
import type { CouponKind } from './loyalty-types';
import { fail, int, oneOf, text } from './schema-kit';
import { pulledContest, pulledContestTally } from './hub-contests';

const { sku, category, tierCode, price } = catalogueFields;
const flag = (field: string) => z.boolean(fail('INVALID_INPUT', { field }));
const day = (field: string) =>
  text('INVALID_INPUT', { max: 10, field }).regex(/^\d{4}-\d{2}-\d{2}$/, fail('INVALID_INPUT', { field }));
const instant = (field: string) => z.iso.datetime({ offset: true, ...fail('INVALID_INPUT', { field }) });

/** Chinese required, English optional (the Chinese shows in English too), at most `max` characters. */
const localText = (field: string, max: number) =>
  z
    .object(
      {
        zh: text('INVALID_INPUT', { max, field: `${field}.zh`, required: true }).transform((s) => s.trim()),
        en: text('INVALID_INPUT', { max, field: `${field}.en` })
          .transform((s) => s.trim())
          .optional(),
      },
      fail('INVALID_INPUT', { field }),
    )
    .transform((n) => ({ zh: n.zh, en: n.en || n.zh }));

// Products and prices

/** POST /v1/admin/products: adds the product or replaces the one with this SKU (the brand's key for it). */
export const hubProductRequest = productInput.omit({ id: true });
export type HubProductRequest = z.input<typeof hubProductRequest>;

/** POST /v1/admin/products/:sku/price: the list price, or with `tier` that tier's member price (null removes it). */
export const setPriceRequest = z
  .object({
    priceMinor: price('priceMinor').nullable(),
    tier: tierCode('tier').nullish(),
  })
  .refine((r) => r.priceMinor !== null || Boolean(r.tier), {
    ...fail('PRICE_INVALID', { field: 'priceMinor' }),
    path: ['priceMinor'],
  });
export type SetPriceRequest = z.input<typeof setPriceRequest>;

// Tiers and rules

/** POST /v1/admin/tiers: adds the tier or changes the one with this code (the terminal's tier fields). */
export const hubTierRequest = tierInput;
export type HubTierRequest = z.input<typeof hubTierRequest>;

const multiplierPct = (field: string) => int('INVALID_INPUT', 0, catalogueLimits.multiplierPctMax, field);

/**
 * PUT /v1/admin/rules: what a brand decides of its points (the terminal's LoyaltyPolicy,
 * domain/points.ts): how spend earns, what points pay, when they expire.
 */
export const loyaltyRules = z.object({
  earning: z.object(
    {
      /** Spend per step, in minor units: 100 = per yuan. */
      unitMinor: int('INVALID_INPUT', 1, 1_000_000, 'earning.unitMinor'),
      pointsPerUnit: int('INVALID_INPUT', 0, 10_000, 'earning.pointsPerUnit'),
      categoryMultipliersPct: z
        .record(category, multiplierPct('earning.categoryMultipliersPct'), fail('INVALID_INPUT', { field: 'earning' }))
        .default({}),
      birthdayMonthMultiplierPct: multiplierPct('earning.birthdayMonthMultiplierPct').default(100),
    },
    fail('INVALID_INPUT', { field: 'earning' }),
  ),
  redeem: z.object(
    {
      points: int('INVALID_INPUT', 1, 1_000_000, 'redeem.points'),
      valueMinor: int('INVALID_INPUT', 1, 1_000_000, 'redeem.valueMinor'),
    },
    fail('INVALID_INPUT', { field: 'redeem' }),
  ),
  expiry: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('never') }),
      z.object({ kind: z.literal('end_of_year_after'), years: int('INVALID_INPUT', 0, 10, 'expiry.years') }),
      z.object({
        kind: z.literal('days'),
        days: int('INVALID_INPUT', 1, catalogueLimits.windowDaysMax, 'expiry.days'),
      }),
    ],
    fail('INVALID_INPUT', { field: 'expiry' }),
  ),
  /** The member screen flags points expiring within this many days. */
  expiringSoonDays: int('INVALID_INPUT', 0, 366, 'expiringSoonDays').default(60),
});
export type LoyaltyRules = z.infer<typeof loyaltyRules>;
export type LoyaltyRulesRequest = z.input<typeof loyaltyRules>;

// Coupon definitions

export const couponKinds = ['amount_off', 'percent_off', 'free_item'] as const satisfies readonly CouponKind[];

/** POST /v1/admin/coupon-definitions: without an id a new definition; with one, that definition replaced. */
export const couponDefinitionRequest = z
  .object({
    id: text('INVALID_INPUT', { max: 64, field: 'id' })
      .regex(/^[\w.-]+$/, fail('INVALID_INPUT', { field: 'id' }))
      .optional(),
    name: localText('name', catalogueLimits.nameMax),
    kind: oneOf(couponKinds, 'INVALID_INPUT', 'kind'),
    amountOffMinor: price('amountOffMinor').nullable().default(null),
    percentOff: int('INVALID_INPUT', 1, 100, 'percentOff').nullable().default(null),
    capMinor: price('capMinor').nullable().default(null),
    /** The free item of a free_item coupon, by SKU: each terminal finds its own row for it. */
    freeProductSku: sku.nullable().default(null),
    minSpendMinor: price('minSpendMinor').default(0),
    /** Empty: every category. */
    categories: z
      .array(category, fail('INVALID_INPUT', { field: 'categories' }))
      .max(50)
      .default([]),
    validFrom: day('validFrom'),
    validTo: day('validTo'),
    perMemberLimit: int('INVALID_INPUT', 1, 1000, 'perMemberLimit').nullable().default(null),
    /** false: only with the hub's confirmation (ONLINE30). */
    offlineAllowed: flag('offlineAllowed').default(true),
    /** A code anyone may type (printed on a flyer), upper case; null: coupons are issued per member. */
    genericCode: text('INVALID_INPUT', { max: 32, field: 'genericCode' })
      .transform((s) => s.trim().toUpperCase())
      .refine((s) => /^[A-Z0-9][A-Z0-9_-]{1,31}$/.test(s), fail('INVALID_INPUT', { field: 'genericCode' }))
      .nullable()
      .default(null),
  })
  .superRefine((d, ctx) => {
    const need = (ok: boolean, field: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [field], ...fail('INVALID_INPUT', { field }), message: '' });
    };
    if (d.kind === 'amount_off') need(d.amountOffMinor !== null && d.amountOffMinor > 0, 'amountOffMinor');
    if (d.kind === 'percent_off') need(d.percentOff !== null, 'percentOff');
    if (d.kind === 'free_item') need(d.freeProductSku !== null, 'freeProductSku');
    need(d.validFrom <= d.validTo, 'validTo');
  });
export type CouponDefinitionRequest = z.input<typeof couponDefinitionRequest>;

// Campaigns

/** One picture of the self-service attract screen (issue 10). */
export const campaignSlide = z.object({
  title: localText('slides.title', 80),
  body: localText('slides.body', 400),
  imageUrl: z
    .url(fail('INVALID_INPUT', { field: 'slides.imageUrl' }))
    .max(1000)
    .nullish()
    .default(null),
});

/** A member tag the brand's CRM gives (e.g. tea-lover): lower case, like category codes. */
const memberTag = text('INVALID_INPUT', { max: 40, field: 'targetTags' })
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(s), fail('INVALID_INPUT', { field: 'targetTags' }));

/** POST /v1/admin/campaigns: without an id a new campaign; with one, that campaign replaced. */
export const campaignRequest = z
  .object({
    id: text('INVALID_INPUT', { max: 64, field: 'id' })
      .regex(/^[\w.-]+$/, fail('INVALID_INPUT', { field: 'id' }))
      .optional(),
    title: localText('title', 80),
    body: localText('body', 1000),
    /** Tier codes and member tags it is for; both empty: every customer. */
    targetTiers: z.array(tierCode('targetTiers')).max(20).default([]),
    targetTags: z.array(memberTag).max(50).default([]),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    slides: z.array(campaignSlide).max(20).default([]),
  })
  .refine((c) => Date.parse(c.startsAt) < Date.parse(c.endsAt), {
    ...fail('INVALID_INPUT', { field: 'endsAt' }),
    path: ['endsAt'],
  });
export type CampaignRequest = z.input<typeof campaignRequest>;

// What the hub keeps and every terminal receives (pulled kinds of the `catalogue` stream).
// Read leniently by a terminal: what a newer hub adds is ignored, not refused.

const pulledText = (max: number) => z.string().min(1).max(max);
const pulledName = z.object({ zh: z.string().max(1000), en: z.string().max(1000) });

export const pulledProduct = z.object({
  id: pulledText(64),
  sku: pulledText(catalogueLimits.skuMax),
  barcode: z.string().max(14).nullable(),
  name: pulledName,
  category: pulledText(catalogueLimits.categoryMax),
  listPriceMinor: z.number().int().min(0),
  tierPrices: z.record(z.string().max(catalogueLimits.tierCodeMax), z.number().int().min(0)),
  pointsEligible: z.boolean(),
  active: z.boolean(),
  updatedAt: pulledText(40),
});
export type HubProduct = z.infer<typeof pulledProduct>;

export const pulledTier = z.object({
  code: pulledText(catalogueLimits.tierCodeMax),
  name: pulledName,
  rank: z.number().int().min(0),
  qualifyMetric: z.enum(qualifyMetrics),
  threshold: z.number().int().min(0),
  windowDays: z.number().int().min(1),
  pointsMultiplierPct: z.number().int().min(0),
});
export type HubTier = z.infer<typeof pulledTier>;

export const pulledRules = loyaltyRules;

export const pulledCouponDefinition = z.object({
  id: pulledText(64),
  name: pulledName,
  kind: z.enum(couponKinds),
  amountOffMinor: z.number().int().min(0).nullable(),
  percentOff: z.number().int().min(0).max(100).nullable(),
  capMinor: z.number().int().min(0).nullable(),
  freeProductSku: z.string().max(catalogueLimits.skuMax).nullable(),
  minSpendMinor: z.number().int().min(0),
  categories: z.array(z.string().max(catalogueLimits.categoryMax)),
  validFrom: pulledText(10),
  validTo: pulledText(10),
  perMemberLimit: z.number().int().min(1).nullable(),
  offlineAllowed: z.boolean(),
  genericCode: z.string().max(32).nullable(),
  updatedAt: pulledText(40),
});
export type HubCouponDefinition = z.infer<typeof pulledCouponDefinition>;

export const pulledCampaign = z.object({
  id: pulledText(64),
  title: pulledName,
  body: pulledName,
  targetTiers: z.array(z.string().max(catalogueLimits.tierCodeMax)),
  targetTags: z.array(z.string().max(40)),
  startsAt: pulledText(40),
  endsAt: pulledText(40),
  slides: z.array(z.object({ title: pulledName, body: pulledName, imageUrl: z.string().max(1000).nullable() })),
  updatedAt: pulledText(40),
});
export type HubCampaign = z.infer<typeof pulledCampaign>;

/** The `catalogue` stream's kinds, joined into `pulledChange` (hub-api.ts). */
export const pulledCatalogueChanges = [
  z.object({ kind: z.literal('product'), data: pulledProduct }),
  z.object({ kind: z.literal('tier'), data: pulledTier }),
  z.object({ kind: z.literal('rules'), data: pulledRules }),
  z.object({ kind: z.literal('coupon_definition'), data: pulledCouponDefinition }),
  z.object({ kind: z.literal('campaign'), data: pulledCampaign }),
  z.object({ kind: z.literal('contest'), data: pulledContest }),
  z.object({ kind: z.literal('contest_tally'), data: pulledContestTally }),
] as const;

// Answers of the admin API

export interface HubProductListResponse {
  products: HubProduct[];
}
export interface HubTierListResponse {
  tiers: HubTier[];
}
export interface HubRulesResponse {
  /** null until the brand sets them: terminals keep their own until then. */
  rules: LoyaltyRules | null;
}
export interface HubCouponDefinitionListResponse {
  definitions: HubCouponDefinition[];
}
export interface HubCampaignListResponse {
  campaigns: HubCampaign[];
}
