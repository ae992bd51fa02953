import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface HostProcess {
  url: string;
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

function spawnHost(dataDir: string, extraArgs: readonly string[] = [], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  const entry = join(root, 'dist/node/host.js');
  if (!existsSync(entry)) throw new Error('dist/node/host.js is missing: run `npm run build` first (npm test does).');
  return spawn(process.execPath, [entry, '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LINLI_DEMO: '1', ...extraEnv },
  });
}

/**
 * Starts the built browser host exactly as `npm run web` does, on a free port. `demo: false` starts
 * it without demo data (a fresh data directory then shows the terminal set-up).
 */
export async function startHostProcess(
  dataDir: string,
  opts: { timeoutMs?: number; demo?: boolean; args?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<HostProcess> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const child = spawnHost(dataDir, [...(opts.demo === false ? ['--no-demo'] : []), ...(opts.args ?? [])], opts.env);
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Linli browser host: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs the built browser host until it exits by itself (a host that refuses to start), and returns
 * its exit code and everything it printed. One still running after `timeoutMs` is killed and the
 * promise rejects.
 */
export function runHostProcessToExit(
  dataDir: string,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawnHost(dataDir);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, output });
    });
  });
}
