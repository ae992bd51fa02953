// Maps app://linli/<path> requests to files under the renderer directory.
import { contentType, resolveStaticPath } from '../host-support/static-path';
import { appHost, appScheme } from './security';

const prefix = `${appScheme}://${appHost}`;

/**
 * The file inside `rootDir` that serves `requestUrl`, or null when refused: another scheme or host
 * (app://linli.evil, app://linli:8080, app://linli@x), or a path resolveStaticPath refuses.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  if (typeof requestUrl !== 'string' || !requestUrl.toLowerCase().startsWith(prefix)) return null;
  const rest = requestUrl.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null;
  return resolveStaticPath(rootDir, rest);
}

/** Content-Type for a served file; unknown extensions are opaque bytes. */
export const contentTypeFor = contentType;
