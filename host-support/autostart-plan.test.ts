import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AutostartError,
  chromiumPolicyPath,
  planAutostart,
  type AutostartInput,
  type AutostartStep,
} from './autostart-plan';

const linux = resolve(import.meta.dirname, '..', 'build', 'linux');
const templates = Object.fromEntries(
  ['linli.service', 'linli.desktop', 'linli-host.service', 'linli-kiosk.service'].map((name) => [
    name,
    readFileSync(join(linux, name), 'utf8'),
  ]),
);
const home = '/home/kiosk';
const units = `${home}/.config/systemd/user`;

const electron = (over: Partial<AutostartInput> = {}): AutostartInput => ({
  mode: 'electron',
  action: 'install',
  home,
  electronExecutable: '/home/kiosk/Applications/Linli-0.1.0-x86_64.AppImage',
  templates,
  isRoot: false,
  system: false,
  ...over,
});
const browserHost = (over: Partial<AutostartInput> = {}): AutostartInput => ({
  mode: 'browser-host',
  action: 'install',
  home,
  node: '/usr/local/bin/node',
  hostScript: '/srv/linli/dist/node/host.js',
  installDir: '/srv/linli',
  chromium: '/usr/bin/chromium-browser',
  policySource: '/srv/linli/build/linux/chromium-policy/linli.json',
  policy: '{"URLBlocklist":["*"]}',
  templates,
  isRoot: false,
  system: false,
  ...over,
});

const written = (steps: AutostartStep[]) =>
  Object.fromEntries(steps.flatMap((s) => (s.kind === 'write' ? [[s.path, s.content]] : [])));
const calls = (steps: AutostartStep[]) => steps.flatMap((s) => (s.kind === 'systemctl' ? [s.args.join(' ')] : []));
const notes = (steps: AutostartStep[]) => steps.flatMap((s) => (s.kind === 'tell' ? [s.message] : [])).join('\n');
const line = (content: string, key: string) => content.split('\n').find((l) => l.startsWith(`${key}=`));

describe('planAutostart: the Electron app', () => {
  it('installs linli.service running this machine’s AppImage, then reloads and enables it', () => {
    const steps = planAutostart(electron());
    const files = written(steps);
    expect(Object.keys(files)).toEqual([`${units}/linli.service`]);
    expect(line(files[`${units}/linli.service`]!, 'ExecStart')).toBe(
      'ExecStart=/home/kiosk/Applications/Linli-0.1.0-x86_64.AppImage',
    );
    // Everything else of the shipped unit is kept (restart policy, target).
    expect(files[`${units}/linli.service`]).toContain('Restart=on-failure');
    expect(files[`${units}/linli.service`]).toContain('WantedBy=graphical-session.target');
    expect(calls(steps)).toEqual(['--user daemon-reload', '--user enable linli.service']);
    // Never both: a desktop entry from before goes.
    expect(steps).toContainEqual({ kind: 'remove', path: `${home}/.config/autostart/linli.desktop` });
  });

  it('with --desktop-entry writes the XDG autostart entry instead, and takes an installed unit away', () => {
    const steps = planAutostart(
      electron({ desktopEntry: true, electronExecutable: '/opt/Linli/linli', existing: [`${units}/linli.service`] }),
    );
    const files = written(steps);
    expect(Object.keys(files)).toEqual([`${home}/.config/autostart/linli.desktop`]);
    expect(line(files[`${home}/.config/autostart/linli.desktop`]!, 'Exec')).toBe('Exec=/opt/Linli/linli');
    expect(calls(steps)).toEqual(['--user disable linli.service', '--user daemon-reload']);
    expect(steps).toContainEqual({ kind: 'remove', path: `${units}/linli.service` });
  });

  it('puts the units under $XDG_CONFIG_HOME when that is set (systemd reads them there)', () => {
    const steps = planAutostart(electron({ configHome: '/home/kiosk/.cfg' }));
    expect(Object.keys(written(steps))).toEqual(['/home/kiosk/.cfg/systemd/user/linli.service']);
  });

  it('uninstall disables (a unit that was never enabled is fine), removes both kinds of entry, reloads', () => {
    const steps = planAutostart(electron({ action: 'uninstall', electronExecutable: undefined }));
    expect(steps.filter((s) => s.kind !== 'tell')).toEqual([
      { kind: 'systemctl', args: ['--user', 'disable', 'linli.service'], mayFail: true },
      { kind: 'remove', path: `${units}/linli.service` },
      { kind: 'remove', path: `${home}/.config/autostart/linli.desktop` },
      { kind: 'systemctl', args: ['--user', 'daemon-reload'], mayFail: false },
    ]);
  });

  it('says so when the browser-host kiosk is installed too', () => {
    expect(notes(planAutostart(electron({ existing: [`${units}/linli-host.service`] })))).toMatch(
      /linli-host\.service[\s\S]*not both[\s\S]*--browser-host --uninstall/,
    );
  });

  it('refuses --system: the Electron app needs nothing under /etc', () => {
    expect(() => planAutostart(electron({ system: true, isRoot: true }))).toThrow(/--system is for --browser-host/);
  });
});

