import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface HostProcess {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** Starts the built browser host exactly as `npm run web` does, on a free port. */
export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const entry = join(root, 'dist/node/host.js');
  if (!existsSync(entry)) throw new Error('dist/node/host.js is missing: run `npm run build` first (npm test does).');
  const child: ChildProcess = spawn(process.execPath, [entry, '--data-dir', dataDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LINLI_DEMO: '1' },
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Linli browser host: (\S+)/.exec(output);
      if (match) resolveUrl(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
