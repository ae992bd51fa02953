// The admin CLI's catalogue commands (decision 0018): each one request to the hub's admin API.
// Prices on the command line are typed in yuan as people type them (12.50) and sent in minor
// units (1250); a file (--file) is the API's JSON body itself, with prices in minor units.
import { readFile } from 'node:fs/promises';
import {
  parseMajor,
  type HubCampaign,
  type HubCampaignListResponse,
  type HubContest,
  type HubContestListResponse,
  type HubCouponDefinition,
  type HubCouponDefinitionListResponse,
  type HubProduct,
  type HubProductListResponse,
  type HubTier,
  type HubTierListResponse,
} from '../../contract';
import { CliError } from './cli-error';

export const catalogueUsage = `  set-price --sku TEA-001 --price 12.50 [--tier gold]
                                               the list price, or a tier's member price (yuan)
  upsert-product --sku TEA-001 --name-zh 桂花乌龙茶 --price 68 [--name-en ..] [--category tea] [--barcode ..]
  upsert-product --file product.json           add or replace a product by SKU (prices in fen in files)
  retire-product --sku TEA-001                 not sold any more, at every shop
  list-products                                the brand's products and prices
  upsert-tier --file tier.json                 add or change a member tier (by code)
  list-tiers
  set-rules --file rules.json                  earning, redemption and expiry of points
  create-coupon --file coupon.json             a coupon definition (with "id": replace that one)
  list-coupons
  create-campaign --file campaign.json         a campaign with its slides (with "id": replace that one)
  list-campaigns
  create-contest --file contest.json           a contest and its entrants (by phone or memberId); prints their codes
  list-contests                                every contest with its entrants' codes and chain-wide votes`;

