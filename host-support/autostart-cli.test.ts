import { describe, expect, it } from 'vitest';
import { AutostartError } from './autostart-plan';
import { autostartArgs, parseAutostartFlags, runAutostartCli } from './autostart-cli';

describe('autostartArgs', () => {
  it('is the subcommand only as the first argument', () => {
    expect(autostartArgs(['install-autostart', '--uninstall'])).toEqual(['--uninstall']);
    expect(autostartArgs(['--data-dir', 'install-autostart'])).toBeNull();
    expect(autostartArgs([])).toBeNull();
  });
});

describe('parseAutostartFlags', () => {
  it('reads every flag', () => {
    expect(
      parseAutostartFlags([
        '--electron',
        '--uninstall',
        '--dry-run',
        '--desktop-entry',
        '--executable=/opt/Linli/linli',
      ]),
    ).toEqual({
      mode: 'electron',
      uninstall: true,
      dryRun: true,
      system: false,
      desktopEntry: true,
      executable: '/opt/Linli/linli',
      help: false,
    });
    expect(parseAutostartFlags(['--browser-host', '--system']).system).toBe(true);
  });

  it.each([
    [['--uninstal'], /unknown option "--uninstal"/],
    [['--electron', '--browser-host'], /not both/],
    [['--executable'], /needs a path/],
    [['--browser-host', '--desktop-entry'], /--desktop-entry is for --electron/],
  ])('refuses %j', (args, message) => {
    expect(() => parseAutostartFlags(args)).toThrow(AutostartError);
    expect(() => parseAutostartFlags(args)).toThrow(message);
  });
});

describe('runAutostartCli', () => {
  const base = {
    env: { HOME: '/home/kiosk' },
    defaultMode: 'electron' as const,
    modes: ['electron' as const],
    templatesDir: '/nonexistent',
    isRoot: false,
    platform: 'linux' as const,
  };
  const run = (over: Partial<Parameters<typeof runAutostartCli>[0]> & { args: string[] }) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runAutostartCli({ ...base, out: (l) => out.push(l), err: (l) => err.push(l), ...over });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('the packaged app refuses --browser-host and says where that is installed from', () => {
    const result = run({ args: ['--browser-host'] });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/npm run install-autostart -- --browser-host/);
  });

  it('is for Linux: on Windows it points at --install-autostart and Assigned Access', () => {
    const result = run({ args: [], platform: 'win32' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--install-autostart .*Assigned Access/);
  });

  it('--help prints the usage and exits 0', () => {
    const result = run({ args: ['--help'] });
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: install-autostart');
  });
});
