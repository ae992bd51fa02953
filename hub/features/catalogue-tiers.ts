// The brand's member tiers and earning rules at the hub (admin API). A tier is keyed by its code
// (member histories and prices refer to it) and the ladder is checked as a terminal checks it
// (domain/tiers.ts), so every shop receives a ladder it can use.
import type { HubTier, LoyaltyRules, tierInput } from '../../contract';
import { tierLadderProblem } from '../../domain/tiers';
import type { z } from 'zod';
import type { HubStorage, Queryable } from '../storage';
import { badField } from './admin-input';
import { catalogueWrite } from './catalogue-write';

type TierInput = z.output<typeof tierInput>;

const tierColumns = `code, jsonb_build_object('zh', name_zh, 'en', name_en) AS name, rank, qualify_metric AS "qualifyMetric",
  threshold::bigint::float8 AS threshold, window_days AS "windowDays", points_multiplier_pct AS "pointsMultiplierPct"`;

export async function listTiers(db: Queryable): Promise<HubTier[]> {
  return (await db.query<HubTier>(`SELECT ${tierColumns} FROM tiers ORDER BY rank`)).rows;
}

/** Adds the tier, or changes the one with this code. */
export async function upsertTier(storage: HubStorage, input: TierInput): Promise<HubTier> {
  const tier: HubTier = { ...input, name: { zh: input.name.zh, en: input.name.en || input.name.zh } };
  return catalogueWrite(storage, async (tx) => {
    await tx.query('LOCK TABLE tiers IN EXCLUSIVE MODE');
    const problem = tierLadderProblem(await listTiers(tx), tier);
    if (problem?.code === 'TIER_RANK_TAKEN')
      throw badField('rank', `level ${tier.rank} is the tier ${problem.other.code}'s`);
    if (problem)
      throw badField(
        'threshold',
        `the tier ${problem.higher.code} must need more than ${problem.lower.code} (same metric, higher level)`,
      );
    const { rows } = await tx.query<HubTier>(
      `INSERT INTO tiers (code, name_zh, name_en, rank, qualify_metric, threshold, window_days, points_multiplier_pct)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, rank = excluded.rank,
         qualify_metric = excluded.qualify_metric, threshold = excluded.threshold, window_days = excluded.window_days,
         points_multiplier_pct = excluded.points_multiplier_pct, updated_at = now()
       RETURNING ${tierColumns}`,
      [
        tier.code,
        tier.name.zh,
        tier.name.en,
        tier.rank,
        tier.qualifyMetric,
        tier.threshold,
        tier.windowDays,
        tier.pointsMultiplierPct,
      ],
    );
    return { result: rows[0]!, changes: [{ kind: 'tier', data: rows[0]! }] };
  });
}

export async function getRules(db: Queryable): Promise<LoyaltyRules | null> {
  const { rows } = await db.query<{ rules: LoyaltyRules }>('SELECT rules FROM loyalty_rules WHERE id = 1');
  return rows[0]?.rules ?? null;
}

/** Replaces the brand's earning, redemption and expiry rules as a whole. */
export async function setRules(storage: HubStorage, rules: LoyaltyRules): Promise<LoyaltyRules> {
  return catalogueWrite(storage, async (tx) => {
    await tx.query(
      `INSERT INTO loyalty_rules (id, rules) VALUES (1, $1::jsonb)
       ON CONFLICT (id) DO UPDATE SET rules = excluded.rules, updated_at = now()`,
      [JSON.stringify(rules)],
    );
    return { result: rules, changes: [{ kind: 'rules', data: rules }] };
  });
}
