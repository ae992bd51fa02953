// Checkout at the counter: price a basket (quote), then record the sale in one transaction with
// its lines, tenders, points entries, coupon uses and outbox event. Idempotent by request id.
import {
  LinliError,
  saleTotalsOf,
  type CheckoutResult,
  type ParsedInput,
  type ProductInfo,
  type ReceiptDocument,
  type SaleQuote,
  type SaleRecord,
  type TenderRecord,
  type TierInfo,
} from '../../contract';
import { dueToExpire, type LedgerPoint } from '../../domain/points';
import { PricingRefusal, priceSale, settleTenders, type PricedSale } from '../../domain/pricing';
import { formatReceiptNo, terminalTag } from '../../domain/receipt-number';
import { saleReceipt } from '../../domain/sale-receipt';
import type { MemberRow } from '../../db/repositories/members';
import type { SaleRow } from '../../db/repositories/sales';
import type { SomeHandlers } from '../handler';
import {
  couponRules,
  findCoupon,
  refusalError,
  resolveCoupons,
  type FoundCoupon,
  type OnlineCheck,
} from '../loyalty/coupons';
import { expireDue, expiresOnFor, memberTier, tierAfterSale, tiersOf } from '../loyalty/loyalty-accounts';
import { feedbackUrl, loyaltyPolicy, receiptStore, taxConfig, today } from '../loyalty/loyalty-config';
import { requireMember, toSummary } from '../members/member-views';
import type { Ports } from '../ports';
import { claimCouponAtHub } from '../sync/coupon-claim';
import { recordPurchaseVotes, takeEntrantCode, type EntrantOfSale } from '../contests/contests';
import { payReferralOnFirstPurchase } from '../referrals/referrals';
import { checkReplay, duplicateRequest, queuePrint, requestHash, saleRecord } from './sale-views';

type Draft = ParsedInput<'quoteSale'>;
interface Priced {
  member: MemberRow | null;
  tier: TierInfo | null;
  coupons: FoundCoupon[];
  balance: number | null;
  sale: PricedSale;
  products: ProductInfo[];
  /** A contest entrant's code from the coupon field: the entrant this sale votes for. */
  entrant: EntrantOfSale;
}

/**
 * Prices a basket; `entries` are the member's ledger entries when the caller has read them already;
 * `online` says whether an online-only coupon may be used (by default: whether the hub looks reachable).
 */
function price(
  ports: Ports,
  draft: Draft,
  allowEmpty: boolean,
  entries?: readonly LedgerPoint[],
  online?: OnlineCheck,
): Priced {
  const member = draft.memberId === null ? null : requireMember(ports, draft.memberId);
  if (draft.lines.length === 0 && !allowEmpty) throw new LinliError('SALE_EMPTY');
  const products = draft.lines.map((line) => {
    const product = ports.store.catalogue.product(line.productId);
    if (!product) throw new LinliError('PRODUCT_UNKNOWN');
    return product;
  });
  const { coupons: couponTexts, entrant } = takeEntrantCode(ports, draft.couponCodes);
  const coupons = resolveCoupons(ports, couponTexts, member?.id ?? null, online);
  const tier = member ? memberTier(ports, member.id).tier : null;
  let balance: number | null = null;
  if (member) {
    const credits = entries ?? ports.store.points.entriesForExpiry(member.id);
    // What expires today counts as gone, whether or not its expire entry was written yet.
    balance = credits.reduce((a, e) => a + e.points, 0) - dueToExpire(credits, today(ports));
  }
  const policy = loyaltyPolicy(ports);
  const birthdayMonth = Boolean(member?.birthday && member.birthday.slice(5, 7) === today(ports).slice(5, 7));
  const pointsToRedeem = draft.pointsToRedeem;
  try {
    const sale = priceSale({
      lines: draft.lines.map((l, i) => ({ product: products[i]!, quantity: l.quantity })),
      tier,
      tiers: tiersOf(ports),
      coupons: coupons.map((c) => ({ code: c.code, definition: c.definition })),
      pointsToRedeem,
      balance,
      redeem: policy.redeem,
      earning: policy.earning,
      birthdayMonth,
      tax: taxConfig(ports),
    });
    return { member, tier, coupons, balance, sale, products, entrant };
  } catch (error) {
    if (error instanceof PricingRefusal)
      throw refusalError(
        ports,
        error.code,
        error.couponCode ? { ...error.params, code: error.couponCode } : error.params,
      );
    throw error;
  }
}

