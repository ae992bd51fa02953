// Coupons across the chain (docs/sync-conflicts.md, decision 0019). An issued coupon and every use
// or return of one go down the members stream, so a coupon used at one shop is refused at the
// next. A use that breaks a coupon's rule because two shops redeemed it while both were offline is
// still applied (the sale was real, money was taken) but kept as a conflict: the first use applied
// here counts, the later one never does, and a coupon_reused conflict names both. An online-only
// coupon is claimed here before its sale commits; the claim holds the use until the sale arrives.
import type {
  CouponClaimRefusal,
  CouponClaimRequest,
  CouponClaimResponse,
  PulledChange,
  SyncPayload,
} from '../../contract';
import type { HubStorage, Queryable } from '../storage';
import { appendChange } from './changes';
import { recordConflict } from './conflicts';
import { HubError } from './errors';
import type { ProjectionContext } from './projections';
import { iso } from './sql';
import type { AuthenticatedTerminal } from './terminals';

/** How long a confirmed claim holds its use for a sale that has not arrived yet. */
export const claimHoldMinutes = 15;

interface CouponRule {
  code: string;
  definitionId: string;
  memberId: string | null;
  /** An issued (personal) coupon: one use in the whole chain. */
  singleUse: boolean;
  perMemberLimit: number | null;
  /** The member an issued coupon belongs to, when the hub was told (coupon.issued). */
  ownerMemberId: string | null;
}

/** Uses and checks of one coupon are serialised across hub processes: two shops, one answer. */
async function lockCoupon(tx: Queryable, code: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`linli:coupon:${code}`]);
}

/** The rules the terminal sent with the use, completed by what coupon.issued told the hub. */
async function ruleOf(
  tx: Queryable,
  c: {
    code: string;
    definitionId: string;
    singleUse?: boolean | undefined;
    perMemberLimit?: number | null | undefined;
  },
  memberId: string | null,
): Promise<CouponRule> {
  const { rows } = await tx.query<{ memberId: string; limit: number | null }>(
    `SELECT member_id AS "memberId", (definition->>'perMemberLimit')::int AS "limit" FROM coupons WHERE code = $1`,
    [c.code],
  );
  const issued = rows[0];
  return {
    code: c.code,
    definitionId: c.definitionId,
    memberId,
    singleUse: Boolean(c.singleUse) || issued !== undefined,
    perMemberLimit: c.perMemberLimit !== undefined ? c.perMemberLimit : (issued?.limit ?? null),
    ownerMemberId: issued?.memberId ?? null,
  };
}

/**
 * The uses that stand against this one: counted uses net of their returns, and confirmed claims
 * still holding a use for a sale that has not arrived. This sale's own are left out. Uses are
 * matched by code (a generic code is the same at every shop even where its definition's id is not)
 * and, for the member's limit, also by definition. A personal coupon belongs to one member, so its
 * single use is counted among that member's uses of the code: the same code used by another member
 * is another coupon that happens to share it (every demo terminal seeds CDEMOBIRTHDAY), not a reuse.
 */
const standingRows = `
  SELECT u.sale_id, u.code, u.member_id, u.delta, u.store_id, u.at, 'use' AS source
    FROM coupon_uses u
   WHERE NOT u.conflict AND u.sale_id <> $4 AND (u.code = $1 OR (u.member_id = $2 AND u.definition_id = $3))
  UNION ALL
  SELECT c.sale_id, c.code, c.member_id, 1, c.store_id, ${iso('c.created_at')}, 'claim'
    FROM coupon_claims c
   WHERE c.status = 'confirmed' AND c.held_until > now() AND c.sale_id <> $4
     AND (c.code = $1 OR (c.member_id = $2 AND c.definition_id = $3))
     AND NOT EXISTS (SELECT 1 FROM coupon_uses u WHERE u.sale_id = c.sale_id AND u.code = c.code)`;

async function standing(tx: Queryable, rule: CouponRule, saleId: string) {
  const { rows } = await tx.query<{ codeUses: number; memberUses: number }>(
    `SELECT coalesce(sum(delta) FILTER (WHERE code = $1 AND member_id IS NOT DISTINCT FROM $2), 0)::int AS "codeUses",
            coalesce(sum(delta) FILTER (WHERE member_id = $2), 0)::int AS "memberUses"
       FROM (${standingRows}) s`,
    [rule.code, rule.memberId, rule.definitionId, saleId],
  );
  return rows[0]!;
}

