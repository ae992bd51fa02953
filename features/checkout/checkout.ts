// Checkout at the counter: price a basket (quote), then record the sale in one transaction with
// its lines, tenders, points entries, coupon uses and outbox event. Idempotent by request id.
import {
  LinliError,
  externalTenderMethods,
  type CheckoutRequest,
  type CheckoutResult,
  type ExternalTenderMethod,
  type ProductInfo,
  type ReceiptDocument,
  type SaleDraft,
  type SaleQuote,
  type SaleRecord,
  type TenderRecord,
  type TierInfo,
} from '../../contract';
import { dueToExpire } from '../../domain/points';
import { PricingRefusal, priceSale, settleTenders, type PricedSale } from '../../domain/pricing';
import { formatReceiptNo, terminalTag } from '../../domain/receipt-number';
import { saleReceipt } from '../../domain/sale-receipt';
import type { MemberRow } from '../../db/repositories/members';
import type { ServiceContext } from '../context';
import { refusalError, resolveCoupons, type FoundCoupon } from '../loyalty/coupons';
import { expireDue, expiresOnFor, memberTier, tierAfterSale, tiersOf } from '../loyalty/loyalty-accounts';
import { feedbackUrl, loyaltyPolicy, receiptStore, taxConfig, today } from '../loyalty/loyalty-config';
import { requireMember, toSummary } from '../members/member-views';
import { checkRequestId, isUniqueViolation, queuePrint, saleRecord } from './sale-views';
import { requireStaff } from '../staff/staff-session';

const maxLines = 100;
const maxQuantity = 999;

interface Priced {
  member: MemberRow | null;
  tier: TierInfo | null;
  coupons: FoundCoupon[];
  balance: number | null;
  sale: PricedSale;
  products: ProductInfo[];
}

function price(ctx: ServiceContext, draft: SaleDraft, allowEmpty: boolean): Priced {
  if (!draft || typeof draft !== 'object') throw new LinliError('INVALID_INPUT');
  const member = draft.memberId === null || draft.memberId === undefined ? null : requireMember(ctx, draft.memberId);
  if (!Array.isArray(draft.lines) || draft.lines.length > maxLines) throw new LinliError('INVALID_INPUT', undefined, 'lines');
  if (draft.lines.length === 0 && !allowEmpty) throw new LinliError('SALE_EMPTY');
  const products = draft.lines.map((line) => {
    const product = typeof line?.productId === 'string' ? ctx.repos.catalogue.product(line.productId) : null;
    if (!product) throw new LinliError('PRODUCT_UNKNOWN');
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > maxQuantity) throw new LinliError('QUANTITY_INVALID', undefined, 'quantity');
    return product;
  });
  const coupons = resolveCoupons(ctx, draft.couponCodes ?? [], member?.id ?? null);
  const tier = member ? memberTier(ctx, member.id).tier : null;
  let balance: number | null = null;
  if (member) {
    const entries = ctx.repos.points.entriesForExpiry(member.id);
    balance = entries.reduce((a, e) => a + e.points, 0) - dueToExpire(entries, today(ctx));
  }
  const policy = loyaltyPolicy(ctx);
  const birthdayMonth = Boolean(member?.birthday && member.birthday.slice(5, 7) === today(ctx).slice(5, 7));
  const pointsToRedeem = draft.pointsToRedeem ?? 0;
  if (typeof pointsToRedeem !== 'number') throw new LinliError('POINTS_INVALID', undefined, 'points');
  try {
    const sale = priceSale({
      lines: draft.lines.map((l, i) => ({ product: products[i]!, quantity: l.quantity })),
      tier,
      tiers: tiersOf(ctx),
      coupons: coupons.map((c) => ({ code: c.code, definition: c.definition })),
      pointsToRedeem,
      balance,
      redeem: policy.redeem,
      earning: policy.earning,
      birthdayMonth,
      tax: taxConfig(ctx),
    });
    return { member, tier, coupons, balance, sale, products };
  } catch (error) {
    if (error instanceof PricingRefusal) throw refusalError(ctx, error.code, error.couponCode ? { ...error.params, code: error.couponCode } : error.params);
    throw error;
  }
}

