import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appVersion, logBaseNames } from '../contract';
import { databaseFileName, openLinli } from '../features/app';
import { restoreBackup, startBackupSchedule } from '../features/backup/backup';
import { backupSettings, restoreOption } from '../host-support/backup-options';
import { crashReportsDirFor, keepCrashReports } from '../host-support/crash-reports';
import { deviceTimingFromEnv } from '../host-support/device-timing';
import { defaultDataDir, portOption, resolveDataDir, roleOption, wantsDemo } from '../host-support/data-dir';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../host-support/data-dir-lock';
import { autostartArgs, runAutostartCli } from '../host-support/autostart-cli';
import { findChromium } from '../host-support/find-chromium';
import { extraChromiumFlags, kioskExitAction } from '../host-support/kiosk-exit-action';
import { launchFileOption, launchPageHtml, removeLaunchFile, writeLaunchFile } from '../host-support/launch-file';
import { createHostLogger, lineLogger, logLevelFromEnv, logsDirFor, type HostLogger } from '../host-support/logger';
import { smsOptions } from '../host-support/sms-options';
import { startBrowserHost } from './server';

// `node dist/node/host.js [--data-dir DIR] [--port N] [--no-demo] [--open] [--launch-file FILE]`
// `node dist/node/host.js install-autostart [--uninstall] [--dry-run] [--system]`: the kiosk's units.
//
// Until the data directory is locked, a refusal to start is plain text on stderr for the operator
// who typed the command (and for journald); from then on everything goes through the logger: JSON
// lines on stdout and in <dataDir>/logs/. The three `Linli ...:` lines below stay plain text on
// stdout: supervisors and tests read them.
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = process.env;
  const autostart = autostartArgs(argv);
  if (autostart) {
    // This file is dist/node/host.js in a checkout: the units point at it, the templates are in build/linux.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    process.exit(
      runAutostartCli({
        args: autostart,
        env,
        defaultMode: 'browser-host',
        modes: ['electron', 'browser-host'],
        templatesDir: join(root, 'build', 'linux'),
        installDir: root.replace(/\/+$/, ''),
        hostScript: fileURLToPath(import.meta.url),
        node: process.execPath,
        isRoot: process.getuid?.() === 0,
        platform: process.platform,
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      }),
    );
  }
  const staticDir = env.LINLI_STATIC_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`Linli: the renderer is not built (${staticDir} has no index.html). Run \`npm run build\` first.`);
    process.exit(1);
  }
  const dataDir = resolveDataDir({ argv, env, defaultDir: defaultDataDir(env) });
  let port: number;
  let launchFile: string | null;
  let level;
  try {
    port = portOption(argv, env, 5174);
    launchFile = launchFileOption(argv, env);
    level = logLevelFromEnv(env);
  } catch (error) {
    console.error(`Linli: ${(error as Error).message}`);
    process.exit(2);
  }

  // Before the core opens: a second Linli on the same data directory must not touch the database.
  let lock: DataDirLock;
  try {
    lock = acquireDataDirLock(dataDir);
  } catch (error) {
    console.error(
      error instanceof DataDirLockedError
        ? error.message
        : `Linli: could not lock the data directory ${dataDir}: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  // Every way out (including process.exit on the paths below) leaves the directory free.
  process.once('exit', () => lock.release());

  // `--restore FILE`: put a backup back while nothing has the database open, then exit.
  const restoreFile = restoreOption(argv);
  if (restoreFile) {
    const result = restoreBackup({
      databaseFile: join(dataDir, databaseFileName),
      backupFile: restoreFile,
    });
    if (!result.ok) {
      console.error(`Linli: restore refused (${result.code}): ${result.message}`);
      process.exit(1);
    }
    console.log(`Linli: restored ${restoreFile} into ${dataDir}.`);
    if (result.keptAside) console.log(`Linli: the database it replaced is kept as ${result.keptAside}.`);
    process.exit(0);
  }
  let backups;
  try {
    backups = backupSettings(argv, env, dataDir);
  } catch (error) {
    console.error(`Linli: ${(error as Error).message}`);
    process.exit(2);
  }

  // The data directory is ours: from here on, the logger (one writer per folder, like the database).
  let logger: HostLogger;
  try {
    logger = await createHostLogger({ logsDir: logsDirFor(dataDir, env), baseName: logBaseNames.kiosk, level });
  } catch (error) {
    // Logs that cannot be written must not keep the till from starting: stdout (journald) only.
    logger = await createHostLogger({ logsDir: null, baseName: logBaseNames.kiosk, level });
    logger.log.warn({ err: error }, 'could not open the log folder; logging to stdout only');
  }
  const log = logger.log;
  // Typed so that the compiler knows nothing runs after it.
  const exitWith: (code: number) => never = (code) => {
    logger.flush();
    process.exit(code);
  };
  try {
    keepCrashReports({ dir: crashReportsDirFor(dataDir), log, flush: logger.flush });
  } catch (error) {
    log.warn({ err: error }, 'crash reports are off: could not make the crash-reports folder');
  }
  log.info({ version: appVersion, dataDir }, 'browser host starting');

  // The kiosk Chromium this host opened (`--open`), which a manager's kiosk exit closes.
  let kioskChromium: ChildProcess | null = null;
  // A failed `systemctl stop` rejects: the manager sees KIOSK_EXIT_FAILED in the dialog (the core logs it).
  const exitKiosk = async (by: { name: string }): Promise<boolean> => {
    const action = kioskExitAction({ openedChromium: kioskChromium !== null, env });
    log.info({ staff: by.name, action: action.kind }, 'kiosk exit');
    if (action.kind === 'close-chromium') kioskChromium?.kill('SIGTERM');
    else if (action.kind === 'stop-unit')
      await new Promise<void>((resolve, reject) =>
        execFile(action.command, action.args, (error, _stdout, stderr) =>
          error
            ? reject(new Error(`${action.command} ${action.args.join(' ')}: ${stderr.trim() || error.message}`))
            : resolve(),
        ),
      );
    return action.kind !== 'none';
  };

  let core;
  try {
    core = openLinli({
      dataDir,
      demo: wantsDemo({ argv, env }),
      role: roleOption(argv, env),
      sms: smsOptions(argv, env),
      host: 'browser',
      deviceTiming: deviceTimingFromEnv(env),
      shell: { exit: exitKiosk },
      log,
      diagnostics: { backupFolder: backups.folder, logsFolder: logsDirFor(dataDir, env) },
    });
  } catch (error) {
    lock.release();
    log.fatal({ err: error }, `could not open the data directory: ${(error as Error).message}`);
    exitWith(2);
  }
  let host;
  try {
    host = await startBrowserHost({
      core,
      port,
      staticDir,
      onError: (error) => log.error({ err: error }, 'request failed'),
    });
  } catch (error) {
    await core.close();
    lock.release();
    const code = (error as NodeJS.ErrnoException).code;
    log.fatal(
      { err: error },
      code === 'EADDRINUSE'
        ? `port ${port} is in use. Is Linli already running? Use --port N for another port.`
        : `could not start the browser host: ${(error as Error).message}`,
    );
    exitWith(1);
  }
  // With a launch file (the kiosk unit) the token goes only into that file, never to stdout/journald.
  if (launchFile) {
    try {
      writeLaunchFile(launchFile, launchPageHtml(host.origin, host.token));
    } catch (error) {
      log.fatal({ err: error, launchFile }, 'could not write the launch file');
      await host.close();
      await core.close();
      lock.release();
      exitWith(1);
    }
  }
  // Handlers before the URL is printed: whoever reads it (a supervisor, a test) may stop us at once,
  // and must get a clean shutdown that closes the database and frees the data directory.
  const schedule =
    backups.everyMs > 0
      ? startBackupSchedule({
          databaseFile: join(dataDir, databaseFileName),
          folder: backups.folder,
          keep: backups.keep,
          everyMs: backups.everyMs,
          log: lineLogger(log, 'backup'),
        })
      : null;
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    if (launchFile) removeLaunchFile(launchFile);
    schedule?.stop();
    await host.close();
    await core.close();
    lock.release();
    log.info('browser host stopped');
    await logger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  // The origin only: the token in host.url never goes into a log file.
  log.info({ dataDir, origin: host.origin, launchFile }, 'browser host started');
  console.log(`Linli data: ${dataDir}`);
  console.log(`Linli browser host: ${launchFile ? host.origin : host.url}`);
  if (launchFile) console.log(`Linli launch file: ${launchFile}`);
  const openUrl = launchFile ? pathToFileURL(launchFile).href : host.url;

  if (argv.includes('--open')) {
    const chromium = findChromium(env);
    if (chromium && (env.DISPLAY || env.WAYLAND_DISPLAY)) {
      const profile = join(dataDir, 'chromium-profile');
      const child = spawn(
        chromium,
        [
          `--user-data-dir=${profile}`,
          '--kiosk',
          `--app=${openUrl}`,
          '--no-first-run',
          '--disable-background-networking',
          ...extraChromiumFlags(env),
        ],
        {
          stdio: 'ignore',
          detached: false,
        },
      );
      kioskChromium = child;
      child.on('error', (error) =>
        log.warn({ err: error, chromium }, 'could not open Chromium; open the URL above in a browser'),
      );
      child.on('exit', () => {
        if (kioskChromium === child) kioskChromium = null;
      });
    } else {
      // Guidance for the person who typed the command, like the URL lines above: plain text.
      console.log('Linli: open the URL above in Chromium (for a kiosk: chromium --kiosk --app=URL).');
    }
  }
}

void main();
