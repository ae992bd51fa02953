// Asking the hub for a seat before a sign-up commits (POST /v1/events/claim), the coupon claim's
// pattern (features/sync/coupon-claim.ts): the hub counts the claims and tickets of every terminal
// against the capacity. No hub (unregistered, unreachable, an older hub) means this terminal
// decides from what it knows (decision 0024); the claim itself writes nothing here.
import { eventClaimRefusals, eventClaimResponse, type EventClaimRefusal, type EventClaimRequest } from '../../contract';
import type { Ports } from '../ports';
import { claimTimeoutMs } from '../sync/coupon-claim';
import { readRegistration } from '../sync/registration';

export type SeatVerdict =
  | { status: 'confirmed'; taken: number }
  | { status: 'refused'; reason: EventClaimRefusal; taken: number }
  | { status: 'offline' };

const isRefusal = (reason: string): reason is EventClaimRefusal =>
  (eventClaimRefusals as readonly string[]).includes(reason);

export async function claimSeatAtHub(ports: Ports, claim: EventClaimRequest): Promise<SeatVerdict> {
  const registration = readRegistration(ports.store.settings);
  if (!registration) return { status: 'offline' };
  let answer;
  try {
    answer = await ports.sync.http.post(`${registration.url}/v1/events/claim`, claim, {
      credential: registration.credential,
      timeoutMs: Math.min(claimTimeoutMs, ports.sync.requestTimeoutMs),
    });
  } catch {
    return { status: 'offline' };
  }
  const read = answer.status === 200 ? eventClaimResponse.safeParse(answer.body) : null;
  if (!read?.success) return { status: 'offline' };
  const verdict = read.data;
  if (verdict.status === 'confirmed') return verdict;
  // A reason this terminal does not know is still a no: the seat is the hub's to give.
  return { status: 'refused', reason: isRefusal(verdict.reason) ? verdict.reason : 'EVENT_FULL', taken: verdict.taken };
}
