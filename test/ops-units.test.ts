// Every systemd unit and desktop entry under build/ passes its own tool's validation:
// `systemd-analyze verify` (as user units: they are installed in ~/.config/systemd/user) and
// `desktop-file-validate`. Without the tools (Debian packages systemd, desktop-file-utils) the test
// is skipped with a loud message, except where LINLI_REQUIRE_E2E=1 (CI): there it fails.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const build = join(root, 'build');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function tool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (found) return true;
  const message = `${name} is not installed (Debian: systemd / desktop-file-utils): the unit and desktop-entry checks are NOT running.`;
  if (process.env.LINLI_REQUIRE_E2E === '1') throw new Error(`${message} LINLI_REQUIRE_E2E=1 makes this a failure.`);
  console.warn(`\n\n!!! ${message}\n\n`);
  return false;
}

const units = filesUnder(build, '.service');
const entries = filesUnder(build, '.desktop');
const work = mkdtempSync(join(tmpdir(), 'linli-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A home directory where the documented install paths exist: verify checks that ExecStart is an
 * executable, and the Electron unit runs the AppImage from ~/Applications.
 */
function kioskHome(): string {
  const home = join(work, 'home');
  mkdirSync(join(home, 'Applications'), { recursive: true });
  const appImage = join(home, 'Applications', 'Linli.AppImage');
  writeFileSync(appImage, '#!/bin/sh\n');
  chmodSync(appImage, 0o755);
  const runtime = join(work, 'runtime');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  return home;
}

describe('build/ units and desktop entries', () => {
  it('has the units and entries the kiosk installs', () => {
    expect(units.map((f) => relative(build, f))).toEqual(
      expect.arrayContaining(['linux/linli.service', 'linux/linli-host.service']),
    );
    expect(entries.map((f) => relative(build, f))).toEqual(expect.arrayContaining(['linux/linli.desktop']));
  });

  describe.skipIf(!tool('systemd-analyze'))('systemd-analyze verify', () => {
    it.each(units.map((f) => relative(build, f)))('%s', (unit) => {
      const home = kioskHome();
      const result = spawnSync('systemd-analyze', ['--user', '--man=no', 'verify', join(build, unit)], {
        encoding: 'utf8',
        env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: join(work, 'runtime') },
      });
      expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
      expect(result.status).toBe(0);
    });

    it('catches a broken unit (the check is not blind)', () => {
      const broken = join(work, 'broken.service');
      writeFileSync(broken, '[Service]\nExecStart=relative/path\nRestart=sometimes\n');
      const result = spawnSync('systemd-analyze', ['--user', '--man=no', 'verify', broken], {
        encoding: 'utf8',
        env: { ...process.env, HOME: kioskHome(), XDG_RUNTIME_DIR: join(work, 'runtime') },
      });
      expect(result.status).not.toBe(0);
    });
  });

  describe.skipIf(!tool('desktop-file-validate'))('desktop-file-validate', () => {
    it.each(entries.map((f) => relative(build, f)))('%s', (entry) => {
      const result = spawnSync('desktop-file-validate', [join(build, entry)], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
      expect(result.status).toBe(0);
    });

    it('catches a broken entry', () => {
      const broken = join(work, 'broken.desktop');
      writeFileSync(broken, '[Desktop Entry]\nType=Nonsense\n');
      expect(spawnSync('desktop-file-validate', [broken]).status).not.toBe(0);
    });
  });
});
