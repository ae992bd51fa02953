// The browser-host kiosk as the units start it, under Xvfb: the host with linli-host.service's exact
// command line (paths to this repo, a temporary data dir with demo data, a free port), Chromium with
// linli-kiosk.service's exact ExecStartPre and ExecStart (+ --no-sandbox as root, + a DevTools port
// to look at it), and the shipped managed policy in effect (only the port replaced). The policy
// lives in /etc/chromium/policies/managed, which is not touched: Chromium runs in a private mount
// namespace where a copy of /etc/chromium with the policy is bound over it, and where a private
// /run/user/<uid> (the unit's %t) shows the host's runtime directory.
//
// Xvfb's screen is 1280x800 with matchbox as the window manager (kiosk full screen is a request to
// the window manager).
//
// DeveloperToolsAvailability 2 (no DevTools) also refuses a DevTools client, so the first start,
// with the policy exactly as shipped, shows that and what a browser-level client can see; the
// second, with only that policy set to 1, is driven by Playwright for the screenshot and the
// blocked navigation.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';
import { tempDir } from '../support/temp-core';
import { unitCommands } from '../support/unit-file';

const root = resolve(import.meta.dirname, '../..');
const linux = join(root, 'build/linux');
const screen = { width: 1280, height: 800 };
const isRoot = process.getuid?.() === 0;

function tool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}
/** Chromium, Xvfb, and root for the mount namespace; otherwise skipped loudly (failed under CI). */
function canRun(): boolean {
  if (!chromiumForTests()) return false;
  const missing = [
    !tool('Xvfb') && 'Xvfb (Debian xvfb)',
    !tool('matchbox-window-manager') && 'a window manager (Debian matchbox-window-manager)',
    !tool('unshare') && 'unshare',
    !isRoot && 'root',
  ].filter(Boolean);
  if (missing.length === 0) return true;
  const message = `The kiosk Chromium test needs ${missing.join(', ')}: it is NOT running.`;
  if (process.env.LINLI_REQUIRE_E2E === '1') throw new Error(`${message} LINLI_REQUIRE_E2E=1 makes this a failure.`);
  console.warn(`\n\n!!! ${message}\n\n`);
  return false;
}

const temp = tempDir('linli-kiosk-xvfb-');
const children: ChildProcess[] = [];
const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
const stopAll = async () => {
  for (const child of children.reverse()) await stop(child);
  children.length = 0;
};

