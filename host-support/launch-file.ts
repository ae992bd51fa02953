// The launch file: how the browser host hands its per-launch token to the kiosk Chromium without
// the token appearing in a process list, a shell history or the journal (decision 0033). The host
// writes a tiny HTML page, readable by the kiosk user only, that sends the browser to the host with
// the token in the URL fragment (`#token=`): browsers never send a fragment to the server, so it is
// in no request line or access log either. Chromium is started with `--app=file://…/launch.html`.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { flagValue } from './data-dir';

/** `--launch-file FILE` wins over LINLI_LAUNCH_FILE; null when neither is given. */
export function launchFileOption(argv: string[], env: NodeJS.ProcessEnv): string | null {
  const raw = flagValue(argv, '--launch-file') ?? (env.LINLI_LAUNCH_FILE || null);
  if (raw === null) return null;
  if (!isAbsolute(raw)) throw new Error(`--launch-file must be an absolute path, not ${raw}`);
  return raw;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page: no script at all (a meta refresh), a CSP that allows nothing to load, and no referrer.
 * The token is base64url, but the target is escaped anyway: the page must stay one element.
 */
export function launchPageHtml(origin: string, token: string): string {
  const target = `${origin}/#token=${encodeURIComponent(token)}`;
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${escapeAttribute(target)}">`,
    '<title>Linli</title>',
    '',
  ].join('\n');
}

export class LaunchFileError extends Error {}

/**
 * Writes the page with mode 0600 into a directory only this user can enter (0700; created when
 * missing). A directory that others can read or write, or that belongs to someone else, is refused:
 * the token would be theirs too. The file is replaced atomically, so Chromium never reads half a page.
 */
export function writeLaunchFile(file: string, html: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = statSync(dir);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid)
    throw new LaunchFileError(`the launch file's directory ${dir} belongs to another user`);
  if ((stat.mode & 0o077) !== 0)
    throw new LaunchFileError(
      `the launch file's directory ${dir} is open to other users (mode ${(stat.mode & 0o777).toString(8)}); use a private one (mode 700), e.g. $XDG_RUNTIME_DIR/linli`,
    );
  const temp = join(dir, `.launch-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, html, { mode: 0o600, flag: 'wx' });
    chmodSync(temp, 0o600); // the umask could only have narrowed it; say it once more, exactly
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** On shutdown: the token dies with the host, and so does the page that carries it. */
export function removeLaunchFile(file: string): void {
  rmSync(file, { force: true });
}