function toQuote(ports: Ports, p: Priced): SaleQuote {
  const tax = taxConfig(ports);
  return {
    ...saleTotalsOf(p.sale),
    currency: receiptStore(ports).currency,
    member: p.member && p.tier ? { ...toSummary(ports, p.member), tier: p.tier, balance: p.balance ?? 0 } : null,
    lines: p.sale.lines.map(({ pointsEarned: _e, ...line }) => line),
    coupons: p.sale.coupons,
    taxIncluded: tax.included,
    taxRateBp: tax.rateBp,
    maxRedeemablePoints: p.sale.maxRedeemablePoints,
    redeemRate: loyaltyPolicy(ports).redeem,
    balanceAfter: p.balance === null ? null : p.balance - p.sale.pointsRedeemed + p.sale.pointsEarned,
    entrant: p.entrant && {
      code: p.entrant.code,
      maskedName: p.entrant.maskedName,
      contestTitle: p.entrant.contestTitle,
      votes: p.entrant.votes,
    },
  };
}

/** Tenders as recorded: zero amounts dropped; card and mobile payments need their reference. */
function checkTenders(input: ParsedInput<'checkout'>['tenders']): TenderRecord[] {
  return input.flatMap((t): TenderRecord[] => {
    if (!t.amountMinor) return [];
    if (t.method === 'cash') return [{ method: 'cash', amountMinor: t.amountMinor, reference: null }];
    const reference = t.reference?.trim() ?? '';
    if (!reference) throw new LinliError('TENDER_REFERENCE_REQUIRED', undefined, 'reference');
    return [{ method: t.method, amountMinor: t.amountMinor, reference }];
  });
}

function replay(ports: Ports, row: SaleRow): CheckoutResult {
  return {
    sale: saleRecord(ports, row),
    receipt: ports.store.sales.receipt(row.id),
    printJobId: null,
    replayed: true,
    balanceAfter: row.memberId ? ports.store.points.balance(row.memberId) : null,
    tierChanged: null,
  };
}

/** What the hub confirmed before the sale: its id (made before the claim) and the online-only codes. */
interface HubConfirmed {
  saleId: string;
  codes: ReadonlySet<string>;
}

/** The sale's coupons as the hub reads them: each with the rules it was used under. */
function couponsForHub(sale: SaleRecord, found: readonly FoundCoupon[]) {
  return sale.coupons.map((c) => {
    const coupon = found.find((f) => f.code === c.code);
    return coupon ? { ...c, ...couponRules(coupon) } : c;
  });
}

