// `install-autostart [--electron|--browser-host] [--uninstall] [--dry-run] [--system] ...`, shared by
// its three entry points: the npm script (scripts/install-autostart.ts), the built browser host
// (`node dist/node/host.js install-autostart`) and the packaged Electron app (`linli install-autostart`).
// Each entry point says what it knows (where the unit templates are, which executable it is); this
// file reads the templates, detects the rest, plans and runs.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AutostartError, planAutostart, type AutostartMode, type AutostartStep } from './autostart-plan';
import { checkPlan, describeStep, runAutostartPlan, systemctlFromEnv, type SystemctlRunner } from './autostart-run';
import { findChromium } from './find-chromium';

export const autostartSubcommand = 'install-autostart';

/**
 * The arguments after `install-autostart` when it is the first argument (the caller drops the
 * executable and script), or null: the command line is not that subcommand.
 */
export function autostartArgs(args: readonly string[]): string[] | null {
  return args[0] === autostartSubcommand ? args.slice(1) : null;
}

export interface AutostartFlags {
  mode: AutostartMode | null;
  uninstall: boolean;
  dryRun: boolean;
  system: boolean;
  desktopEntry: boolean;
  executable: string | null;
  help: boolean;
}

const usage = `Usage: install-autostart [--electron | --browser-host] [--uninstall] [--dry-run] [--system]
                         [--desktop-entry] [--executable PATH]
  --electron        the Electron app: the systemd user unit linli.service (the default of the packaged app)
  --browser-host    the browser-host kiosk: linli-host.service + linli-kiosk.service (the default of a checkout)
  --uninstall       disable and remove them again
  --dry-run         print what would be done, do nothing
  --system          as root: also install (or remove) the Chromium policy in /etc/chromium/policies/managed/
  --desktop-entry   Electron: an XDG autostart entry (~/.config/autostart/linli.desktop) instead of the unit
  --executable PATH Electron from a checkout: the AppImage or /opt/Linli/linli (found when it is in one of those places)`;

/** Parses the flags; an unknown or repeated one is an AutostartError naming it. */
export function parseAutostartFlags(args: readonly string[]): AutostartFlags {
  const flags: AutostartFlags = {
    mode: null,
    uninstall: false,
    dryRun: false,
    system: false,
    desktopEntry: false,
    executable: null,
    help: false,
  };
  const setMode = (mode: AutostartMode) => {
    if (flags.mode && flags.mode !== mode) throw new AutostartError('give --electron or --browser-host, not both');
    flags.mode = mode;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--electron') setMode('electron');
    else if (arg === '--browser-host') setMode('browser-host');
    else if (arg === '--uninstall') flags.uninstall = true;
    else if (arg === '--dry-run') flags.dryRun = true;
    else if (arg === '--system') flags.system = true;
    else if (arg === '--desktop-entry') flags.desktopEntry = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--executable' || arg.startsWith('--executable=')) {
      const value = arg === '--executable' ? args[++i] : arg.slice('--executable='.length);
      if (!value) throw new AutostartError('--executable needs a path');
      flags.executable = value;
    } else throw new AutostartError(`unknown option ${JSON.stringify(arg)}`);
  }
  if (flags.desktopEntry && flags.mode === 'browser-host')
    throw new AutostartError('--desktop-entry is for --electron (the browser-host kiosk is two units)');
  return flags;
}

export interface AutostartContext {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** What this entry point installs when neither --electron nor --browser-host is given. */
  defaultMode: AutostartMode;
  /** The modes this entry point can install (the packaged app has no browser host to point a unit at). */
  modes: readonly AutostartMode[];
  /** build/linux in a checkout, <install dir>/linux in the packaged app. */
  templatesDir: string;
  /** Browser host: the checkout, its built host.js and the node to run it. */
  installDir?: string;
  hostScript?: string;
  node?: string;
  /** Electron: the running app's own executable (the AppImage, or /opt/Linli/linli). */
  electronExecutable?: string;
  isRoot: boolean;
  platform: NodeJS.Platform;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Defaults to systemctlFromEnv(env). */
  systemctl?: SystemctlRunner;
}

function readTemplates(dir: string, names: string[]): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const name of names) {
    const file = join(dir, name);
    if (!existsSync(file)) throw new AutostartError(`the unit template ${file} is missing: is this a complete Linli?`);
    templates[name] = readFileSync(file, 'utf8');
  }
  return templates;
}

