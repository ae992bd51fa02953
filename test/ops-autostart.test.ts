// `install-autostart` end to end, the way an operator runs it: the npm script (tsx) and the built host
// (`node dist/node/host.js install-autostart`), with HOME in a temp dir and `systemctl` replaced by a
// script that records its arguments (LINLI_SYSTEMCTL). The units it writes must pass
// `systemd-analyze verify`, the desktop entry `desktop-file-validate`; nothing outside the temp home
// is written: the Chromium policy under /etc is left to root and must be untouched.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPolicyPath } from '../host-support/autostart-plan';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const script = join(root, 'scripts', 'install-autostart.ts');
const host = join(root, 'dist', 'node', 'host.js');
const work = mkdtempSync(join(tmpdir(), 'linli-autostart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const haveTool = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
function requireTool(name: string): boolean {
  if (haveTool(name)) return true;
  const message = `${name} is not installed (Debian: systemd / desktop-file-utils): the written units are NOT verified.`;
  if (process.env.LINLI_REQUIRE_E2E === '1') throw new Error(`${message} LINLI_REQUIRE_E2E=1 makes this a failure.`);
  console.warn(`\n\n!!! ${message}\n\n`);
  return false;
}

/** What /etc holds before the tests, to compare after each: the tests must never touch it. */
const policyBefore = () => (existsSync(chromiumPolicyPath) ? statSync(chromiumPolicyPath).mtimeMs : 'absent');
const before = policyBefore();

function executable(path: string, body = '#!/bin/sh\nexit 0\n'): string {
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, body);
  chmodSync(path, 0o755);
  return path;
}

let n = 0;
/** A fresh kiosk user: a home, a runtime dir, a recording systemctl and a stand-in Chromium. */
function kioskUser() {
  const dir = join(work, `user-${++n}`);
  const home = join(dir, 'home');
  const runtime = join(dir, 'runtime');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const log = join(dir, 'systemctl.log');
  const systemctl = executable(join(dir, 'bin', 'systemctl'), `#!/bin/sh\necho "$*" >> '${log}'\n`);
  const chromium = executable(join(dir, 'bin', 'chromium'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    LINLI_SYSTEMCTL: systemctl,
    LINLI_CHROMIUM: chromium,
  };
  const run = (command: string[], ...args: string[]) => {
    const result = spawnSync(process.execPath, [...command, ...args], { encoding: 'utf8', env, cwd: root });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    home,
    env,
    units: join(home, '.config', 'systemd', 'user'),
    /** `npm run install-autostart -- ARGS` (what the npm script runs). */
    npmScript: (...args: string[]) => run([tsx, script], ...args),
    /** `node dist/node/host.js install-autostart ARGS`. */
    builtHost: (...args: string[]) => run([host, 'install-autostart'], ...args),
    systemctlCalls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    filesUnderHome: () =>
      readdirSync(home, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
  };
}

function verifyUnit(file: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('systemd-analyze', ['--user', '--man=no', 'verify', file], { encoding: 'utf8', env });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

beforeAll(() => {
  if (!existsSync(host)) throw new Error('dist/node/host.js is missing: run npm run build first (npm test does)');
});

describe('install-autostart --browser-host (npm run install-autostart)', () => {
  const user = kioskUser();

  it('writes both units into ~/.config/systemd/user, reloads and enables them, and tells the sudo line', () => {
    const result = user.npmScript('--browser-host');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(user.units).sort()).toEqual(['linli-host.service', 'linli-kiosk.service']);
    const hostUnit = readFileSync(join(user.units, 'linli-host.service'), 'utf8');
    expect(hostUnit).toContain(`ExecStart=${process.execPath} ${host} --port 5174`);
    expect(hostUnit).toContain(`WorkingDirectory=${root}`);
    expect(readFileSync(join(user.units, 'linli-kiosk.service'), 'utf8')).toContain(
      `ExecStart=${user.env.LINLI_CHROMIUM} \\`,
    );
    expect(user.systemctlCalls()).toEqual([
      '--user daemon-reload',
      '--user enable linli-host.service linli-kiosk.service',
    ]);
    expect(result.stdout).toContain(
      `sudo install -m 0644 -D ${join(root, 'build', 'linux', 'chromium-policy', 'linli.json')}`,
    );
    expect(policyBefore()).toBe(before);
  });

  it.skipIf(!requireTool('systemd-analyze'))('every unit it wrote passes systemd-analyze verify', () => {
    for (const unit of ['linli-host.service', 'linli-kiosk.service'])
      expect(verifyUnit(join(user.units, unit), user.env), unit).toEqual({ status: 0, output: '' });
  });

  it('--uninstall disables and removes them, and leaves /etc alone', () => {
    const result = user.npmScript('--browser-host', '--uninstall');
    expect(result.status).toBe(0);
    expect(readdirSync(user.units)).toEqual([]);
    expect(user.systemctlCalls().slice(2)).toEqual([
      '--user disable linli-kiosk.service linli-host.service',
      '--user daemon-reload',
    ]);
    expect(result.stdout).toContain(`sudo rm -f ${chromiumPolicyPath}`);
    expect(policyBefore()).toBe(before);
  });
});

describe('install-autostart from the built host (node dist/node/host.js install-autostart)', () => {
  it('installs the browser-host kiosk by default, pointing at that host.js', () => {
    const user = kioskUser();
    const result = user.builtHost();
    expect(result.status).toBe(0);
    expect(readFileSync(join(user.units, 'linli-host.service'), 'utf8')).toContain(`${process.execPath} ${host} `);
    expect(user.systemctlCalls()).toContain('--user enable linli-host.service linli-kiosk.service');
  });

  it('--dry-run prints the plan and does nothing', () => {
    const user = kioskUser();
    const result = user.builtHost('--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`write   ${join(user.units, 'linli-host.service')}`);
    expect(result.stdout).toContain('run     systemctl --user enable linli-host.service linli-kiosk.service');
    expect(user.filesUnderHome()).toEqual([]);
    expect(user.systemctlCalls()).toEqual([]);
  });

  it('a bad flag exits 1 with the reason and the usage, and changes nothing', () => {
    const user = kioskUser();
    const result = user.builtHost('--browser-host', '--unistall');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('install-autostart: unknown option "--unistall"');
    expect(result.stderr).toContain('Usage: install-autostart');
    expect(user.filesUnderHome()).toEqual([]);
    expect(user.systemctlCalls()).toEqual([]);
  });
});

describe('install-autostart --electron', () => {
  it.skipIf(!requireTool('systemd-analyze'))(
    'installs linli.service starting the given AppImage; it passes systemd-analyze verify; --uninstall removes it',
    () => {
      const user = kioskUser();
      const appImage = executable(join(user.home, 'Downloads', 'Linli-0.1.0-x86_64.AppImage'));
      expect(user.npmScript('--electron', '--executable', appImage).status).toBe(0);
      const unit = join(user.units, 'linli.service');
      expect(readFileSync(unit, 'utf8')).toContain(`ExecStart=${appImage}\n`);
      expect(verifyUnit(unit, user.env)).toEqual({ status: 0, output: '' });
      expect(user.systemctlCalls()).toEqual(['--user daemon-reload', '--user enable linli.service']);

      expect(user.npmScript('--electron', '--uninstall').status).toBe(0);
      expect(existsSync(unit)).toBe(false);
      expect(user.systemctlCalls().slice(2)).toEqual(['--user disable linli.service', '--user daemon-reload']);
      expect(policyBefore()).toBe(before);
    },
  );

  it('finds ~/Applications/Linli.AppImage by itself, and says what to pass when there is none', () => {
    const user = kioskUser();
    const missing = user.npmScript('--electron');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Linli was not found .*--executable PATH/);
    const appImage = executable(join(user.home, 'Applications', 'Linli.AppImage'));
    expect(user.npmScript('--electron').status).toBe(0);
    expect(readFileSync(join(user.units, 'linli.service'), 'utf8')).toContain(`ExecStart=${appImage}\n`);
  });

  it.skipIf(!requireTool('desktop-file-validate'))(
    '--desktop-entry writes ~/.config/autostart/linli.desktop, which passes desktop-file-validate',
    () => {
      const user = kioskUser();
      const appImage = executable(join(user.home, 'Applications', 'Linli.AppImage'));
      expect(user.npmScript('--electron', '--desktop-entry').status).toBe(0);
      const entry = join(user.home, '.config', 'autostart', 'linli.desktop');
      expect(readFileSync(entry, 'utf8')).toContain(`Exec=${appImage}\n`);
      const result = spawnSync('desktop-file-validate', [entry], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
      expect(result.status).toBe(0);
      expect(user.systemctlCalls()).toEqual([]);
    },
  );
});