/** The rule one more use would break, or null when the coupon may be used. */
async function brokenRule(
  tx: Queryable,
  rule: CouponRule,
  saleId: string,
): Promise<{ reason: Exclude<CouponClaimRefusal, 'COUPON_NOT_MEMBER'>; limit: number | null } | null> {
  const used = await standing(tx, rule, saleId);
  if (rule.singleUse && used.codeUses >= 1) return { reason: 'COUPON_USED', limit: null };
  if (rule.perMemberLimit !== null && rule.memberId !== null && used.memberUses >= rule.perMemberLimit)
    return { reason: 'COUPON_LIMIT_REACHED', limit: rule.perMemberLimit };
  return null;
}

/** Who holds the uses a conflicting one collided with (of the code, or of the member), for the brand's people. */
async function keptUses(
  tx: Queryable,
  rule: CouponRule,
  saleId: string,
  broken: 'COUPON_USED' | 'COUPON_LIMIT_REACHED',
) {
  const { rows } = await tx.query<{ saleId: string; storeCode: string; memberId: string | null; at: string }>(
    `SELECT s.sale_id AS "saleId", st.code AS "storeCode", s.member_id AS "memberId", s.at
       FROM (${standingRows}) s JOIN stores st ON st.id = s.store_id
      WHERE s.delta = 1 AND ${broken === 'COUPON_USED' ? 's.code = $1 AND s.member_id IS NOT DISTINCT FROM $2' : 's.member_id = $2'}
        AND NOT EXISTS (
        SELECT 1 FROM coupon_uses r WHERE r.sale_id = s.sale_id AND r.code = s.code AND r.delta = -1 AND NOT r.conflict)
      ORDER BY s.at LIMIT 10`,
    [rule.code, rule.memberId, rule.definitionId, saleId],
  );
  return rows;
}

type Use = Extract<PulledChange, { kind: 'coupon_use' }>['data'];

async function insertUse(ctx: ProjectionContext, use: Use, conflict: boolean): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO coupon_uses (id, code, definition_id, member_id, sale_id, refund_id, delta, store_id, at, event_id, conflict)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      use.id,
      use.code,
      use.definitionId,
      use.memberId,
      use.saleId,
      use.refundId,
      use.delta,
      ctx.storeId,
      use.at,
      ctx.eventId,
      conflict,
    ],
  );
  // A use in conflict goes back to the shop that made it too: it then stops counting it there.
  await appendChange(ctx, 'members', 'coupon_use', use, { toPusherToo: conflict });
}

export async function projectCouponIssued(ctx: ProjectionContext, p: SyncPayload<'coupon.issued'>): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO coupons (code, definition_id, member_id, issued_at, definition, store_id, event_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [
      p.code,
      p.definitionId,
      p.memberId,
      p.at,
      p.definition ? JSON.stringify(p.definition) : null,
      ctx.storeId,
      ctx.eventId,
    ],
  );
  await appendChange(ctx, 'members', 'coupon', {
    code: p.code,
    definitionId: p.definitionId,
    memberId: p.memberId,
    issuedAt: p.at,
    definition: p.definition ?? null,
  });
}

/** The coupon uses of a completed sale: each counted, unless an earlier use already took it (a conflict). */
export async function projectSaleCoupons(ctx: ProjectionContext, p: SyncPayload<'sale.completed'>): Promise<void> {
  const memberId = p.member?.id ?? null;
  for (const [i, c] of p.coupons.entries()) {
    await lockCoupon(ctx.tx, c.code);
    const rule = await ruleOf(ctx.tx, c, memberId);
    // A claim confirmed for this sale and still holding: the hub said yes before the sale committed.
    const { rows: held } = await ctx.tx.query(
      `SELECT 1 FROM coupon_claims WHERE sale_id = $1 AND code = $2 AND store_id = $3 AND status = 'confirmed'
          AND held_until > now()`,
      [p.id, c.code, ctx.storeId],
    );
    const broken = held.length ? null : await brokenRule(ctx.tx, rule, p.id);
    if (broken)
      await recordConflict(ctx.tx, {
        kind: 'coupon_reused',
        subject: c.code,
        storeId: ctx.storeId,
        terminalId: ctx.terminalId,
        eventId: ctx.eventId,
        detail: {
          code: c.code,
          definitionId: c.definitionId,
          rule: broken.reason === 'COUPON_USED' ? 'single_use' : 'per_member_limit',
          limit: broken.limit,
          kept: await keptUses(ctx.tx, rule, p.id, broken.reason),
          conflicting: { saleId: p.id, receiptNo: p.receiptNo, storeId: ctx.storeId, memberId, at: p.at },
        },
      });
    await insertUse(
      ctx,
      {
        id: `${ctx.eventId}:${i}`,
        code: c.code,
        definitionId: c.definitionId,
        memberId,
        saleId: p.id,
        refundId: null,
        delta: 1,
        storeId: ctx.storeId,
        terminalId: ctx.terminalId,
        at: p.at,
        counted: !broken,
      },
      broken !== null,
    );
  }
}