/** The places the docs install Linli to: an AppImage in ~/Applications, or the deb's /opt/Linli/linli. */
function findElectron(home: string): string | null {
  for (const path of [join(home, 'Applications', 'Linli.AppImage'), '/opt/Linli/linli'])
    if (existsSync(path)) return path;
  return null;
}

/** Runs the subcommand; returns the process's exit code (0 done, 1 refused with a reason on err). */
export function runAutostartCli(ctx: AutostartContext): number {
  try {
    const flags = parseAutostartFlags(ctx.args);
    if (flags.help) {
      ctx.out(usage);
      return 0;
    }
    if (ctx.platform !== 'linux')
      throw new AutostartError(
        'install-autostart installs systemd user units, on Linux. On Windows start Linli once with --install-autostart (a login item), and use Assigned Access for a kiosk.',
      );
    const mode = flags.mode ?? ctx.defaultMode;
    if (!ctx.modes.includes(mode))
      throw new AutostartError(
        mode === 'browser-host'
          ? 'the packaged app installs only --electron; install the browser-host kiosk from its checkout: npm run install-autostart -- --browser-host'
          : 'this entry point installs only --browser-host',
      );
    const home = ctx.env.HOME || homedir();
    const configHome = ctx.env.XDG_CONFIG_HOME || undefined;
    const action = flags.uninstall ? 'uninstall' : 'install';
    let steps: AutostartStep[];
    if (mode === 'electron') {
      const executable = flags.executable ?? ctx.electronExecutable ?? findElectron(home);
      if (action === 'install' && (!executable || !existsSync(executable)))
        throw new AutostartError(
          executable
            ? `the Linli executable ${executable} does not exist`
            : 'Linli was not found in ~/Applications/Linli.AppImage or /opt/Linli/linli: give --executable PATH',
        );
      steps = planAutostart({
        mode,
        action,
        home,
        configHome,
        desktopEntry: flags.desktopEntry,
        electronExecutable: executable ?? undefined,
        templates: readTemplates(ctx.templatesDir, ['linli.service', 'linli.desktop']),
        existing: existingUnits(home, configHome, ['linli-host.service', 'linli-kiosk.service', 'linli.service']),
        isRoot: ctx.isRoot,
        system: flags.system,
      });
    } else {
      const policySource = join(ctx.templatesDir, 'chromium-policy', 'linli.json');
      if (action === 'install' && (!ctx.hostScript || !existsSync(ctx.hostScript)))
        throw new AutostartError(
          `the browser host is not built (${ctx.hostScript ?? 'dist/node/host.js'} is missing): run npm run build first`,
        );
      steps = planAutostart({
        mode,
        action,
        home,
        configHome,
        node: ctx.node,
        hostScript: ctx.hostScript,
        installDir: ctx.installDir,
        chromium: findChromium(ctx.env),
        policySource,
        policy: existsSync(policySource) ? readFileSync(policySource, 'utf8') : undefined,
        templates: readTemplates(ctx.templatesDir, ['linli-host.service', 'linli-kiosk.service']),
        existing: existingUnits(home, configHome, ['linli.service']),
        isRoot: ctx.isRoot,
        system: flags.system,
      });
    }
    const options = {
      home,
      allowOutsideHome: flags.system && ctx.isRoot,
      systemctl: ctx.systemctl ?? systemctlFromEnv(ctx.env),
      log: ctx.out,
    };
    if (flags.dryRun) {
      checkPlan(steps, options);
      ctx.out(`install-autostart ${mode} --dry-run: would do`);
      for (const step of steps) ctx.out(`  ${describeStep(step)}`);
      return 0;
    }
    runAutostartPlan(steps, options);
    ctx.out(`install-autostart ${mode}: ${action === 'install' ? 'installed' : 'uninstalled'}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AutostartError) && !(error instanceof Error && 'code' in error)) throw error;
    ctx.err(`install-autostart: ${error.message}`);
    if (error instanceof AutostartError && /unknown option|not both|needs a path|is for --/.test(error.message))
      ctx.err(usage);
    return 1;
  }
}

function existingUnits(home: string, configHome: string | undefined, names: string[]): string[] {
  const dir = join(configHome ?? join(home, '.config'), 'systemd', 'user');
  return names.map((name) => join(dir, name)).filter((path) => existsSync(path));
}