function checkout(
  ports: Ports,
  input: ParsedInput<'checkout'>,
  staff: { id: string; name: string },
  confirmed?: HubConfirmed,
): CheckoutResult {
  const { requestId, ...request } = input;
  const hash = requestHash(request);
  const earlier = ports.store.sales.byRequestId(requestId);
  if (earlier) return replay(ports, checkReplay(earlier, hash));
  const tenders = checkTenders(input.tenders);
  const at = ports.clock.now().toISOString();
  const saleId = confirmed?.saleId ?? ports.ids.newId();
  // Without the hub's confirmation an online-only coupon is refused here (COUPON_OFFLINE).
  const online: OnlineCheck = (c) => confirmed?.codes.has(c.code) ?? false;
  const store = receiptStore(ports);
  let tierChanged: TierInfo | null = null;
  let balanceAfter: number | null = null;
  let printJobId: string | null = null;
  let receipt: ReceiptDocument | null = null;
  let record: SaleRecord;
  let votedIn: string | null = null;
  try {
    record = ports.store.transaction((): SaleRecord => {
      const entries = input.memberId ? ports.store.points.entriesForExpiry(input.memberId) : undefined;
      if (input.memberId) expireDue(ports, input.memberId, staff.id, at, entries);
      const p = price(ports, input, false, entries, online);
      const settled = settleTenders(p.sale.amountDueMinor, tenders);
      if ('code' in settled) throw refusalError(ports, settled.code, settled.params);
      const seq = ports.store.sales.nextSequence(ports.config.terminalId);
      const receiptNo = formatReceiptNo(terminalTag(ports.config.terminalId), seq);
      const memberId = p.member?.id ?? null;
      const policy = loyaltyPolicy(ports);
      // Everything the receipt shows is known before the first row is written: build it once.
      const tier = memberId
        ? tierAfterSale(
            ports,
            memberId,
            { id: saleId, spendMinor: p.sale.totalMinor, pointsEarned: p.sale.pointsEarned, at },
            p.tier ?? undefined,
          )
        : null;
      if (tier?.upgraded) tierChanged = tier.tier;
      // A referred friend's first purchase: the referral points for both (decision 0026), once.
      const referral = memberId
        ? payReferralOnFirstPurchase(ports, { id: saleId, memberId, storeId: store.id, staffId: staff.id, at })
        : null;
      if (p.balance !== null)
        balanceAfter = p.balance - p.sale.pointsRedeemed + p.sale.pointsEarned + (referral?.friendPoints ?? 0);
      const sale: SaleRecord = {
        ...saleTotalsOf(p.sale),
        ...settled,
        id: saleId,
        receiptNo,
        at,
        staffName: staff.name,
        member: p.member ? toSummary(ports, p.member) : null,
        currency: store.currency,
        lines: p.sale.lines.map((line) => ({ ...line, id: ports.ids.newId(), refundedQuantity: 0 })),
        coupons: p.sale.coupons,
        tenders,
        refundedMinor: 0,
      };
      const doc = saleReceipt(sale, store, {
        balanceAfter,
        tierName: tier ? `${tier.tier.name.zh} ${tier.tier.name.en}` : null,
        progress: tier?.progress ?? null,
        feedbackUrl: feedbackUrl(ports, saleId),
      });
      const inserted = ports.store.sales.insertSale(
        {
          ...saleTotalsOf(sale),
          ...settled,
          id: saleId,
          requestId,
          requestHash: hash,
          receiptNo,
          terminalId: ports.config.terminalId,
          seq,
          storeId: store.id,
          staffId: staff.id,
          memberId,
          tierCode: p.tier?.code ?? null,
          at,
          currency: store.currency,
        },
        // Lines, tenders and coupons are stored with the sale, as one document row.
        { lines: sale.lines.map(({ refundedQuantity: _r, ...line }) => line), tenders, coupons: sale.coupons },
        doc,
      );
      // The same request committed from another window first: roll this one back and answer that.
      if (inserted === 'duplicate') throw duplicateRequest;
      for (const c of p.sale.coupons) {
        ports.store.coupons.recordUse({
          id: ports.ids.newId(),
          code: c.code,
          definitionId: c.definitionId,
          memberId,
          saleId,
          refundId: null,
          delta: 1,
          at,
        });
      }
      if (memberId) {
        const entry = {
          memberId,
          saleId,
          sourceId: saleId,
          storeId: store.id,
          terminalId: ports.config.terminalId,
          staffId: staff.id,
          at,
        };
        if (p.sale.pointsRedeemed > 0)
          ports.store.points.append({
            ...entry,
            id: ports.ids.newId(),
            kind: 'redeem',
            points: -p.sale.pointsRedeemed,
            reason: 'sale',
            expiresOn: null,
          });
        if (p.sale.pointsEarned > 0)
          ports.store.points.append({
            ...entry,
            id: ports.ids.newId(),
            kind: 'earn',
            points: p.sale.pointsEarned,
            reason: 'sale',
            expiresOn: expiresOnFor(ports, policy.expiry),
          });
      }
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'sale.completed',
        aggregateId: saleId,
        payload: {
          ...sale,
          coupons: couponsForHub(sale, p.coupons),
          requestId,
          terminalId: ports.config.terminalId,
          storeId: store.id,
          staffId: staff.id,
          tierCode: p.tier?.code ?? null,
        },
        createdAt: at,
      });
      // An entrant's code in the basket: this sale's votes for them (decision 0025), once per sale.
      if (p.entrant) recordPurchaseVotes(ports, { id: saleId, memberId, at }, p.entrant);
      votedIn = p.entrant?.contestId ?? null;
      printJobId = queuePrint(ports, doc, { source: { kind: 'sale', id: saleId } });
      receipt = doc;
      return sale;
    });
  } catch (error) {
    if (error !== duplicateRequest) throw error;
    return replay(ports, checkReplay(ports.store.sales.byRequestId(requestId)!, hash));
  }
  ports.events.emit('saleRecorded', {
    saleId,
    receiptNo: record.receiptNo,
    memberId: record.member?.id ?? null,
    kind: 'sale',
  });
  if (votedIn) ports.events.emit('contestVotes', { contestIds: [votedIn] });
  return { sale: record, receipt: receipt!, printJobId, replayed: false, balanceAfter, tierChanged };
}

