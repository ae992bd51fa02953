// The admin API of the brand's catalogue (decision 0018), behind the admin token like every
// /v1/admin/* route: products and prices, tiers, earning rules, coupon definitions, campaigns and contests.
// Writes answer the record as stored; every write also reaches terminals via the catalogue stream.
import {
  campaignRequest,
  contestRequest,
  couponDefinitionRequest,
  hubProductRequest,
  hubTierRequest,
  loyaltyRules,
  setPriceRequest,
} from '../../contract';
import {
  getRules,
  listCampaigns,
  listContests,
  listCouponDefinitions,
  listProducts,
  listTiers,
  parseAdmin,
  retireProduct,
  setPrice,
  setRules,
  upsertCampaign,
  upsertContest,
  upsertCouponDefinition,
  upsertProduct,
  upsertTier,
  type HubStorage,
} from '../features';

export interface Answer {
  status: number;
  body: unknown;
}

/** The answer of a catalogue route, or null when the path is none of them. */
export async function catalogueRoute(
  storage: HubStorage,
  method: string,
  path: string,
  body: () => Promise<unknown>,
): Promise<Answer | null> {
  const ok = (value: unknown): Answer => ({ status: 200, body: value });
  const get = method === 'GET';
  const post = method === 'POST' || method === 'PUT';
  switch (path) {
    case '/v1/admin/products':
      if (get) return ok({ products: await listProducts(storage) });
      if (post) return ok({ product: await upsertProduct(storage, parseAdmin(hubProductRequest, await body())) });
      return null;
    case '/v1/admin/tiers':
      if (get) return ok({ tiers: await listTiers(storage) });
      if (post) return ok({ tier: await upsertTier(storage, parseAdmin(hubTierRequest, await body())) });
      return null;
    case '/v1/admin/rules':
      if (get) return ok({ rules: await getRules(storage) });
      if (post) return ok({ rules: await setRules(storage, parseAdmin(loyaltyRules, await body())) });
      return null;
    case '/v1/admin/coupon-definitions':
      if (get) return ok({ definitions: await listCouponDefinitions(storage) });
      if (post)
        return ok({
          definition: await upsertCouponDefinition(storage, parseAdmin(couponDefinitionRequest, await body())),
        });
      return null;
    case '/v1/admin/campaigns':
      if (get) return ok({ campaigns: await listCampaigns(storage) });
      if (post) return ok({ campaign: await upsertCampaign(storage, parseAdmin(campaignRequest, await body())) });
      return null;
    case '/v1/admin/contests':
      if (get) return ok({ contests: await listContests(storage) });
      if (post) return ok({ contest: await upsertContest(storage, parseAdmin(contestRequest, await body())) });
      return null;
  }
  const product = /^\/v1\/admin\/products\/([^/]+)\/(price|retire)$/.exec(path);
  if (post && product) {
    const sku = decodeURIComponent(product[1]!);
    if (product[2] === 'retire') return ok({ product: await retireProduct(storage, sku) });
    return ok({ product: await setPrice(storage, sku, parseAdmin(setPriceRequest, await body())) });
  }
  return null;
}
