import type { LoyaltyMethods } from '../../contract';
import type { ApiArea } from '../area';
import { checkout, quoteSale } from '../checkout/checkout';
import type { ServiceContext } from '../context';
import { issueCoupon } from './coupons';
import { closeDay, dayReport } from '../reports/day-close';
import { adjustPoints, getMemberLoyalty, runLoyaltyJobs, tiersOf } from './loyalty-accounts';
import { getSale, refund } from '../checkout/refund';
import { requireStaff } from '../staff/staff-session';

/** Expiry and downgrades run hourly; each run writes only what is due, so running twice is harmless. */
const jobIntervalMs = 60 * 60 * 1000;

export function loyaltyArea(ctx: ServiceContext, options: { scheduleJobs?: boolean } = {}): ApiArea<LoyaltyMethods> {
  const timer = options.scheduleJobs === false ? null : setInterval(() => {
    try {
      runLoyaltyJobs(ctx);
    } catch {
      // A failed run is retried at the next interval; the counter must keep selling meanwhile.
    }
  }, jobIntervalMs);
  timer?.unref?.();
  return {
    methods: {
      listProducts: async () => (requireStaff(ctx), ctx.repos.catalogue.products()),
      listTiers: async () => (requireStaff(ctx), tiersOf(ctx)),
      listCouponDefinitions: async () => (requireStaff(ctx), ctx.repos.coupons.definitions()),
      getMemberLoyalty: async (input) => getMemberLoyalty(ctx, input),
      adjustPoints: async (input) => adjustPoints(ctx, input),
      issueCoupon: async (input) => issueCoupon(ctx, input),
      quoteSale: async (input) => quoteSale(ctx, input),
      checkout: async (input) => checkout(ctx, input),
      getSale: async (input) => getSale(ctx, input),
      refund: async (input) => refund(ctx, input),
      runLoyaltyJobs: async () => (requireStaff(ctx), runLoyaltyJobs(ctx)),
      dayReport: async (input) => dayReport(ctx, input),
      closeDay: async () => closeDay(ctx),
    },
    close: () => {
      if (timer) clearInterval(timer);
    },
  };
}
