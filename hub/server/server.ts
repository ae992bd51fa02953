// The hub's HTTP API on node:http (decision 0016). Routes are few and fixed, so a table of exact
// paths is clearer than a framework; every body is checked by the contract's zod schema before
// anything is written.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ZodType } from 'zod';
import {
  conflictListQuery,
  couponClaimRequest,
  eventClaimRequest,
  hubEventInput,
  createRegistrationCodeRequest,
  createStoreRequest,
  hubLimits,
  mergeMembersRequest,
  pullQuery,
  pushRequest,
  registerRequest,
  syncSchemaVersion,
  type HealthResponse,
} from '../../contract';
import {
  authenticate,
  claimCoupon,
  claimSeat,
  listHubEvents,
  upsertHubEvent,
  createRegistrationCode,
  createStore,
  HubError,
  listConflicts,
  listStores,
  listTerminals,
  memberAtHub,
  mergeMembers,
  pull,
  push,
  registerTerminal,
  revokeTerminal,
  touchTerminal,
} from '../features';
import type { HubStorage } from '../features';
import { catalogueRoute } from './catalogue-routes';
import { gate } from './gate';
import { bearer, readJson, sendError, sendJson, sendJsonCompressed } from './http-io';
import { tokenBuckets, type RateLimit } from './rate-limit';

export interface HubServerOptions {
  storage: HubStorage;
  adminToken: string;
  rateLimit?: RateLimit;
  /** For registration: how many attempts one address may make (guessing codes costs). */
  registerRateLimit?: RateLimit;
  /** A request that failed unexpectedly (the hub's logger); absent: the console. */
  onError?: (error: unknown) => void;
}