/** The flags these commands read, for parseArgs. */
export const catalogueOptions = {
  sku: { type: 'string' },
  price: { type: 'string' },
  tier: { type: 'string' },
  file: { type: 'string' },
  barcode: { type: 'string' },
  category: { type: 'string' },
  'name-zh': { type: 'string' },
  'name-en': { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof catalogueOptions, string>>;
export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function need(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required (npm run hub:admin -- --help)`);
  return value;
}

/** A price typed in yuan, in minor units; a clear refusal for anything else. */
export function yuan(text: string, flag = '--price'): number {
  const minor = parseMajor(text);
  if (minor === null)
    throw new CliError(
      `${flag} "${text}" is not a price: type it in yuan, e.g. 12.50 or 68 (digits, at most two decimals, not negative)`,
    );
  return minor;
}

async function json(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

const fen = (minor: number) => `¥${(minor / 100).toFixed(2)}`;
const productLine = (p: HubProduct) => {
  const members = Object.entries(p.tierPrices).map(([tier, price]) => `${tier} ${fen(price)}`);
  return `${p.sku}  ${p.name.zh} / ${p.name.en}  ${fen(p.listPriceMinor)}${members.length ? `  (${members.join(', ')})` : ''}  ${p.category}${p.active ? '' : '  RETIRED'}`;
};
const tierLine = (t: HubTier) =>
  `${t.rank}  ${t.code}  ${t.name.zh} / ${t.name.en}  ${t.qualifyMetric} ≥ ${t.threshold} in ${t.windowDays} days  ×${t.pointsMultiplierPct / 100}`;
const couponLine = (d: HubCouponDefinition) =>
  `${d.id}  ${d.genericCode ?? '(issued per member)'}  ${d.name.zh}  ${d.validFrom}..${d.validTo}${d.offlineAllowed ? '' : '  ONLINE ONLY'}`;
const campaignLine = (c: HubCampaign) =>
  `${c.id}  ${c.title.zh} / ${c.title.en}  ${c.startsAt}..${c.endsAt}  for ${[...c.targetTiers, ...c.targetTags].join(', ') || 'everyone'}  ${c.slides.length} slides`;

/** The output of a catalogue command, or null when the command is none of them. */
export async function runCatalogueCommand(command: string, values: Values, call: Call): Promise<string | null> {
  switch (command) {
    case 'set-price': {
      const sku = need(values.sku, '--sku');
      const priceMinor = yuan(need(values.price, '--price'));
      const { product } = await call<{ product: HubProduct }>(
        'POST',
        `/v1/admin/products/${encodeURIComponent(sku)}/price`,
        { priceMinor, ...(values.tier ? { tier: values.tier } : {}) },
      );
      const what = values.tier ? `${values.tier.toLowerCase()} member price` : 'list price';
      return `${product.sku} ${what} set to ${fen(priceMinor)}; every terminal gets it at its next pull.\n${productLine(product)}`;
    }
    case 'upsert-product': {
      const body = values.file
        ? await json(values.file)
        : {
            sku: need(values.sku, '--sku'),
            name: { zh: need(values['name-zh'], '--name-zh'), ...(values['name-en'] ? { en: values['name-en'] } : {}) },
            listPriceMinor: yuan(need(values.price, '--price')),
            ...(values.category ? { category: values.category } : {}),
            ...(values.barcode ? { barcode: values.barcode } : {}),
          };
      const { product } = await call<{ product: HubProduct }>('POST', '/v1/admin/products', body);
      return `Product saved: ${productLine(product)}`;
    }
    case 'retire-product': {
      const sku = need(values.sku, '--sku');
      const { product } = await call<{ product: HubProduct }>(
        'POST',
        `/v1/admin/products/${encodeURIComponent(sku)}/retire`,
        {},
      );
      return `Product ${product.sku} retired: no shop sells it any more (its sales and refunds still resolve).`;
    }
    case 'list-products': {
      const { products } = await call<HubProductListResponse>('GET', '/v1/admin/products');
      return products.length ? products.map(productLine).join('\n') : 'No products at the hub yet.';
    }
    case 'upsert-tier': {
      const { tier } = await call<{ tier: HubTier }>(
        'POST',
        '/v1/admin/tiers',
        await json(need(values.file, '--file')),
      );
      return `Tier saved: ${tierLine(tier)}`;
    }
    case 'list-tiers': {
      const { tiers } = await call<HubTierListResponse>('GET', '/v1/admin/tiers');
      return tiers.length ? tiers.map(tierLine).join('\n') : 'No tiers at the hub yet.';
    }
    case 'set-rules': {
      await call('PUT', '/v1/admin/rules', await json(need(values.file, '--file')));
      return 'Earning rules saved; every terminal gets them at its next pull.';
    }
    case 'create-coupon': {
      const { definition } = await call<{ definition: HubCouponDefinition }>(
        'POST',
        '/v1/admin/coupon-definitions',
        await json(need(values.file, '--file')),
      );
      return `Coupon definition saved: ${couponLine(definition)}`;
    }
    case 'list-coupons': {
      const { definitions } = await call<HubCouponDefinitionListResponse>('GET', '/v1/admin/coupon-definitions');
      return definitions.length ? definitions.map(couponLine).join('\n') : 'No coupon definitions at the hub yet.';
    }
    case 'create-campaign': {
      const { campaign } = await call<{ campaign: HubCampaign }>(
        'POST',
        '/v1/admin/campaigns',
        await json(need(values.file, '--file')),
      );
      return `Campaign saved: ${campaignLine(campaign)}`;
    }
    case 'list-campaigns': {
      const { campaigns } = await call<HubCampaignListResponse>('GET', '/v1/admin/campaigns');
      return campaigns.length ? campaigns.map(campaignLine).join('\n') : 'No campaigns at the hub yet.';
    }
    case 'create-contest': {
      const { contest } = await call<{ contest: HubContest }>(
        'POST',
        '/v1/admin/contests',
        await json(need(values.file, '--file')),
      );
      return [
        `Contest saved: ${contestLine(contest)}`,
        ...contest.entrants.map((e) => `  ${e.code}  ${e.maskedName}`),
      ].join('\n');
    }
    case 'list-contests': {
      const { contests } = await call<HubContestListResponse>('GET', '/v1/admin/contests');
      if (!contests.length) return 'No contests at the hub yet.';
      return contests
        .flatMap((c) => [
          contestLine(c),
          ...c.entrants.map(
            (e) => `  ${e.code}  ${e.maskedName}  ${c.tallies.find((t) => t.entrantId === e.id)?.votes ?? 0} votes`,
          ),
        ])
        .join('\n');
    }
    default:
      return null;
  }
}

const contestLine = (c: HubContest) =>
  `${c.id}  ${c.title.zh} / ${c.title.en}  ${c.startsAt} – ${c.endsAt}  ${c.votesPerDailyVote} per daily vote, ` +
  (c.purchasesCount ? `${c.votesPerPurchase} per purchase` : 'purchases do not count');
