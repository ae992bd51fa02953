// A stand-in for the brand's hub on 127.0.0.1 that speaks contract/hub-api.ts: registration by
// one-time code, push with per-event answers. It keeps every event id it stored (a resend is
// answered `duplicate`), and can be told to refuse one event type or to misbehave on the next pushes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubErrorBody, PushRequest, PushResult } from '../../contract/hub-api';

/** What the next push requests get instead of a normal answer, one step per request. */
export type HubFault =
  | { kind: 'status'; status: 401 | 429 | 500 | 503; retryAfter?: string }
  /** Stores the batch (the hub committed), then drops the connection before answering. */
  | { kind: 'dropAfterStore' }
  /** Drops the connection without storing anything (the hub is down). */
  | { kind: 'refuse' };

export interface PushAttempt {
  ids: string[];
  /** The status answered, or 'dropped'. */
  answer: number | 'dropped';
  results: PushResult[];
  authorization: string | undefined;
  schemaVersion: number;
}

export interface HubDouble {
  url: string;
  /** Every event id stored, with how often the hub applied it (its projections). */
  applied: Map<string, number>;
  storedTypes: Map<string, string>;
  attempts: PushAttempt[];
  /** Registration codes: fresh until used once. */
  addCode(code: string): void;
  faults: HubFault[];
  /** While set, every push is refused like { kind: 'refuse' }. */
  down: boolean;
  rejectType: string | null;
  revokeAll(): void;
  close(): Promise<void>;
}

const errorBody = (code: HubErrorBody['error']['code']): HubErrorBody => ({ error: { code, message: code } });

export async function startHubDouble(): Promise<HubDouble> {
  const codes = new Map<string, 'fresh' | 'used'>();
  const credentials = new Set<string>();
  let terminals = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<unknown>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          resolve(null);
        }
      });
    });

  const hub: Omit<HubDouble, 'url' | 'close'> = {
    applied: new Map(),
    storedTypes: new Map(),
    attempts: [],
    addCode: (code) => void codes.set(code, 'fresh'),
    faults: [],
    down: false,
    rejectType: null,
    revokeAll: () => credentials.clear(),
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = (await readBody(req)) as Record<string, unknown> | null;
      if (req.method === 'POST' && req.url === '/v1/terminals/register') {
        const state = codes.get(String(body?.code));
        if (!state) return send(res, 404, errorBody('NOT_FOUND'));
        if (state === 'used') return send(res, 409, errorBody('CODE_USED'));
        codes.set(String(body?.code), 'used');
        const credential = `credential-${++terminals}-${Math.random().toString(36).slice(2)}`;
        credentials.add(credential);
        return send(res, 200, {
          terminalId: `HT${terminals}`,
          storeId: 'HS1',
          storeCode: 'CUIHU',
          storeName: '翠湖店',
          credential,
        });
      }
      if (req.method !== 'POST' || req.url !== '/v1/push') return send(res, 404, errorBody('NOT_FOUND'));
      const push = body as PushRequest | null;
      const ids = (push?.events ?? []).map((e) => e.id);
      const attempt: PushAttempt = {
        ids,
        answer: 'dropped',
        results: [],
        authorization: req.headers.authorization,
        schemaVersion: push?.schemaVersion ?? 0,
      };
      hub.attempts.push(attempt);
      const fault = hub.down ? ({ kind: 'refuse' } as const) : hub.faults.shift();
      if (fault?.kind === 'refuse') return req.socket.destroy();
      if (fault?.kind === 'status') {
        attempt.answer = fault.status;
        const code = fault.status === 401 ? 'UNAUTHORIZED' : fault.status === 429 ? 'RATE_LIMITED' : 'INTERNAL';
        return send(res, fault.status, errorBody(code), fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
      }
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      if (!token || !credentials.has(token)) {
        attempt.answer = 401;
        return send(res, 401, errorBody('UNAUTHORIZED'));
      }
      // One "transaction": store what is new, answer duplicate for what was seen.
      for (const e of push!.events) {
        if (hub.rejectType === e.type) {
          attempt.results.push({
            id: e.id,
            status: 'rejected',
            reason: 'PAYLOAD_INVALID',
            detail: `no ${e.type} today`,
          });
        } else if (hub.applied.has(e.id)) {
          attempt.results.push({ id: e.id, status: 'duplicate' });
        } else {
          hub.applied.set(e.id, 1);
          hub.storedTypes.set(e.id, e.type);
          attempt.results.push({ id: e.id, status: 'applied' });
        }
      }
      if (fault?.kind === 'dropAfterStore') {
        attempt.results = [];
        return req.socket.destroy();
      }
      attempt.answer = 200;
      send(res, 200, { results: attempt.results });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(hub, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