/** Whether the basket holds an online-only coupon: then checkout asks the hub first. */
const needsHub = (ports: Ports, input: Draft): boolean =>
  input.couponCodes.some((text) => findCoupon(ports, text)?.definition.offlineAllowed === false);

/**
 * Checkout with an online-only coupon (decision 0019): everything this terminal can refuse the sale
 * for is checked first, writing nothing; then the hub confirms each online-only coupon for this
 * sale's id (and holds the use for it); then the sale commits as any other. A hub that does not
 * answer refuses the coupon (COUPON_OFFLINE); a hub that says no, with its reason. Should the sale
 * still not commit (a failing disk, the same request committed meanwhile in another window, a
 * second online-only coupon refused after the first was confirmed), the hold lapses by itself at
 * the hub after 15 minutes: a claim with no sale behind it is never counted as a use.
 */
async function checkoutWithHub(
  ports: Ports,
  input: ParsedInput<'checkout'>,
  staff: { id: string; name: string },
): Promise<CheckoutResult> {
  if (ports.store.sales.byRequestId(input.requestId)) return checkout(ports, input, staff);
  const tenders = checkTenders(input.tenders);
  const p = price(ports, input, false, undefined, () => true);
  const settled = settleTenders(p.sale.amountDueMinor, tenders);
  if ('code' in settled) throw refusalError(ports, settled.code, settled.params);
  const saleId = ports.ids.newId();
  const onlineOnly = p.coupons.filter((c) => !c.definition.offlineAllowed);
  for (const c of onlineOnly)
    await claimCouponAtHub(ports, {
      saleId,
      code: c.code,
      definitionId: c.definition.id,
      memberId: p.member?.id ?? null,
      ...couponRules(c),
    });
  return checkout(ports, input, staff, { saleId, codes: new Set(onlineOnly.map((c) => c.code)) });
}

export const checkoutHandlers = {
  // The quote never claims: it shows an online-only coupon while the hub looks reachable.
  quoteSale: (input, { ports }) => toQuote(ports, price(ports, input, true)),
  checkout: (input, { ports, staff }) =>
    needsHub(ports, input) ? checkoutWithHub(ports, input, staff) : checkout(ports, input, staff),
} satisfies SomeHandlers;
