// Reading what the hub says, and the address a manager typed. Pure: the hub may answer garbage (a
// proxy's error page, a truncated body), and nothing it says is trusted before it is checked here.
import type { ErrorCode } from '../../contract';
import type { HubErrorBody, PushRejectReason, RegisterResponse } from '../../contract';
import type { QueuedEvent } from '../../db/repositories/outbox';

/**
 * The hub's base address, without a trailing slash, or null when it is not one: http or https
 * only, no credentials in it, no query or fragment (the terminal adds /v1/... itself). A bare
 * "hub.brand.cn:8080" is read as http, which is what a manager on a shop's LAN usually means.
 */
export function normaliseHubUrl(typed: string): string | null {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || !url.hostname) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The hub's error code in a non-2xx answer, or null when the body is not a hub's error. */
export function hubErrorCode(body: unknown): HubErrorBody['error']['code'] | null {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? (error.code as HubErrorBody['error']['code']) : null;
}

/** What the terminal tells the manager when the hub refused a registration. */
export function registrationError(status: number, body: unknown): { code: ErrorCode; field?: string } {
  const hubCode = hubErrorCode(body);
  if (hubCode === 'CODE_USED') return { code: 'HUB_CODE_USED', field: 'code' };
  // One message for an unknown and an expired code: either way the manager asks for a new one.
  if (
    hubCode === 'CODE_UNKNOWN' ||
    hubCode === 'CODE_EXPIRED' ||
    hubCode === 'NOT_FOUND' ||
    hubCode === 'UNAUTHORIZED' ||
    hubCode === 'FORBIDDEN'
  )
    return { code: 'HUB_CODE_UNKNOWN', field: 'code' };
  if (hubCode === 'BAD_REQUEST') return { code: 'HUB_CODE_INVALID', field: 'code' };
  if (hubCode === 'RATE_LIMITED' || status === 429 || status >= 500) return { code: 'HUB_BUSY' };
  // Not a hub's answer at all (another web server at that address): the address is wrong.
  return { code: 'HUB_ANSWER_INVALID', field: 'hubUrl' };
}

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** The registration answer, or null when it lacks what the terminal must keep. */
export function readRegisterAnswer(body: unknown): RegisterResponse | null {
  const b = body as Partial<Record<keyof RegisterResponse, unknown>> | null;
  if (!b || typeof b !== 'object') return null;
  if (!isText(b.terminalId, 64) || !isText(b.credential, 512) || !isText(b.storeId, 64)) return null;
  return {
    terminalId: b.terminalId,
    credential: b.credential,
    storeId: b.storeId,
    storeCode: typeof b.storeCode === 'string' ? b.storeCode : '',
    storeName: typeof b.storeName === 'string' ? b.storeName : '',
  };
}

export interface PushPlan {
  /** Applied or duplicate: these leave the outbox. */
  acknowledged: number[];
  /** Rejected: these are parked with the hub's reason. */
  parked: { seq: number; reason: PushRejectReason | string; detail: string | null }[];
  /** Sent but not answered for (the hub answered for fewer): they stay and go again. */
  unanswered: number;
}

/**
 * What to do with each event of a batch after the hub's 200 answer, or null when the answer is not
 * one (not a list of results). Results for ids that were not sent are ignored; an event the hub
 * did not answer for stays pending (never acknowledged by omission); an unknown status counts as no
 * answer, so a newer hub's status cannot make the terminal drop an event.
 */
export function planPushAnswer(batch: readonly QueuedEvent[], body: unknown): PushPlan | null {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return null;
  const seqOf = new Map(batch.map((e) => [e.id, e.seq]));
  const decided = new Map<number, 'ack' | { reason: string; detail: string | null }>();
  for (const r of results as { id?: unknown; status?: unknown; reason?: unknown; detail?: unknown }[]) {
    const seq = typeof r?.id === 'string' ? seqOf.get(r.id) : undefined;
    if (seq === undefined || decided.has(seq)) continue;
    if (r.status === 'applied' || r.status === 'duplicate') decided.set(seq, 'ack');
    else if (r.status === 'rejected')
      decided.set(seq, {
        reason: isText(r.reason, 64) ? r.reason : 'UNSPECIFIED',
        detail: isText(r.detail, 2000) ? r.detail : null,
      });
  }
  const plan: PushPlan = { acknowledged: [], parked: [], unanswered: 0 };
  for (const e of batch) {
    const d = decided.get(e.seq);
    if (d === 'ack') plan.acknowledged.push(e.seq);
    else if (d) plan.parked.push({ seq: e.seq, ...d });
    else plan.unanswered++;
  }
  return plan;
}
