// Rewards bought with points (issue 10, decision 0023). A manager keeps the shop's catalogue; a
// customer at the self-service terminal redeems one: the points ledger entry, one taken from stock,
// and the voucher (a single-use personal coupon, so the counter's coupon field accepts it once) are
// written in one transaction with their outbox events; then the voucher slip prints.
import {
  LinliError,
  type CouponDefinitionInfo,
  type CustomerRewards,
  type ParsedInput,
  type RewardInfo,
  type RewardVoucher,
} from '../../contract';
import type { RedemptionRow } from '../../db/repositories/rewards';
import { couponQrPayload, generateCouponCode } from '../../domain/coupons';
import { maskName } from '../../domain/mask';
import { formatMoney } from '../../domain/money';
import { voucherSlipDocument, voucherValidUntil } from '../../domain/reward-voucher';
import type { SomeHandlers } from '../handler';
import { expireDue, getMemberLoyalty } from '../loyalty/loyalty-accounts';
import { receiptStore, today } from '../loyalty/loyalty-config';
import type { Ports } from '../ports';

function requireReward(ports: Ports, rewardId: string): RewardInfo {
  const reward = ports.store.rewards.get(rewardId);
  if (!reward) throw new LinliError('REWARD_UNKNOWN');
  return reward;
}

function addReward(ports: Ports, input: ParsedInput<'addReward'>): RewardInfo {
  const nameZh = input.nameZh.trim();
  const nameEn = input.nameEn.trim() || nameZh;
  let amountOffMinor: number | null = null;
  let productId: string | null = null;
  if (input.kind === 'voucher') {
    if (input.amountOffMinor === null) throw new LinliError('REWARD_AMOUNT_INVALID', undefined, 'amountOffMinor');
    amountOffMinor = input.amountOffMinor;
  } else {
    if (!input.productId || !ports.store.catalogue.product(input.productId))
      throw new LinliError('REWARD_PRODUCT_REQUIRED', undefined, 'productId');
    productId = input.productId;
  }
  const id = ports.ids.newId();
  ports.store.rewards.insert({
    id,
    nameZh,
    nameEn,
    kind: input.kind,
    pointsCost: input.pointsCost,
    amountOffMinor,
    productId,
    stock: input.stock,
    validDays: input.validDays,
    onlineOnly: input.onlineOnly,
    at: ports.clock.now().toISOString(),
  });
  return requireReward(ports, id);
}

function customerRewards(ports: Ports, memberId: string): CustomerRewards {
  const { balance } = getMemberLoyalty(ports, { memberId });
  return {
    balance,
    rewards: ports.store.rewards
      .all()
      .filter((r) => r.active)
      .map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        pointsCost: r.pointsCost,
        amountOffMinor: r.amountOffMinor,
        productName: r.productName,
        stock: r.stock,
        validDays: r.validDays,
        pointsShort: Math.max(0, r.pointsCost - balance),
      })),
  };
}

/**
 * The coupon definition a reward's vouchers of one validity are coupons of: one per reward and last
 * day, so the counter's coupon checks (valid until, single use, online-only) apply unchanged. A
 * reward's value never changes once added, so the same id always means the same definition.
 */
function voucherDefinition(reward: RewardInfo, day: string, validUntil: string): CouponDefinitionInfo {
  return {
    id: `${reward.id}-${validUntil}`,
    name: reward.name,
    kind: reward.kind === 'voucher' ? 'amount_off' : 'free_item',
    amountOffMinor: reward.amountOffMinor,
    percentOff: null,
    capMinor: null,
    freeProductId: reward.productId,
    minSpendMinor: 0,
    categories: [],
    validFrom: day,
    validTo: validUntil,
    perMemberLimit: null,
    offlineAllowed: !reward.onlineOnly,
    genericCode: null,
  };
}

function valueText(ports: Ports, reward: Pick<RewardInfo, 'kind' | 'amountOffMinor' | 'productName'>): string {
  if (reward.kind === 'voucher') return formatMoney(reward.amountOffMinor ?? 0, receiptStore(ports).currency);
  return reward.productName ? `${reward.productName.zh} ${reward.productName.en}` : '';
}

function voucherOf(ports: Ports, row: RedemptionRow): RewardVoucher {
  const reward = requireReward(ports, row.rewardId);
  return {
    redemptionId: row.id,
    rewardId: reward.id,
    rewardName: reward.name,
    kind: reward.kind,
    amountOffMinor: reward.amountOffMinor,
    productName: reward.productName,
    code: row.couponCode,
    qrPayload: couponQrPayload(row.couponCode),
    validUntil: row.validUntil,
    pointsSpent: row.points,
    balance: getMemberLoyalty(ports, { memberId: row.memberId }).balance,
    printJobId: row.printJobId,
    at: row.at,
  };
}

