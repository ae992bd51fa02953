// `linli install-autostart` as data: which files to write or remove, which `systemctl --user` calls
// to make and what to tell the operator, for the Electron app or the browser-host kiosk. Pure: the
// caller reads the unit templates from build/linux and detects the executables; autostart-run.ts
// carries the plan out (and refuses any path outside the home unless --system as root).
import { join } from 'node:path';

export type AutostartMode = 'electron' | 'browser-host';
export type AutostartAction = 'install' | 'uninstall';

export type AutostartStep =
  | { kind: 'write'; path: string; content: string; mode: number }
  /** Removing a file that is not there is not an error: uninstalling twice is fine. */
  | { kind: 'remove'; path: string }
  /** `systemctl` with these arguments; `mayFail` for disabling a unit that may not be enabled. */
  | { kind: 'systemctl'; args: string[]; mayFail: boolean }
  /** Something only the operator can do (sudo, auto-login), printed as it is. */
  | { kind: 'tell'; message: string };

export interface AutostartInput {
  mode: AutostartMode;
  action: AutostartAction;
  /** The kiosk user's home: every file of the plan is under it, except the Chromium policy. */
  home: string;
  /** $XDG_CONFIG_HOME when it is set (systemd then reads user units there), else <home>/.config. */
  configHome?: string;
  /** Electron: the XDG autostart entry instead of the systemd user unit. */
  desktopEntry?: boolean;
  /** Electron: the AppImage or the deb's /opt/Linli/linli. */
  electronExecutable?: string;
  /** Browser host: the node binary, the built host (dist/node/host.js) and the checkout it is in. */
  node?: string;
  hostScript?: string;
  installDir?: string;
  /** Browser host: the Chromium found on this machine (null: not found, the unit keeps /usr/bin/chromium). */
  chromium?: string | null;
  /** Browser host: build/linux/chromium-policy/linli.json, its path (for the sudo line) and text. */
  policySource?: string;
  policy?: string;
  /** The unit files of build/linux by name: linli.service, linli.desktop, linli-host.service, linli-kiosk.service. */
  templates: Readonly<Record<string, string>>;
  /** Files of a plan that already exist (the other mode's units): used for a warning, nothing else. */
  existing?: readonly string[];
  isRoot: boolean;
  /** `--system`: also write the Chromium policy under /etc (only as root). */
  system: boolean;
}

export class AutostartError extends Error {}

/** Where Chromium (Debian's chromium package) reads managed policies. */
export const chromiumPolicyPath = '/etc/chromium/policies/managed/linli.json';

const electronUnit = 'linli.service';
const hostUnit = 'linli-host.service';
const kioskUnit = 'linli-kiosk.service';
const desktopFile = 'linli.desktop';
// The browser host's unit as shipped: `/usr/bin/env node` and the host under /opt/linli-host.
const shippedInstallDir = '/opt/linli-host';
const shippedHostCommand = `/usr/bin/env node ${shippedInstallDir}/dist/node/host.js`;

/**
 * Paths go into unit files and desktop entries unquoted. Rather than a quoting scheme for each of
 * systemd's and XDG's syntaxes (spaces, %, $, quotes and ; all mean something in one or the other),
 * paths holding any of those are refused with a message that says so. Unicode letters are fine.
 */
