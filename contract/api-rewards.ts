// Rewards bought with points: the manager's catalogue at the counter, and the customer's own
// list and redemption at the self-service terminal (customer methods act on the scanned member).
import { z } from 'zod';
import { methodsOf } from './method';
import { id, int, noInput, oneOf, text } from './schema-kit';
import {
  rewardKinds,
  rewardLimits as l,
  type CustomerRewards,
  type RewardInfo,
  type RewardVoucher,
} from './rewards-types';

const m = methodsOf('rewards');

const stock = int('REWARD_STOCK_INVALID', l.stock.min, l.stock.max, 'stock').nullable();
const rewardId = z.object({ rewardId: id('REWARD_UNKNOWN') });

export const rewardInput = z.object({
  nameZh: text('REWARD_NAME_REQUIRED', { max: l.nameMax, tooLong: 'REWARD_NAME_TOO_LONG', required: true }),
  nameEn: text('REWARD_NAME_TOO_LONG', { max: l.nameMax }).default(''),
  kind: oneOf(rewardKinds, 'REWARD_KIND_INVALID', 'kind'),
  pointsCost: int('REWARD_COST_INVALID', l.pointsCost.min, l.pointsCost.max, 'pointsCost'),
  amountOffMinor: int('REWARD_AMOUNT_INVALID', l.amountOffMinor.min, l.amountOffMinor.max, 'amountOffMinor')
    .nullable()
    .default(null),
  productId: id('REWARD_PRODUCT_REQUIRED', 'productId').nullable().default(null),
  stock,
  validDays: int('REWARD_VALID_DAYS_INVALID', l.validDays.min, l.validDays.max, 'validDays'),
  onlineOnly: z.boolean().default(false),
});

export const rewardMethods = {
  /** Every reward of this shop, retired ones last. */
  listRewards: m.staff(noInput).returns<RewardInfo[]>(),
  addReward: m.manager(rewardInput).returns<RewardInfo>(),
  setRewardStock: m.manager(rewardId.extend({ stock })).returns<RewardInfo>(),
  /** No longer offered; vouchers already issued stay valid. */
  retireReward: m.manager(rewardId).returns<RewardInfo>(),
  /** The active rewards and the scanned member's balance. */
  customerRewards: m.customer(noInput).returns<CustomerRewards>(),
  /**
   * Spends the points, takes one from stock and issues the voucher, in one transaction; then prints
   * the voucher slip. The same requestId again (a double tap, a retry) answers the same voucher.
   */
  redeemReward: m
    .customer(rewardId.extend({ requestId: text('REWARD_REQUEST_INVALID', { max: 64, required: true }) }))
    .returns<RewardVoucher>(),
};
