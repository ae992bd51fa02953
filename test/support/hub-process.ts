// A hub started as an operator starts it (`npm run hub`'s entry, a free port), and its admin CLI
// run as a separate process: for the tests that need the real thing on loopback.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface HubProcess {
  url: string;
  adminToken: string;
  /** Runs `hub:admin` with these arguments; `ok` false carries its stderr. */
  cli(...args: string[]): Promise<{ ok: boolean; out: string }>;
  stop(): Promise<void>;
}

/** `env` picks the engine: LINLI_HUB_DATA_DIR for PGlite, or DATABASE_URL (+ LINLI_HUB_SCHEMA). */
export async function startHubProcess(
  env: Record<string, string>,
  adminToken = 'test-admin-token-0123456789',
): Promise<HubProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'hub/server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', LINLI_HUB_PORT: '0', LINLI_HUB_ADMIN_TOKEN: adminToken, ...env },
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the hub did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the hub exited (${code}):\n${output}`)));
  });
  return {
    url,
    adminToken,
    async cli(...args) {
      try {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', 'hub/server/cli.ts', ...args], {
          cwd: root,
          env: { ...process.env, LINLI_HUB_URL: url, LINLI_HUB_ADMIN_TOKEN: adminToken },
          timeout: 30_000,
        });
        return { ok: true, out: stdout };
      } catch (error) {
        return { ok: false, out: (error as { stderr: string }).stderr };
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