/** Queues the voucher slip; a terminal without a printer still shows the code on screen. */
function printVoucher(ports: Ports, row: RedemptionRow, reward: RewardInfo, memberName: string): string | null {
  const doc = voucherSlipDocument({
    storeName: receiptStore(ports).name,
    rewardName: reward.name,
    kind: reward.kind,
    value: valueText(ports, reward),
    code: row.couponCode,
    qrPayload: couponQrPayload(row.couponCode),
    validUntil: row.validUntil,
    maskedMemberName: maskName(memberName),
    pointsSpent: row.points,
    at: row.at,
  });
  try {
    const jobId = ports.printer.print(doc);
    ports.store.rewards.setPrintJob(row.id, jobId);
    return jobId;
  } catch {
    return null;
  }
}

export function redeemReward(
  ports: Ports,
  memberId: string,
  input: { rewardId: string; requestId: string },
): RewardVoucher {
  const requestId = input.requestId.trim();
  const earlier = ports.store.rewards.redemptionByRequest(requestId);
  if (earlier) {
    // A double tap or a retry: the voucher already issued, not a second one.
    if (earlier.memberId !== memberId || earlier.rewardId !== input.rewardId)
      throw new LinliError('REWARD_REQUEST_INVALID');
    return voucherOf(ports, earlier);
  }
  const reward = requireReward(ports, input.rewardId);
  if (!reward.active) throw new LinliError('REWARD_RETIRED');
  if (reward.stock === 0) throw new LinliError('REWARD_OUT_OF_STOCK');
  const member = ports.store.members.get(memberId);
  if (!member) throw new LinliError('CUSTOMER_SESSION_ENDED');
  const at = ports.clock.now().toISOString();
  const day = today(ports);
  const validUntil = voucherValidUntil(day, reward.validDays);
  const definition = voucherDefinition(reward, day, validUntil);
  const row: RedemptionRow = {
    id: ports.ids.newId(),
    requestId,
    rewardId: reward.id,
    memberId,
    points: reward.pointsCost,
    ledgerEntryId: ports.ids.newId(),
    couponCode: '',
    validUntil,
    printJobId: null,
    at,
  };
  const reason = `兑换 ${reward.name.zh}${reward.name.en !== reward.name.zh ? ` / ${reward.name.en}` : ''}`;
  ports.store.transaction(() => {
    expireDue(ports, memberId, null, at);
    const balance = ports.store.points.balance(memberId);
    if (balance < reward.pointsCost)
      throw new LinliError('REWARD_POINTS_SHORT', { cost: reward.pointsCost, balance }, 'points');
    if (!ports.store.rewards.takeOne(reward.id, at)) throw new LinliError('REWARD_OUT_OF_STOCK');
    if (!ports.store.coupons.definition(definition.id))
      ports.store.coupons.insertDefinition({ ...definition, createdAt: at });
    do row.couponCode = generateCouponCode(ports.ids.randomInt);
    while (ports.store.coupons.coupon(row.couponCode) || ports.store.coupons.definitionByGenericCode(row.couponCode));
    ports.store.coupons.issue(row.couponCode, definition.id, memberId, at, null);
    ports.store.points.append({
      id: row.ledgerEntryId,
      memberId,
      kind: 'redeem',
      points: -reward.pointsCost,
      reason,
      saleId: null,
      sourceId: row.id,
      storeId: ports.config.storeId(),
      terminalId: ports.config.terminalId,
      staffId: null,
      at,
      expiresOn: null,
    });
    ports.store.rewards.insertRedemption(row);
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'reward.redeemed',
      aggregateId: memberId,
      payload: {
        redemptionId: row.id,
        entryId: row.ledgerEntryId,
        memberId,
        rewardId: reward.id,
        points: reward.pointsCost,
        reason,
        couponCode: row.couponCode,
        at,
      },
      createdAt: at,
    });
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'coupon.issued',
      aggregateId: memberId,
      // The definition rides along: the voucher may be presented at another shop of the chain.
      payload: { code: row.couponCode, definitionId: definition.id, memberId, at, staffId: null, definition },
      createdAt: at,
    });
  });
  row.printJobId = printVoucher(ports, row, reward, member.name);
  return voucherOf(ports, row);
}

export const rewardHandlers = {
  listRewards: (_input, { ports }) => ports.store.rewards.all(),
  addReward: (input, { ports }) => addReward(ports, input),
  setRewardStock(input, { ports }) {
    requireReward(ports, input.rewardId);
    ports.store.rewards.setStock(input.rewardId, input.stock, ports.clock.now().toISOString());
    return requireReward(ports, input.rewardId);
  },
  retireReward(input, { ports }) {
    requireReward(ports, input.rewardId);
    ports.store.rewards.retire(input.rewardId, ports.clock.now().toISOString());
    return requireReward(ports, input.rewardId);
  },
  customerRewards: (_input, { ports, customer }) => customerRewards(ports, customer.memberId),
  redeemReward: (input, { ports, customer }) => redeemReward(ports, customer.memberId, input),
} satisfies SomeHandlers;
