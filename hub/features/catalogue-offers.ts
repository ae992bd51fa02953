// The brand's coupon definitions and campaigns at the hub (admin API). Both are made with an id
// here (or replaced by the id given), and reach every terminal through the `catalogue` stream; a
// campaign carries the slides the self-service attract screen shows (issue 10).
import { randomUUID } from 'node:crypto';
import type { campaignRequest, couponDefinitionRequest, HubCampaign, HubCouponDefinition } from '../../contract';
import type { z } from 'zod';
import type { HubStorage, Queryable } from '../storage';
import { badField } from './admin-input';
import { catalogueWrite } from './catalogue-write';
import { HubError, isUniqueViolation } from './errors';
import { iso } from './sql';

type DefinitionInput = z.output<typeof couponDefinitionRequest>;
type CampaignInput = z.output<typeof campaignRequest>;

const minor = (column: string) => `${column}::integer`;
const definitionColumns = `id, jsonb_build_object('zh', name_zh, 'en', name_en) AS name, kind,
  ${minor('amount_off_minor')} AS "amountOffMinor", percent_off AS "percentOff", ${minor('cap_minor')} AS "capMinor",
  free_product_sku AS "freeProductSku", ${minor('min_spend_minor')} AS "minSpendMinor", categories,
  valid_from AS "validFrom", valid_to AS "validTo", per_member_limit AS "perMemberLimit",
  offline_allowed AS "offlineAllowed", generic_code AS "genericCode", ${iso('updated_at')} AS "updatedAt"`;

export async function listCouponDefinitions(db: Queryable): Promise<HubCouponDefinition[]> {
  return (
    await db.query<HubCouponDefinition>(`SELECT ${definitionColumns} FROM coupon_definitions ORDER BY valid_to, id`)
  ).rows;
}

/** Adds the definition (no id) or replaces the one with this id. */
export async function upsertCouponDefinition(storage: HubStorage, d: DefinitionInput): Promise<HubCouponDefinition> {
  return catalogueWrite(storage, async (tx) => {
    if (d.freeProductSku) {
      const { rows } = await tx.query('SELECT 1 FROM products WHERE sku = $1', [d.freeProductSku]);
      if (!rows.length) throw badField('freeProductSku', `no product has the SKU ${d.freeProductSku}`);
    }
    let rows: HubCouponDefinition[];
    try {
      ({ rows } = await tx.query<HubCouponDefinition>(
        `INSERT INTO coupon_definitions (id, name_zh, name_en, kind, amount_off_minor, percent_off, cap_minor,
           free_product_sku, min_spend_minor, categories, valid_from, valid_to, per_member_limit, offline_allowed, generic_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15)
         ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
           amount_off_minor = excluded.amount_off_minor, percent_off = excluded.percent_off, cap_minor = excluded.cap_minor,
           free_product_sku = excluded.free_product_sku, min_spend_minor = excluded.min_spend_minor,
           categories = excluded.categories, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
           per_member_limit = excluded.per_member_limit, offline_allowed = excluded.offline_allowed,
           generic_code = excluded.generic_code, updated_at = now()
         RETURNING ${definitionColumns}`,
        [
          d.id ?? randomUUID(),
          d.name.zh,
          d.name.en,
          d.kind,
          d.amountOffMinor,
          d.percentOff,
          d.capMinor,
          d.freeProductSku,
          d.minSpendMinor,
          JSON.stringify(d.categories),
          d.validFrom,
          d.validTo,
          d.perMemberLimit,
          d.offlineAllowed,
          d.genericCode,
        ],
      ));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new HubError('ALREADY_EXISTS', 409, `the code ${d.genericCode} belongs to another coupon`, 'genericCode');
      throw error;
    }
    return { result: rows[0]!, changes: [{ kind: 'coupon_definition', data: rows[0]! }] };
  });
}

const campaignColumns = `id, jsonb_build_object('zh', title_zh, 'en', title_en) AS title,
  jsonb_build_object('zh', body_zh, 'en', body_en) AS body, target_tiers AS "targetTiers", target_tags AS "targetTags",
  ${iso('starts_at')} AS "startsAt", ${iso('ends_at')} AS "endsAt", slides, ${iso('updated_at')} AS "updatedAt"`;

export async function listCampaigns(db: Queryable): Promise<HubCampaign[]> {
  return (await db.query<HubCampaign>(`SELECT ${campaignColumns} FROM campaigns ORDER BY starts_at, id`)).rows;
}

/** Adds the campaign (no id) or replaces the one with this id. */
export async function upsertCampaign(storage: HubStorage, c: CampaignInput): Promise<HubCampaign> {
  return catalogueWrite(storage, async (tx) => {
    const { rows: known } = await tx.query<{ code: string }>('SELECT code FROM tiers');
    const unknown = c.targetTiers.find((code) => !known.some((t) => t.code === code));
    if (unknown) throw badField('targetTiers', `no tier has the code ${unknown}`);
    const { rows } = await tx.query<HubCampaign>(
      `INSERT INTO campaigns (id, title_zh, title_en, body_zh, body_en, target_tiers, target_tags, starts_at, ends_at, slides)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10::jsonb)
       ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
         body_zh = excluded.body_zh, body_en = excluded.body_en, target_tiers = excluded.target_tiers,
         target_tags = excluded.target_tags, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
         slides = excluded.slides, updated_at = now()
       RETURNING ${campaignColumns}`,
      [
        c.id ?? randomUUID(),
        c.title.zh,
        c.title.en,
        c.body.zh,
        c.body.en,
        JSON.stringify([...new Set(c.targetTiers)]),
        JSON.stringify([...new Set(c.targetTags)]),
        c.startsAt,
        c.endsAt,
        JSON.stringify(c.slides),
      ],
    );
    return { result: rows[0]!, changes: [{ kind: 'campaign', data: rows[0]! }] };
  });
}