/** Coupons a refund gives back: each return mirrors its use (a use in conflict returns nothing that counted). */
export async function projectRefundCoupons(ctx: ProjectionContext, p: SyncPayload<'sale.refunded'>): Promise<void> {
  for (const [i, code] of p.couponsReturned.entries()) {
    await lockCoupon(ctx.tx, code);
    const { rows } = await ctx.tx.query<{ definitionId: string; memberId: string | null; conflict: boolean }>(
      `SELECT definition_id AS "definitionId", member_id AS "memberId", conflict
         FROM coupon_uses WHERE sale_id = $1 AND code = $2 AND delta = 1 LIMIT 1`,
      [p.saleId, code],
    );
    const use = rows[0];
    if (!use) continue;
    await insertUse(
      ctx,
      {
        id: `${ctx.eventId}:${i}`,
        code,
        definitionId: use.definitionId,
        memberId: use.memberId,
        saleId: p.saleId,
        refundId: p.id,
        delta: -1,
        storeId: ctx.storeId,
        terminalId: ctx.terminalId,
        at: p.at,
        counted: !use.conflict,
      },
      use.conflict,
    );
  }
}

interface ClaimRow {
  storeId: string;
  memberId: string | null;
  definitionId: string;
  status: 'confirmed' | 'refused';
  reason: CouponClaimRefusal | null;
  limit: number | null;
  heldUntil: string;
}

const answerOf = (row: ClaimRow): CouponClaimResponse =>
  row.status === 'confirmed'
    ? { status: 'confirmed', heldUntil: row.heldUntil }
    : { status: 'refused', reason: row.reason ?? 'COUPON_USED', limit: row.limit };

const claimColumns = `store_id AS "storeId", member_id AS "memberId", definition_id AS "definitionId", status,
  reason, rule_limit AS "limit", ${iso('held_until')} AS "heldUntil"`;

/**
 * POST /v1/coupons/claim: confirms (and holds) or refuses one use of an online-only coupon for a
 * sale about to commit. Idempotent by sale and code: a retry answers what the first answered.
 */
export async function claimCoupon(
  storage: HubStorage,
  terminal: AuthenticatedTerminal,
  req: CouponClaimRequest,
): Promise<CouponClaimResponse> {
  return storage.transaction(async (tx) => {
    await lockCoupon(tx, req.code);
    const { rows: sales } = await tx.query<{ storeId: string }>(
      'SELECT store_id AS "storeId" FROM sales WHERE id = $1',
      [req.saleId],
    );
    const { rows: earlier } = await tx.query<ClaimRow>(
      `SELECT ${claimColumns} FROM coupon_claims WHERE sale_id = $1 AND code = $2`,
      [req.saleId, req.code],
    );
    const ownerStore = sales[0]?.storeId ?? earlier[0]?.storeId;
    if (ownerStore !== undefined && ownerStore !== terminal.storeId)
      throw new HubError('FORBIDDEN', 403, `sale ${req.saleId} belongs to another store`);
    if (earlier[0]) {
      if (earlier[0].memberId !== req.memberId || earlier[0].definitionId !== req.definitionId)
        throw new HubError(
          'ALREADY_EXISTS',
          409,
          `coupon ${req.code} was claimed for sale ${req.saleId} with another member or definition`,
        );
      return answerOf(earlier[0]);
    }
    const rule = await ruleOf(tx, req, req.memberId);
    const refusal =
      rule.ownerMemberId !== null && rule.ownerMemberId !== req.memberId
        ? { reason: 'COUPON_NOT_MEMBER' as const, limit: null }
        : await brokenRule(tx, rule, req.saleId);
    const { rows } = await tx.query<ClaimRow>(
      `INSERT INTO coupon_claims (sale_id, code, definition_id, member_id, store_id, terminal_id, status, reason,
         rule_limit, held_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(mins => $10::int))
       RETURNING ${claimColumns}`,
      [
        req.saleId,
        req.code,
        req.definitionId,
        req.memberId,
        terminal.storeId,
        terminal.terminalId,
        refusal ? 'refused' : 'confirmed',
        refusal?.reason ?? null,
        refusal?.limit ?? null,
        claimHoldMinutes,
      ],
    );
    return answerOf(rows[0]!);
  });
}
