import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope } from '../contract';
import type { LinliCore } from '../features/app';
import { contentSecurityPolicy, contentType, resolveStaticPath } from '../host-support/static-path';

export interface BrowserHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
/**
 * How much of an oversized body the host reads (and throws away) before it answers 413. Past this
 * it stops listening and drops the connection: the client may then see a reset, but nobody
 * legitimate sends 64 MiB to a till.
 */
const maxDrainBytes = 64 * 1024 * 1024;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: Envelope,
  extra: { connection?: 'close'; then?: () => void } = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(extra.connection ? { connection: extra.connection } : {}),
  });
  res.end(JSON.stringify(body), extra.then);
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large'; drained: boolean };

/**
 * Reads a JSON body of at most `maxBodyBytes`.
 *
 * An oversized body is not answered by destroying the request: closing a socket while the client's
 * bytes still sit unread in the kernel makes TCP send a reset, and the client (busy writing its
 * 10 MB) then reports ECONNRESET instead of ever reading our 413. So past the limit the host stops
 * keeping the bytes but keeps reading them, up to `maxDrainBytes`, and answers once the body has
 * ended; the caller then closes the connection cleanly (`Connection: close`). A `Content-Length`
 * that already declares more than the drain cap is refused at once, without reading anything.
 */
function readBody(req: IncomingMessage): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > maxDrainBytes) return Promise.resolve({ kind: 'too-large', drained: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0; // over the limit: keep draining, keep nothing
      if (size > maxDrainBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        resolve({ kind: 'too-large', drained: false });
      }
    };
    const onEnd = () =>
      resolve(
        size > maxBodyBytes
          ? { kind: 'too-large', drained: true }
          : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * 413 with the usual envelope and `Connection: close`: Node then ends the connection once the
 * response is out. If the body was not read to its end, the socket is destroyed right after the
 * response, since nobody will read the rest.
 */
function sendTooLarge(req: IncomingMessage, res: ServerResponse, drained: boolean): void {
  sendJson(
    res,
    413,
    { ok: false, error: { code: 'INVALID_INPUT' } },
    {
      connection: 'close',
      then: () => {
        if (!drained) req.socket.destroy();
      },
    },
  );
}

/**
 * The browser host: the renderer and the KioskApi on 127.0.0.1 only. A page from another origin,
 * or a DNS-rebinding name, must not drive the till: every request must name our host, come from our
 * origin (when the browser says), and carry the per-launch token.
 */
export async function startBrowserHost(opts: {
  core: LinliCore;
  port: number;
  staticDir: string;
  token?: string;
  /** A request that failed unexpectedly (the host's logger); absent: the console. */
  onError?: (error: unknown) => void;
}): Promise<BrowserHost> {
  const onError = opts.onError ?? ((error: unknown) => console.error('[linli] request failed:', error));
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = opts.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const hostOk = (req: IncomingMessage) => allowedHosts().has(req.headers.host ?? '');
  const originOk = (req: IncomingMessage) =>
    req.headers.origin === undefined || allowedOrigins().has(req.headers.origin);

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    const file = resolveStaticPath(opts.staticDir, req.url ?? '/');
    if (!file) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': contentType(file),
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': file.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT' } });
    if (!originOk(req)) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN' } });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const body = await readBody(req);
    if (body.kind === 'too-large') return sendTooLarge(req, res, body.drained);
    let input: unknown;
    try {
      input = (JSON.parse(body.text || '{}') as { input?: unknown }).input;
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT' } });
    }
    sendJson(res, 200, await opts.core.dispatch(decodeURIComponent(method), input));
  }

  const server = createServer((req, res) => {
    if (!hostOk(req)) return void res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
    const path = (req.url ?? '/').split('?')[0]!;
    const api = /^\/api\/([A-Za-z]+)$/.exec(path);
    const work = api
      ? serveApi(req, res, api[1]!)
      : req.method === 'GET' || req.method === 'HEAD'
        ? serveStatic(req, res)
        : Promise.resolve(void res.writeHead(405).end());
    work.catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL' } });
      else res.end();
    });
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const presented = url.searchParams.get('token') ?? '';
    if (url.pathname !== '/events' || !hostOk(req) || !originOk(req) || !sameSecret(presented, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  const unsubscribe = opts.core.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
