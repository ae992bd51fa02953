// The executor on real files in a temp dir. "Outside the home" is another temp dir here: the guard is
// about paths, and a test must never aim it at /etc.
import {
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
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AutostartError, type AutostartStep } from './autostart-plan';
import { checkPlan, runAutostartPlan, type SystemctlRunner } from './autostart-run';

const work = mkdtempSync(join(tmpdir(), 'linli-autostart-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function setup(systemctl: SystemctlRunner = () => ({ ok: true, output: '' })) {
  const dir = join(work, `case-${++n}`);
  const home = join(dir, 'home');
  const outside = join(dir, 'elsewhere');
  mkdirSync(home, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const calls: string[][] = [];
  const lines: string[] = [];
  const options = {
    home,
    allowOutsideHome: false,
    systemctl: (args: string[]) => (calls.push(args), systemctl(args)),
    log: (line: string) => lines.push(line),
  };
  return { home, outside, calls, lines, options };
}
const write = (path: string, content = 'x\n'): AutostartStep => ({ kind: 'write', path, content, mode: 0o644 });

describe('runAutostartPlan', () => {
  it('writes files (creating their folders, mode 0644), removes files, runs systemctl in order', () => {
    const t = setup();
    const unit = join(t.home, '.config', 'systemd', 'user', 'linli.service');
    const old = join(t.home, '.config', 'autostart', 'linli.desktop');
    mkdirSync(join(t.home, '.config', 'autostart'), { recursive: true });
    writeFileSync(old, 'old');
    runAutostartPlan(
      [
        write(unit, '[Service]\n'),
        { kind: 'remove', path: old },
        { kind: 'remove', path: join(t.home, 'never-there') },
        { kind: 'systemctl', args: ['--user', 'daemon-reload'], mayFail: false },
      ],
      t.options,
    );
    expect(readFileSync(unit, 'utf8')).toBe('[Service]\n');
    expect(statSync(unit).mode & 0o777).toBe(0o644);
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(join(t.home, '.config', 'systemd', 'user'))).toEqual(['linli.service']); // no temp file left
    expect(t.calls).toEqual([['--user', 'daemon-reload']]);
  });

  it('refuses a plan with a path outside the home before doing any of it', () => {
    const t = setup();
    const inHome = join(t.home, 'a.service');
    const steps: AutostartStep[] = [
      write(inHome),
      { kind: 'systemctl', args: ['--user', 'daemon-reload'], mayFail: false },
      write(join(t.outside, 'linli.json')),
    ];
    expect(() => runAutostartPlan(steps, t.options)).toThrow(AutostartError);
    expect(() => runAutostartPlan(steps, t.options)).toThrow(/outside the home .* only --system as root/);
    expect(existsSync(inHome)).toBe(false);
    expect(readdirSync(t.outside)).toEqual([]);
    expect(t.calls).toEqual([]);
  });

  it('does not take a path that only looks like it is inside (.., a sibling with the same prefix, the home itself)', () => {
    const t = setup();
    for (const path of [join(t.home, '..', 'elsewhere', 'x'), `${t.home}-evil/x`, t.home])
      expect(() => checkPlan([{ kind: 'remove', path }], t.options), path).toThrow(/outside the home/);
  });

  it('allows outside paths only when told (--system as root)', () => {
    const t = setup();
    runAutostartPlan([write(join(t.outside, 'linli.json'), '{}')], { ...t.options, allowOutsideHome: true });
    expect(readFileSync(join(t.outside, 'linli.json'), 'utf8')).toBe('{}');
  });

  it('carries on past a failed systemctl that may fail, and stops with its output on one that may not', () => {
    const t = setup((args) => ({ ok: args[1] !== 'disable' && args[1] !== 'enable', output: `no ${args[2]}` }));
    const later = join(t.home, 'later');
    runAutostartPlan(
      [{ kind: 'systemctl', args: ['--user', 'disable', 'linli.service'], mayFail: true }, write(later)],
      t.options,
    );
    expect(existsSync(later)).toBe(true);
    expect(t.lines.join('\n')).toContain('no linli.service; carrying on');
    expect(() =>
      runAutostartPlan([{ kind: 'systemctl', args: ['--user', 'enable', 'linli.service'], mayFail: false }], t.options),
    ).toThrow(/systemctl --user enable linli\.service failed: no linli\.service/);
  });
});