function toQuote(ctx: ServiceContext, p: Priced): SaleQuote {
  const tax = taxConfig(ctx);
  return {
    currency: receiptStore(ctx).currency,
    member: p.member && p.tier ? { ...toSummary(ctx, p.member), tier: p.tier, balance: p.balance ?? 0 } : null,
    lines: p.sale.lines.map(({ pointsRedeemed: _r, pointsValueMinor: _v, pointsEarned: _e, ...line }) => line),
    coupons: p.sale.coupons,
    listTotalMinor: p.sale.listTotalMinor,
    memberSavingsMinor: p.sale.memberSavingsMinor,
    couponDiscountMinor: p.sale.couponDiscountMinor,
    totalMinor: p.sale.totalMinor,
    taxMinor: p.sale.taxMinor,
    taxIncluded: tax.included,
    taxRateBp: tax.rateBp,
    pointsRedeemed: p.sale.pointsRedeemed,
    pointsValueMinor: p.sale.pointsValueMinor,
    maxRedeemablePoints: p.sale.maxRedeemablePoints,
    redeemRate: loyaltyPolicy(ctx).redeem,
    amountDueMinor: p.sale.amountDueMinor,
    pointsEarned: p.sale.pointsEarned,
    balanceAfter: p.balance === null ? null : p.balance - p.sale.pointsRedeemed + p.sale.pointsEarned,
  };
}

export function quoteSale(ctx: ServiceContext, draft: SaleDraft): SaleQuote {
  requireStaff(ctx);
  return toQuote(ctx, price(ctx, draft, true));
}

function checkTenders(input: unknown): TenderRecord[] {
  if (!Array.isArray(input) || input.length > 4) throw new LinliError('TENDER_INVALID', undefined, 'tenders');
  return input.flatMap((t): TenderRecord[] => {
    const method = t?.method;
    const amount = t?.amountMinor;
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > 10_000_000_00) throw new LinliError('TENDER_INVALID', undefined, 'tenders');
    if (method === 'cash') return amount ? [{ method, amountMinor: amount, reference: null }] : [];
    if (!externalTenderMethods.includes(method as ExternalTenderMethod)) throw new LinliError('TENDER_INVALID', undefined, 'tenders');
    const reference = typeof t.reference === 'string' ? t.reference.trim() : '';
    if (!amount) return [];
    if (!reference || reference.length > 64) throw new LinliError('TENDER_REFERENCE_REQUIRED', undefined, 'reference');
    return [{ method: method as ExternalTenderMethod, amountMinor: amount, reference }];
  });
}

function replay(ctx: ServiceContext, saleId: string): CheckoutResult {
  const row = ctx.repos.sales.get(saleId)!;
  return {
    sale: saleRecord(ctx, row),
    receipt: ctx.repos.sales.receipt(row.id),
    printJobId: null,
    replayed: true,
    balanceAfter: row.memberId ? ctx.repos.points.balance(row.memberId) : null,
    tierChanged: null,
  };
}