describe('planAutostart: the browser-host kiosk', () => {
  it('installs both units with this checkout’s node, host.js and Chromium, and enables them', () => {
    const steps = planAutostart(browserHost());
    const files = written(steps);
    expect(Object.keys(files)).toEqual([`${units}/linli-host.service`, `${units}/linli-kiosk.service`]);
    const host = files[`${units}/linli-host.service`]!;
    expect(line(host, 'ExecStart')).toBe(
      'ExecStart=/usr/local/bin/node /srv/linli/dist/node/host.js --port 5174 --no-demo --launch-file %t/linli/launch.html',
    );
    expect(line(host, 'WorkingDirectory')).toBe('WorkingDirectory=/srv/linli');
    expect(host).not.toContain('/opt/linli-host');
    const kiosk = files[`${units}/linli-kiosk.service`]!;
    expect(line(kiosk, 'ExecStart')).toBe('ExecStart=/usr/bin/chromium-browser \\');
    // The flags after the first word are the shipped ones, continuation lines and all.
    expect(kiosk).toContain('--app=file://%t/linli/launch.html');
    expect(calls(steps)).toEqual(['--user daemon-reload', '--user enable linli-host.service linli-kiosk.service']);
  });

  it('does not write the Chromium policy without --system: it tells the operator the sudo line', () => {
    const steps = planAutostart(browserHost({ isRoot: true }));
    expect(Object.keys(written(steps))).not.toContain(chromiumPolicyPath);
    expect(notes(steps)).toContain(
      `sudo install -m 0644 -D /srv/linli/build/linux/chromium-policy/linli.json ${chromiumPolicyPath}`,
    );
  });

  it('with --system as root writes the policy itself (and removes it on uninstall)', () => {
    expect(written(planAutostart(browserHost({ isRoot: true, system: true })))[chromiumPolicyPath]).toBe(
      '{"URLBlocklist":["*"]}',
    );
    expect(planAutostart(browserHost({ action: 'uninstall', isRoot: true, system: true }))).toContainEqual({
      kind: 'remove',
      path: chromiumPolicyPath,
    });
  });

  it('refuses --system when not root, before planning anything', () => {
    expect(() => planAutostart(browserHost({ system: true, isRoot: false }))).toThrow(/needs root/);
  });

  it('without a Chromium keeps /usr/bin/chromium and says to install it', () => {
    const steps = planAutostart(browserHost({ chromium: null }));
    expect(line(written(steps)[`${units}/linli-kiosk.service`]!, 'ExecStart')).toBe('ExecStart=/usr/bin/chromium \\');
    expect(notes(steps)).toMatch(/Chromium was not found/);
  });

  it('uninstall disables both (kiosk first), removes them, reloads, and leaves the policy to root', () => {
    const steps = planAutostart(browserHost({ action: 'uninstall' }));
    expect(steps.filter((s) => s.kind !== 'tell')).toEqual([
      { kind: 'systemctl', args: ['--user', 'disable', 'linli-kiosk.service', 'linli-host.service'], mayFail: true },
      { kind: 'remove', path: `${units}/linli-kiosk.service` },
      { kind: 'remove', path: `${units}/linli-host.service` },
      { kind: 'systemctl', args: ['--user', 'daemon-reload'], mayFail: false },
    ]);
    expect(notes(steps)).toContain(`sudo rm -f ${chromiumPolicyPath}`);
  });
});

describe('planAutostart: paths a unit file would misread', () => {
  it.each([
    ['a space', '/home/kiosk/My Apps/Linli.AppImage'],
    ['a percent sign (a systemd specifier)', '/home/kiosk/100%/Linli.AppImage'],
    ['a dollar sign', '/home/kiosk/$HOME/Linli.AppImage'],
    ['a relative path', 'Applications/Linli.AppImage'],
  ])('refuses an executable with %s, naming it', (_what, path) => {
    expect(() => planAutostart(electron({ electronExecutable: path }))).toThrow(AutostartError);
    expect(() => planAutostart(electron({ electronExecutable: path }))).toThrow(path);
  });

  it('takes Chinese letters in a path', () => {
    const steps = planAutostart(electron({ electronExecutable: '/home/kiosk/应用/Linli.AppImage' }));
    expect(line(written(steps)[`${units}/linli.service`]!, 'ExecStart')).toBe(
      'ExecStart=/home/kiosk/应用/Linli.AppImage',
    );
  });

  it('refuses an install without the executable it would point at', () => {
    expect(() => planAutostart(electron({ electronExecutable: undefined }))).toThrow(/executable is not known/);
    expect(() => planAutostart(browserHost({ hostScript: undefined }))).toThrow(/host\.js\) is not known/);
  });
});