/** Resolves with the first match of `pattern` in the child's output (a real signal, no polling). */
function waitForOutput(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolveMatch, reject) => {
    child[stream]!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolveMatch(match);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}:\n${output}`)));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Every process in the tree under `pid`, with its command line. */
function processTree(pid: number): { pid: number; args: string }[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (tree.has(row.ppid) && !tree.has(row.pid)) {
        tree.add(row.pid);
        grew = true;
      }
  }
  return rows.filter((row) => tree.has(row.pid));
}

let display = '';
let origin = '';
let token = '';
let hostOutput = '';
const runtime = join(temp.dir, 'runtime'); // the host's %t
const uid = process.getuid?.() ?? 0;

/** Starts Chromium exactly as linli-kiosk.service does, with `policy` as the managed policy. */
async function startKiosk(name: string, policy: string): Promise<{ child: ChildProcess; devtools: string }> {
  const etc = join(temp.dir, `${name}-etc-chromium`);
  if (existsSync('/etc/chromium')) cpSync('/etc/chromium', etc, { recursive: true });
  mkdirSync(join(etc, 'policies/managed'), { recursive: true });
  writeFileSync(join(etc, 'policies/managed/linli.json'), policy);
  const specifiers = { t: `/run/user/${uid}`, C: join(temp.dir, `${name}-cache`), h: join(temp.dir, 'home') };
  const [start] = unitCommands(join(linux, 'linli-kiosk.service'), 'ExecStart', specifiers);
  // ExecStartPre (the bounded wait for the launch file) runs outside the namespace, on the host's %t.
  for (const pre of unitCommands(join(linux, 'linli-kiosk.service'), 'ExecStartPre', { t: runtime })) {
    expect(spawnSync(pre[0]!, pre.slice(1)).status).toBe(0);
  }
  const args = [...start!, '--no-sandbox', '--remote-debugging-port=0'];
  // /run/user is the standard parent of %t; an image without it gets the empty directory.
  if (!existsSync('/run/user')) mkdirSync('/run/user');
  const script = [
    'mount --bind "$ETC" /etc/chromium',
    'mount -t tmpfs -o mode=755 tmpfs /run/user',
    `mkdir -m 700 /run/user/${uid}`,
    `mount --bind "$RT" /run/user/${uid}`,
    'exec "$@"',
  ].join(' && ');
  if (!existsSync('/etc/chromium')) mkdirSync('/etc/chromium'); // the mount point only
  const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', ...args], {
    env: { ...process.env, DISPLAY: display, ETC: etc, RT: runtime },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const [, devtools] = await waitForOutput(child, 'stderr', /DevTools listening on (ws:\/\/\S+)/);
  return { child, devtools: devtools! };
}

const shippedPolicy = () => readFileSync(join(linux, 'chromium-policy/linli.json'), 'utf8');
const policyFor = (port: number) => shippedPolicy().replaceAll('127.0.0.1:5174', `127.0.0.1:${port}`);

describe.skipIf(!canRun())('the browser-host kiosk under Xvfb, started by its units', () => {
  let otherRequests = 0;
  let other: Server;
  let otherUrl = '';

  beforeAll(async () => {
    // Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', `${screen.width}x${screen.height}x24`, '-nolisten', 'tcp'],
      {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      },
    );
    children.push(xvfb);
    display = await new Promise<string>((done, reject) => {
      xvfb.stdio[3]!.on('data', (chunk: Buffer) => done(`:${chunk.toString().trim()}`));
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    });

    // Full screen is the window manager's job (a kiosk session has one: cage, openbox, matchbox).
    // It manages windows mapped later too; Chromium maps its window long after this.
    children.push(
      spawn('matchbox-window-manager', ['-use_titlebar', 'no'], {
        env: { ...process.env, DISPLAY: display },
        stdio: 'ignore',
      }),
    );

    // Another loopback server: the policy must keep the kiosk away from it.
    other = createServer((_req, res) => {
      otherRequests++;
      res.end('not the kiosk');
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;

    const port = await freePort();
    const dataDir = join(temp.dir, 'data');
    for (const pre of unitCommands(join(linux, 'linli-host.service'), 'ExecStartPre', { t: runtime })) {
      expect(spawnSync(pre[0]!, pre.slice(1)).status).toBe(0);
    }
    const [command] = unitCommands(join(linux, 'linli-host.service'), 'ExecStart', { t: runtime });
    const args = command!
      .map((word) => word.replace('/opt/linli-host', root))
      .map((word, i, all) => (all[i - 1] === '--port' ? String(port) : word))
      .filter((word) => word !== '--no-demo'); // demo data: a login screen with staff to show
    const host = spawn(args[0]!, [...args.slice(1), '--data-dir', dataDir], {
      cwd: root,
      env: { ...process.env, LINLI_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(host);
    host.stdout!.on('data', (chunk: Buffer) => (hostOutput += chunk.toString()));
    await waitForOutput(host, 'stdout', /Linli launch file: \S+/);
    origin = `http://127.0.0.1:${port}`;
    const page = readFileSync(join(runtime, 'linli/launch.html'), 'utf8');
    token = /#token=([\w-]+)/.exec(page)![1]!;
  });

  afterAll(async () => {
    await stopAll();
    await new Promise<void>((done) => (other ? other.close(() => done()) : done()));
    temp.remove();
  });

  it('hands the token over in a private file, never on stdout', () => {
    expect(token.length).toBeGreaterThan(20);
    expect(hostOutput).toContain(`Linli browser host: ${origin}\n`);
    expect(hostOutput).not.toContain(token);
  });

  it('with the policy as shipped: the app loads and drops the token from its address, DevTools are refused, ps shows no token', async () => {
    const { child, devtools } = await startKiosk('shipped', policyFor(Number(new URL(origin).port)));
    const socket = new WebSocket(devtools);
    await new Promise((done) => socket.once('open', done));
    let id = 0;
    const replies = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
    const targets: ((info: { type: string; url: string }) => void)[] = [];
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        id?: number;
        method?: string;
        params?: { targetInfo: { type: string; url: string; targetId: string } };
      };
      if (message.id !== undefined) replies.get(message.id)?.(message as never);
      if (message.method?.startsWith('Target.target') && message.params)
        targets.forEach((t) => t(message.params!.targetInfo));
    });
    const send = (method: string, params: object = {}) =>
      new Promise<{ result?: unknown; error?: { message: string } }>((done) => {
        replies.set(++id, done);
        socket.send(JSON.stringify({ id, method, params }));
      });
    // The renderer took the token from the fragment and replaced the address by the bare origin.
    const app = new Promise<{ targetId: string }>((done) =>
      targets.push((info) => {
        if (info.type === 'page' && info.url === `${origin}/`) done(info as never);
      }),
    );
    await send('Target.setDiscoverTargets', { discover: true });
    const { targetId } = await app;
    const attach = await send('Target.attachToTarget', { targetId, flatten: true });
    expect(attach.error?.message).toBe('Not allowed');
    socket.close();

    const tree = processTree(child.pid!);
    expect(tree.some((p) => p.args.includes(`--app=file:///run/user/${uid}/linli/launch.html`))).toBe(true);
    expect(tree.filter((p) => p.args.includes(token))).toEqual([]);
    await stop(child);
  });

  describe('with DevTools allowed (the only change) to drive it', () => {
    let browser: Browser;
    let kiosk: ChildProcess;

    it('shows the login screen full-screen and blocks every other address', async () => {
      const policy = JSON.parse(policyFor(Number(new URL(origin).port))) as Record<string, unknown>;
      const started = await startKiosk('driven', JSON.stringify({ ...policy, DeveloperToolsAvailability: 1 }));
      kiosk = started.child;
      browser = await chromium.connectOverCDP(started.devtools);
      const context = browser.contexts()[0]!;
      const page = context.pages()[0] ?? (await context.waitForEvent('page'));
      await page.getByRole('button', { name: /张伟/ }).waitFor();
      expect(page.url()).toBe(`${origin}/`);
      // Kiosk mode goes full screen once the window is mapped: wait for that resize (a DOM event).
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const full = () => window.innerWidth === screen.width && window.innerHeight === screen.height;
            if (full()) return done();
            window.addEventListener('resize', () => full() && done());
          }),
      );
      expect(await page.evaluate(() => [window.innerWidth, window.innerHeight, screen.width, screen.height])).toEqual([
        screen.width,
        screen.height,
        screen.width,
        screen.height,
      ]);
      await page.screenshot({ path: join(root, 'docs/screens/kiosk-chromium-xvfb.png') });

      await expect(page.goto(otherUrl)).rejects.toThrow(/ERR_BLOCKED_BY_ADMINISTRATOR/);
      await expect(page.goto('file:///etc/passwd')).rejects.toThrow(/ERR_BLOCKED_BY_ADMINISTRATOR/);
      expect(otherRequests).toBe(0);
      expect(processTree(kiosk.pid!).filter((p) => p.args.includes(token))).toEqual([]);
      await browser.close().catch(() => undefined);
      await stop(kiosk);
    });
  });
});
