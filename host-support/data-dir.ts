import { homedir } from 'node:os';
import { join } from 'node:path';

export function flagValue(argv: string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name && argv[i + 1] !== undefined) return argv[i + 1]!;
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return null;
}

/** `--data-dir X` wins over LINLI_DATA_DIR, which wins over the platform default. */
export function resolveDataDir(opts: { argv: string[]; env: NodeJS.ProcessEnv; defaultDir: string }): string {
  return flagValue(opts.argv, '--data-dir') ?? (opts.env.LINLI_DATA_DIR || null) ?? opts.defaultDir;
}

/** Where the browser host keeps data when nothing says otherwise (Electron uses app.getPath('userData')). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'Linli');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Linli');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'linli');
}

export function wantsDemo(opts: { argv: string[]; env: NodeJS.ProcessEnv }): boolean {
  if (opts.argv.includes('--no-demo')) return false;
  return !['0', 'false', 'no'].includes((opts.env.LINLI_DEMO ?? '').toLowerCase());
}

/** `--role self-service` (or LINLI_ROLE): start as a self-service terminal; absent keeps what a manager set. */
export function roleOption(argv: string[], env: NodeJS.ProcessEnv): 'counter' | 'self-service' | undefined {
  const raw = flagValue(argv, '--role') ?? env.LINLI_ROLE ?? null;
  if (raw === null || raw === '') return undefined;
  if (raw === 'counter' || raw === 'self-service') return raw;
  throw new Error(`--role must be counter or self-service, not ${raw}`);
}

export function portOption(argv: string[], env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = flagValue(argv, '--port') ?? env.LINLI_PORT ?? null;
  const port = raw === null ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${raw}`);
  return port;
}