function parse<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HubError('BAD_REQUEST', 400, `${where}${issue?.message ?? 'invalid body'}`);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export function createHubServer(options: HubServerOptions): Server {
  const { storage } = options;
  const adminDigest = digest(options.adminToken);
  const terminalBuckets = tokenBuckets(options.rateLimit ?? { burst: 20, perSecond: 10 });
  const registerBuckets = tokenBuckets(options.registerRateLimit ?? { burst: 10, perSecond: 0.2 });
  const pushes = gate(16);

  const limited = (bucket: ReturnType<typeof tokenBuckets>, key: string) => {
    const taken = bucket.take(key, Date.now());
    if (!taken.ok)
      throw Object.assign(
        new HubError('RATE_LIMITED', 429, `too many requests: retry in ${taken.retryAfterSeconds} s`),
        {
          retryAfter: taken.retryAfterSeconds,
        },
      );
  };

  // last_seen_at is kept to the minute: asking the database on every push and pull would cost a
  // round trip each, so this process remembers when it last wrote it for each terminal.
  const touched = new Map<string, number>();
  const touchedOnceAMinute = async (terminalId: string) => {
    const now = Date.now();
    if (now - (touched.get(terminalId) ?? 0) < 60_000) return;
    touched.set(terminalId, now);
    await touchTerminal(storage, terminalId);
  };

  const requireAdmin = (req: IncomingMessage) => {
    const token = bearer(req);
    // Compared as digests of equal length, in constant time: the answer time says nothing about the token.
    if (!token || !timingSafeEqual(digest(token), adminDigest))
      throw new HubError('UNAUTHORIZED', 401, 'the admin API needs Authorization: Bearer <LINLI_HUB_ADMIN_TOKEN>');
  };

  const requireTerminal = async (req: IncomingMessage) => {
    const token = bearer(req);
    const terminal = token ? await authenticate(storage, token) : null;
    if (!terminal)
      throw new HubError(
        'UNAUTHORIZED',
        401,
        'no valid terminal credential: the terminal is not registered or was revoked',
      );
    limited(terminalBuckets, terminal.terminalId);
    await touchedOnceAMinute(terminal.terminalId);
    return terminal;
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const body = () => readJson(req, hubLimits.requestBytesMax);

    if (method === 'GET' && path === '/v1/health') {
      await storage.query('SELECT 1');
      const health: HealthResponse = { ok: true, engine: storage.engine, syncSchemaVersion };
      return sendJson(res, 200, health);
    }
    if (method === 'POST' && path === '/v1/terminals/register') {
      limited(registerBuckets, req.socket.remoteAddress ?? 'unknown');
      return sendJson(res, 201, await registerTerminal(storage, parse(registerRequest, await body())));
    }
    if (method === 'POST' && path === '/v1/push') {
      const terminal = await requireTerminal(req);
      return pushes(async () => {
        const raw = await body();
        // Too many events is its own answer (413), so a terminal knows to split rather than to fix.
        const events = (raw as { events?: unknown }).events;
        if (Array.isArray(events) && events.length > hubLimits.pushBatchMax)
          throw new HubError(
            'PAYLOAD_TOO_LARGE',
            413,
            `a push holds at most ${hubLimits.pushBatchMax} events, this one ${events.length}`,
          );
        return sendJson(res, 200, await push(storage, terminal, parse(pushRequest, raw)));
      });
    }
    if (method === 'GET' && path === '/v1/pull') {
      const terminal = await requireTerminal(req);
      const query = parse(pullQuery, Object.fromEntries(url.searchParams));
      // A terminal that hangs up (closing, offline) ends its long-poll instead of holding a listener.
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      return sendJsonCompressed(req, res, 200, await pull(storage, terminal, query, gone.signal));
    }
    if (method === 'POST' && path === '/v1/coupons/claim') {
      const terminal = await requireTerminal(req);
      return sendJson(res, 200, await claimCoupon(storage, terminal, parse(couponClaimRequest, await body())));
    }
    if (method === 'POST' && path === '/v1/events/claim') {
      const terminal = await requireTerminal(req);
      return sendJson(res, 200, await claimSeat(storage, terminal, parse(eventClaimRequest, await body())));
    }
    if (path.startsWith('/v1/admin/')) {
      requireAdmin(req);
      if (method === 'GET' && path === '/v1/admin/events')
        return sendJson(res, 200, { events: await listHubEvents(storage) });
      if (method === 'POST' && path === '/v1/admin/events')
        return sendJson(res, 200, { event: await upsertHubEvent(storage, parse(hubEventInput, await body())) });
      if (method === 'POST' && path === '/v1/admin/stores')
        return sendJson(res, 201, await createStore(storage, parse(createStoreRequest, await body())));
      if (method === 'GET' && path === '/v1/admin/stores')
        return sendJson(res, 200, { stores: await listStores(storage) });
      if (method === 'POST' && path === '/v1/admin/registration-codes')
        return sendJson(
          res,
          201,
          await createRegistrationCode(storage, parse(createRegistrationCodeRequest, await body())),
        );
      if (method === 'GET' && path === '/v1/admin/terminals') {
        const store = url.searchParams.get('store');
        return sendJson(res, 200, { terminals: await listTerminals(storage, store ? { storeCode: store } : {}) });
      }
      if (method === 'GET' && path === '/v1/admin/conflicts') {
        const query = parse(conflictListQuery, Object.fromEntries(url.searchParams));
        return sendJson(res, 200, { conflicts: await listConflicts(storage, query) });
      }
      if (method === 'POST' && path === '/v1/admin/members/merge')
        return sendJson(res, 200, await mergeMembers(storage, parse(mergeMembersRequest, await body())));
      const member = /^\/v1\/admin\/members\/([^/]+)$/.exec(path);
      if (method === 'GET' && member)
        return sendJson(res, 200, { member: await memberAtHub(storage, decodeURIComponent(member[1]!)) });
      const catalogue = await catalogueRoute(storage, method, path, body);
      if (catalogue) return sendJson(res, catalogue.status, catalogue.body);
      const revoke = /^\/v1\/admin\/terminals\/([^/]+)\/revoke$/.exec(path);
      if (method === 'POST' && revoke)
        return sendJson(res, 200, { terminal: await revokeTerminal(storage, decodeURIComponent(revoke[1]!)) });
    }
    throw new HubError('NOT_FOUND', 404, `no such endpoint: ${method} ${path}`);
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      // The terminal hung up (or the hub is stopping and closed its connections): nobody reads an answer.
      if (res.destroyed) return;
      if (error instanceof HubError) {
        const retryAfter = (error as HubError & { retryAfter?: number }).retryAfter;
        sendError(
          res,
          error.status,
          error.code,
          error.message,
          retryAfter ? { 'retry-after': String(retryAfter) } : {},
          error.field,
        );
        // An unread body would otherwise keep arriving after a refusal (413, 401).
        if (!req.complete) req.resume();
        return;
      }
      (options.onError ?? ((e: unknown) => console.error('hub: request failed', e)))(error);
      sendError(res, 500, 'INTERNAL', 'the hub could not answer; the request may be retried');
    });
  });
}
