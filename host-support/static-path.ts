import { extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * The file under root that serves a URL path, or null when the request is refused: `.`/`..`
 * segments (raw or percent-encoded), encoded slashes or backslashes, NUL, colons (drive letters,
 * NTFS streams), or anything resolving outside root. `/` and `dir/` serve index.html. The raw path
 * is inspected, not a normalised one, so traversal attempts are refused rather than collapsed.
 * Both hosts serve the renderer through this (the browser host and Electron's app:// protocol).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  if (typeof urlPath !== 'string') return null;
  const rawPath = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  if (rawPath === '' || rawPath.endsWith('/')) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const inside = relative(base, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Content-Type for a served file; unknown extensions are opaque bytes. */
export function contentType(file: string): string {
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The same policy as the renderer's meta tag, sent as a header by both hosts. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  // The camera QR reader and the member QR drawing are WebAssembly (zxing-wasm, served from 'self').
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
