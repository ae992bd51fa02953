import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const found = ['/usr/bin/socat', '/usr/local/bin/socat'].find((p) => existsSync(p)) ?? null;
if (!found) {
  const message = 'socat is not installed (apt-get install socat): the serial-port tests are NOT running.';
  // CI installs socat (.ci/run); there, a missing socat is a failure, not a skip.
  if (process.env.LINLI_REQUIRE_E2E === '1') throw new Error(message);
  console.warn(`\n\n!!! ${message}\n\n`);
}
export const socatPath = found;

export interface PtyPair {
  /** The end the app opens. */
  app: string;
  /** The end the test (the "device") writes to and reads from. */
  device: string;
  kill(): Promise<void>;
}

/**
 * Two linked pseudo-terminals, like a USB-serial scanner or printer plugged in. Resolves once
 * socat reports its data loop started (both links exist then). Killing it is an unplug.
 */
export function ptyPair(device: string, app: string): Promise<PtyPair> {
  if (!socatPath) throw new Error('socat is not installed (apt-get install socat)');
  const child: ChildProcess = spawn(
    socatPath,
    ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${app}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) {
        resolve({
          app,
          device,
          kill: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`socat exited (${code}): ${log}`)));
  });
}