export function checkout(ctx: ServiceContext, input: CheckoutRequest): CheckoutResult {
  const staff = requireStaff(ctx);
  const requestId = checkRequestId(input?.requestId);
  const earlier = ctx.repos.sales.byRequestId(requestId);
  if (earlier) return replay(ctx, earlier.id);
  const tenders = checkTenders(input.tenders);
  const at = ctx.now().toISOString();
  const saleId = ctx.newId();
  const store = receiptStore(ctx);
  let tierChanged: TierInfo | null = null;
  let balanceAfter: number | null = null;
  let printJobId: string | null = null;
  let receipt: ReceiptDocument | null = null;
  let record: SaleRecord;
  try {
    record = ctx.repos.transaction(() => {
      if (input.memberId) expireDue(ctx, input.memberId, staff.id, at);
      const p = price(ctx, input, false);
      const settled = settleTenders(p.sale.amountDueMinor, tenders);
      if ('code' in settled) throw refusalError(ctx, settled.code, settled.params);
      const seq = ctx.repos.sales.nextSequence(ctx.terminalId);
      const receiptNo = formatReceiptNo(terminalTag(ctx.terminalId), seq);
      const memberId = p.member?.id ?? null;
      const policy = loyaltyPolicy(ctx);
      // Everything the receipt shows is known before the first row is written: build it once.
      const tier = memberId ? tierAfterSale(ctx, memberId, { id: saleId, spendMinor: p.sale.totalMinor, pointsEarned: p.sale.pointsEarned, at }) : null;
      if (tier?.upgraded) tierChanged = tier.tier;
      if (p.balance !== null) balanceAfter = p.balance - p.sale.pointsRedeemed + p.sale.pointsEarned;
      const sale: SaleRecord = {
        id: saleId, receiptNo, at, staffName: staff.name, member: p.member ? toSummary(ctx, p.member) : null, currency: store.currency,
        lines: p.sale.lines.map((line) => ({ ...line, id: ctx.newId(), refundedQuantity: 0 })),
        coupons: p.sale.coupons, tenders, totalMinor: p.sale.totalMinor, amountDueMinor: p.sale.amountDueMinor,
        cashReceivedMinor: settled.cashReceivedMinor, changeMinor: settled.changeMinor, pointsEarned: p.sale.pointsEarned,
        pointsRedeemed: p.sale.pointsRedeemed, refundedMinor: 0,
      };
      const doc = saleReceipt(sale, store, {
        balanceAfter,
        tierName: tier ? `${tier.tier.name.zh} ${tier.tier.name.en}` : null,
        progress: tier?.progress ?? null,
        feedbackUrl: feedbackUrl(ctx, saleId),
      });
      ctx.repos.sales.insertSale({
        id: saleId, requestId, receiptNo, terminalId: ctx.terminalId, seq, storeId: store.id, staffId: staff.id, memberId,
        tierCode: p.tier?.code ?? null, at, currency: store.currency, listTotalMinor: p.sale.listTotalMinor,
        memberSavingsMinor: p.sale.memberSavingsMinor, couponDiscountMinor: p.sale.couponDiscountMinor, totalMinor: p.sale.totalMinor,
        taxMinor: p.sale.taxMinor, pointsRedeemed: p.sale.pointsRedeemed, pointsValueMinor: p.sale.pointsValueMinor,
        amountDueMinor: p.sale.amountDueMinor, cashReceivedMinor: settled.cashReceivedMinor, changeMinor: settled.changeMinor,
        pointsEarned: p.sale.pointsEarned,
      }, doc);
      sale.lines.forEach(({ name, refundedQuantity: _r, ...line }, i) => {
        ctx.repos.sales.insertLine({ ...line, saleId, lineNo: i + 1, nameZh: name.zh, nameEn: name.en });
      });
      for (const c of p.sale.coupons) {
        ctx.repos.sales.insertCoupon(saleId, c);
        ctx.repos.coupons.recordUse({ id: ctx.newId(), code: c.code, definitionId: c.definitionId, memberId, saleId, refundId: null, delta: 1, at });
      }
      for (const t of tenders) ctx.repos.sales.insertTender(ctx.newId(), saleId, t);
      if (memberId) {
        const entry = { memberId, saleId, sourceId: saleId, storeId: store.id, terminalId: ctx.terminalId, staffId: staff.id, at };
        if (p.sale.pointsRedeemed > 0) ctx.repos.points.append({ ...entry, id: ctx.newId(), kind: 'redeem', points: -p.sale.pointsRedeemed, reason: 'sale', expiresOn: null });
        if (p.sale.pointsEarned > 0) ctx.repos.points.append({ ...entry, id: ctx.newId(), kind: 'earn', points: p.sale.pointsEarned, reason: 'sale', expiresOn: expiresOnFor(ctx, policy.expiry) });
      }
      ctx.repos.outbox.append({ id: ctx.newId(), type: 'sale.completed', aggregateId: saleId, payload: { ...sale, requestId, terminalId: ctx.terminalId, storeId: store.id, staffId: staff.id, tierCode: p.tier?.code ?? null }, createdAt: at });
      printJobId = queuePrint(ctx, doc);
      receipt = doc;
      return sale;
    });
  } catch (error) {
    // The same request committed from another window between our check and our insert.
    if (isUniqueViolation(error, 'sales.request_id')) {
      const winner = ctx.repos.sales.byRequestId(requestId);
      if (winner) return replay(ctx, winner.id);
    }
    throw error;
  }
  ctx.emit('saleRecorded', { saleId, receiptNo: record.receiptNo, memberId: record.member?.id ?? null, kind: 'sale' });
  return { sale: record, receipt: receipt!, printJobId, replayed: false, balanceAfter, tierChanged };
}
