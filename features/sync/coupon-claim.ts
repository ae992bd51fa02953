// Asking the hub to confirm an online-only coupon for a sale about to commit (POST
// /v1/coupons/claim). No answer, or an answer that is not the hub's yes or no, means the coupon
// cannot be used now (COUPON_OFFLINE: it needs the hub); a no is the hub's reason, shown beside the
// coupon field. The claim writes nothing here: the sale's own transaction records the use.
import {
  couponClaimRefusals,
  couponClaimResponse,
  LinliError,
  type CouponClaimRefusal,
  type CouponClaimRequest,
} from '../../contract';
import type { Ports } from '../ports';
import { readRegistration } from './registration';

/** A cashier waits for the hub this long at most before the coupon is refused as offline. */
export const claimTimeoutMs = 8000;

const offline = () => new LinliError('COUPON_OFFLINE', undefined, 'coupon');

const isRefusal = (reason: string): reason is CouponClaimRefusal =>
  (couponClaimRefusals as readonly string[]).includes(reason);

/** Resolves when the hub confirmed the use; otherwise throws the error the cashier sees. */
export async function claimCouponAtHub(ports: Ports, claim: CouponClaimRequest): Promise<void> {
  const registration = readRegistration(ports.store.settings);
  if (!registration) throw offline();
  let answer;
  try {
    answer = await ports.sync.http.post(`${registration.url}/v1/coupons/claim`, claim, {
      credential: registration.credential,
      timeoutMs: Math.min(claimTimeoutMs, ports.sync.requestTimeoutMs),
    });
  } catch {
    throw offline();
  }
  const read = answer.status === 200 ? couponClaimResponse.safeParse(answer.body) : null;
  if (!read?.success) {
    // The hub is there but would not decide (revoked, busy, a hub without the endpoint): it cannot confirm.
    if (answer.status === 400 || answer.status === 409)
      throw new LinliError('COUPON_HUB_REFUSED', { code: claim.code }, 'coupon');
    throw offline();
  }
  const verdict = read.data;
  if (verdict.status === 'confirmed') return;
  if (!isRefusal(verdict.reason)) throw new LinliError('COUPON_HUB_REFUSED', { code: claim.code }, 'coupon');
  const params: Record<string, string | number> = { code: claim.code };
  if (verdict.limit !== null) params.limit = verdict.limit;
  throw new LinliError(verdict.reason, params, 'coupon');
}