const plainPath = /^\/[^\s"'\\%$;`#()~|&<>*?]*$/u;

function checkPath(what: string, path: string | undefined): string {
  if (!path) throw new AutostartError(`${what} is not known: give its absolute path`);
  if (!path.startsWith('/')) throw new AutostartError(`${what} must be an absolute path, not ${path}`);
  if (!plainPath.test(path))
    throw new AutostartError(
      `${what} ${JSON.stringify(path)} has a space or one of " ' \\ % $ ; \` # ( ) ~ | & < > * ? in it, which unit files would misread: move it to a plain path`,
    );
  return path;
}

function template(input: AutostartInput, name: string): string {
  const text = input.templates[name];
  if (text === undefined) throw new AutostartError(`the unit template ${name} is missing (build/linux/${name})`);
  return text;
}

/** The first `key=` line (not a comment) with its first word replaced; the rest of the value is kept. */
function replaceFirstWord(content: string, key: string, word: string): string {
  const line = new RegExp(`^${key}=\\S+`, 'm');
  if (!line.test(content)) throw new AutostartError(`the template has no ${key}= line`);
  return content.replace(line, `${key}=${word}`);
}

const writtenBy = (name: string) =>
  `# Written by \`linli install-autostart\` from build/linux/${name}, with this machine's paths.\n` +
  '# Remove it with `linli install-autostart --uninstall` (or the npm script with --uninstall).\n';

function electronUnitContent(input: AutostartInput): string {
  const exe = checkPath('the Linli executable', input.electronExecutable);
  return writtenBy(electronUnit) + replaceFirstWord(template(input, electronUnit), 'ExecStart', exe);
}

function desktopEntryContent(input: AutostartInput): string {
  const exe = checkPath('the Linli executable', input.electronExecutable);
  return writtenBy(desktopFile) + replaceFirstWord(template(input, desktopFile), 'Exec', exe);
}

function hostUnitContent(input: AutostartInput): string {
  const node = checkPath('node', input.node);
  const host = checkPath('the built host (dist/node/host.js)', input.hostScript);
  const dir = checkPath('the Linli checkout', input.installDir);
  const shipped = template(input, hostUnit);
  if (!shipped.includes(`ExecStart=${shippedHostCommand} `))
    throw new AutostartError(`${hostUnit} no longer starts with "${shippedHostCommand}": update autostart-plan.ts`);
  // An absolute node: the user manager's PATH rarely has the node an operator installed (nvm, /usr/local).
  const withCommand = shipped.replace(`ExecStart=${shippedHostCommand} `, `ExecStart=${node} ${host} `);
  return writtenBy(hostUnit) + withCommand.replaceAll(shippedInstallDir, dir);
}

function kioskUnitContent(input: AutostartInput): string {
  const dir = checkPath('the Linli checkout', input.installDir);
  let content = template(input, kioskUnit);
  if (input.chromium) content = replaceFirstWord(content, 'ExecStart', checkPath('Chromium', input.chromium));
  return writtenBy(kioskUnit) + content.replaceAll(shippedInstallDir, dir);
}

const user = (...args: string[]) => ['--user', ...args];

export function planAutostart(input: AutostartInput): AutostartStep[] {
  const home = checkPath('the home directory', input.home);
  const configHome = input.configHome ? checkPath('$XDG_CONFIG_HOME', input.configHome) : join(home, '.config');
  const unitDir = join(configHome, 'systemd', 'user');
  const autostartDir = join(configHome, 'autostart');
  const unitPath = (name: string) => join(unitDir, name);
  const existing = new Set(input.existing ?? []);
  if (input.system && !input.isRoot)
    throw new AutostartError(`--system writes ${chromiumPolicyPath} and needs root: run it with sudo, or leave it out`);
  if (input.system && input.mode === 'electron')
    throw new AutostartError(
      '--system is for --browser-host (the Chromium policy); the Electron app needs nothing under /etc',
    );

  const steps: AutostartStep[] = [];
  const write = (path: string, content: string) => steps.push({ kind: 'write', path, content, mode: 0o644 });
  const remove = (path: string) => steps.push({ kind: 'remove', path });
  const systemctl = (args: string[], mayFail = false) =>
    steps.push({ kind: 'systemctl', args: user(...args), mayFail });
  const tell = (message: string) => steps.push({ kind: 'tell', message });
  // Electron and the browser-host kiosk would both take the screen: one of them, never both.
  const otherMode = (names: string[], flag: string) => {
    const found = names.map(unitPath).filter((path) => existing.has(path));
    if (found.length)
      tell(
        `Also installed: ${found.join(', ')}. Use one kiosk, not both: remove it with install-autostart ${flag} --uninstall.`,
      );
  };

  if (input.mode === 'electron') {
    const entry = join(autostartDir, desktopFile);
    if (input.action === 'install') {
      if (input.desktopEntry) {
        write(entry, desktopEntryContent(input));
        // The entry and the unit would each start Linli: the unit goes.
        if (existing.has(unitPath(electronUnit))) {
          systemctl(['disable', electronUnit], true);
          remove(unitPath(electronUnit));
          systemctl(['daemon-reload']);
        }
        tell('Linli starts when the kiosk user logs in to the desktop: set up auto-login for that user.');
      } else {
        write(unitPath(electronUnit), electronUnitContent(input));
        remove(entry);
        systemctl(['daemon-reload']);
        systemctl(['enable', electronUnit]);
        tell(
          `Linli starts with the kiosk user's graphical session (auto-login). To start it now: systemctl --user start ${electronUnit}`,
        );
      }
      otherMode([hostUnit, kioskUnit], '--browser-host');
    } else {
      systemctl(['disable', electronUnit], true);
      remove(unitPath(electronUnit));
      remove(entry);
      systemctl(['daemon-reload']);
      tell(`Autostart removed. A running Linli keeps running until it quits (systemctl --user stop ${electronUnit}).`);
    }
    return steps;
  }

  const policySource = checkPath('the Chromium policy (build/linux/chromium-policy/linli.json)', input.policySource);
  const asRoot = input.system && input.isRoot;
  if (input.action === 'install') {
    write(unitPath(hostUnit), hostUnitContent(input));
    write(unitPath(kioskUnit), kioskUnitContent(input));
    systemctl(['daemon-reload']);
    systemctl(['enable', hostUnit, kioskUnit]);
    if (asRoot) {
      if (input.policy === undefined) throw new AutostartError('the Chromium policy text is missing');
      write(chromiumPolicyPath, input.policy);
    } else
      tell(
        `The Chromium policy (only the host's address, no developer tools, downloads or printing) needs root. Run:\n` +
          `  sudo install -m 0644 -D ${policySource} ${chromiumPolicyPath}`,
      );
    if (!input.chromium)
      tell(
        'Chromium was not found: install it (Debian: sudo apt install chromium); the kiosk unit runs /usr/bin/chromium.',
      );
    tell(
      'To start at boot: loginctl enable-linger "$USER" (the host), and auto-login into a graphical ' +
        `session (the kiosk screen). To start now: systemctl --user start ${kioskUnit}`,
    );
    otherMode([electronUnit], '--electron');
  } else {
    systemctl(['disable', kioskUnit, hostUnit], true);
    remove(unitPath(kioskUnit));
    remove(unitPath(hostUnit));
    systemctl(['daemon-reload']);
    if (asRoot) remove(chromiumPolicyPath);
    else tell(`The Chromium policy stays until root removes it:\n  sudo rm -f ${chromiumPolicyPath}`);
    tell(`Autostart removed. A running kiosk keeps running until stopped (systemctl --user stop ${hostUnit}).`);
  }
  return steps;
}
