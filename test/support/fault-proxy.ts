// A loopback HTTP proxy between terminals and the hub that misbehaves the way shop networks do.
// Each request it receives is given one fault (chosen by the caller, e.g. a seeded random):
//   pass             forwarded, and the hub's answer delivered
//   dropRequest      the connection is cut before anything reaches the hub
//   dropAnswer       forwarded (the hub acts on it), the connection cut before the answer is delivered
//   delay            held for a while, then forwarded
//   truncateAnswer   forwarded, then the answer's headers and half its body, then the connection cut
//   duplicateRequest forwarded twice at once (the hub sees both), the first answer delivered
//   holdUntilNext    held until the next request has been forwarded (or a while passed), then
//                    forwarded: requests reach the hub out of the order they were sent
// A hook sees each answer before it is delivered and may swallow it (the SIGKILL test kills the
// terminal there). Every exchange is logged with the answer the hub gave.
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const faultKinds = [
  'dropRequest',
  'dropAnswer',
  'delay',
  'truncateAnswer',
  'duplicateRequest',
  'holdUntilNext',
] as const;
export type Fault = 'pass' | (typeof faultKinds)[number];

export interface Exchange {
  n: number;
  method: string;
  path: string;
  /** The query string, e.g. a pull's cursor. */
  search: string;
  /** Who asked: the last characters of the bearer credential. */
  from: string;
  fault: Fault;
  requestBody: string;
  /** The hub's answer (the first, for a duplicated request); absent when it never reached the hub. */
  status?: number;
  answerBody?: string;
  delivered: boolean;
}

export interface FaultProxyOptions {
  /** The hub's base address. */
  target: string;
  /** The fault for one request; `pass` when absent. */
  choose?: (request: { n: number; method: string; path: string }) => Fault;
  /** Called with the hub's answer before delivery: false swallows it (the connection is cut). */
  beforeDeliver?: (exchange: Exchange) => boolean | Promise<boolean>;
  /** The longest delay or hold, ms. */
  maxDelayMs?: number;
  /** Uniform in [0, 1): how long each delay is. */
  random?: () => number;
}

export interface FaultProxy {
  url: string;
  log: Exchange[];
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32): the same seed makes the same faults in the same order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Three in every ten requests to each of `paths` get a fault, at places in the ten picked by the
 * seeded random; the faults cycle through every kind in a shuffled order. So each path meets every
 * kind once it has made twenty requests, whatever the timing, and the same seed spoils the same
 * requests of each path.
 */
export function scheduledFaults(
  random: () => number,
  paths: readonly string[],
): NonNullable<FaultProxyOptions['choose']> {
  const perPath = new Map<string, { block: Fault[]; kinds: Fault[] }>();
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return ({ path }) => {
    if (!paths.includes(path)) return 'pass';
    const state = perPath.get(path) ?? { block: [], kinds: [] };
    perPath.set(path, state);
    if (!state.block.length) {
      const spoilt = new Set(shuffled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, 3));
      state.block = Array.from({ length: 10 }, (_, i) => {
        if (!spoilt.has(i)) return 'pass';
        if (!state.kinds.length) state.kinds = shuffled(faultKinds);
        return state.kinds.pop()!;
      });
    }
    return state.block.shift()!;
  };
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const maxDelayMs = options.maxDelayMs ?? 300;
  const random = options.random ?? Math.random;
  const choose = options.choose ?? (() => 'pass' as const);
  const log: Exchange[] = [];
  const upstreams = new Set<ReturnType<typeof httpRequest>>();
  // Requests held back until the next one has gone: their release functions.
  let held: (() => void)[] = [];
  let count = 0;

  /** Sends the request to the hub and reads its whole answer; rejects when the hub cannot be reached. */
  function forward(req: IncomingMessage, body: Buffer, abandon: AbortSignal): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      delete headers.connection;
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false },
        (res) => {
          readAll(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
        },
      );
      upstreams.add(upstream);
      upstream.once('close', () => upstreams.delete(upstream));
      upstream.once('error', reject);
      // The terminal hung up (a long-poll of a core that closes): the hub may stop waiting too.
      abandon.addEventListener('abort', () => upstream.destroy(), { once: true });
      upstream.end(body);
      // What was held goes once this request is on its way: the hub sees the later one first.
      setTimeout(releaseHeld, 10);
    });
  }

  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  function releaseHeld() {
    const release = held;
    held = [];
    for (const go of release) go();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const n = ++count;
    const method = req.method ?? 'GET';
    const { pathname: path, search } = new URL(req.url ?? '/', 'http://proxy');
    const from = (req.headers.authorization ?? '').slice(-6);
    const fault = choose({ n, method, path });
    const body = await readAll(req);
    const exchange: Exchange = {
      n,
      method,
      path,
      search,
      from,
      fault,
      requestBody: body.toString('utf8'),
      delivered: false,
    };
    log.push(exchange);
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const cut = () => res.socket?.destroy();

    if (fault === 'dropRequest') return cut();
    if (fault === 'delay') await wait(random() * maxDelayMs);
    if (fault === 'holdUntilNext')
      await new Promise<void>((go) => {
        const timer = setTimeout(go, maxDelayMs);
        held.push(() => (clearTimeout(timer), go()));
      });
    if (gone.signal.aborted) return;

    let answer: Answer;
    try {
      if (fault === 'duplicateRequest') {
        const [first, second] = [forward(req, body, gone.signal), forward(req, body, gone.signal)];
        second.catch(() => {});
        answer = await first;
      } else answer = await forward(req, body, gone.signal);
    } catch {
      return cut();
    }
    exchange.status = answer.status;
    exchange.answerBody = answer.body.toString('utf8');
    if (fault === 'dropAnswer') return cut();
    if (options.beforeDeliver && !(await options.beforeDeliver(exchange))) return cut();
    if (res.destroyed) return;
    const headers = { ...answer.headers };
    delete headers.connection;
    delete headers['keep-alive'];
    delete headers['transfer-encoding'];
    res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
    if (fault === 'truncateAnswer') {
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => cut());
      return;
    }
    res.end(answer.body);
    exchange.delivered = true;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    async close() {
      releaseHeld();
      for (const u of upstreams) u.destroy();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}
