// Reading and answering JSON over node:http: a body larger than the limit is refused while it
// arrives (413, nothing buffered past the limit), malformed JSON is a 400, and every refusal has the
// contract's error body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { HubErrorBody, HubErrorCode } from '../../contract';
import { HubError } from '../features';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

const gzipped = promisify(gzip);
/** Below this a body goes as it is: compressing a long-poll's empty answer costs more than it saves. */
const compressFromBytes = 16 * 1024;

/**
 * A JSON answer, gzip-compressed when the client accepts it and it is large (a bootstrap's pages of
 * members shrink about tenfold). The fastest level, off the event loop: the hub's CPU is the budget.
 */
export async function sendJsonCompressed(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  if (text.length < compressFromBytes || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
    return sendText(res, status, text);
  const zipped = await gzipped(text, { level: constants.Z_BEST_SPEED });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-encoding': 'gzip',
    'content-length': zipped.length,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
  });
  res.end(zipped);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: HubErrorCode,
  message: string,
  headers: Record<string, string> = {},
  field?: string,
): void {
  const body: HubErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  sendJson(res, status, body, headers);
}

/** A body sent as anything but JSON (a form, text/plain) is refused before it is read. */
function requireJsonType(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody && !type) return;
  if (type !== 'application/json')
    throw new HubError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      `the body must be JSON sent as Content-Type: application/json, not ${type || 'no type'}`,
    );
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  requireJsonType(req);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HubError('PAYLOAD_TOO_LARGE', 413, `the body is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HubError('PAYLOAD_TOO_LARGE', 413, `the body is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HubError('BAD_REQUEST', 400, 'the body is not valid JSON');
  }
}

export function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}
