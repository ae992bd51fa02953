import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { databaseFileName, openLinli } from '../features/app';
import { restoreBackup, startBackupSchedule } from '../features/backup/backup';
import { backupSettings, restoreOption } from '../host-support/backup-options';
import { deviceTimingFromEnv } from '../host-support/device-timing';
import { defaultDataDir, portOption, resolveDataDir, roleOption, wantsDemo } from '../host-support/data-dir';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../host-support/data-dir-lock';
import { findChromium } from '../host-support/find-chromium';
import { extraChromiumFlags, kioskExitAction } from '../host-support/kiosk-exit-action';
import { launchFileOption, launchPageHtml, removeLaunchFile, writeLaunchFile } from '../host-support/launch-file';
import { smsOptions } from '../host-support/sms-options';
import { startBrowserHost } from './server';

// `node dist/node/host.js [--data-dir DIR] [--port N] [--no-demo] [--open] [--launch-file FILE]`
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = process.env;
  const staticDir = env.LINLI_STATIC_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`Linli: the renderer is not built (${staticDir} has no index.html). Run \`npm run build\` first.`);
    process.exit(1);
  }
  const dataDir = resolveDataDir({ argv, env, defaultDir: defaultDataDir(env) });
  let port: number;
  let launchFile: string | null;
  try {
    port = portOption(argv, env, 5174);
    launchFile = launchFileOption(argv, env);
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

  // The kiosk Chromium this host opened (`--open`), which a manager's kiosk exit closes.
  let kioskChromium: ChildProcess | null = null;
  const exitKiosk = (by: { name: string }): boolean => {
    const action = kioskExitAction({ openedChromium: kioskChromium !== null, env });
    console.log(`Linli: kiosk exit by ${by.name} (${action.kind}).`);
    if (action.kind === 'close-chromium') kioskChromium?.kill('SIGTERM');
    else if (action.kind === 'stop-unit')
      execFile(action.command, action.args, (error) => {
        if (error) console.error(`Linli: could not stop the kiosk window: ${error.message}`);
      });
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
      diagnostics: { backupFolder: backups.folder },
    });
  } catch (error) {
    lock.release();
    console.error(`Linli: ${(error as Error).message}`);
    process.exit(2);
  }
  let host;
  try {
    host = await startBrowserHost({ core, port, staticDir });
  } catch (error) {
    await core.close();
    lock.release();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Linli: port ${port} is in use. Is Linli already running? Use --port N for another port.`
        : `Linli: could not start the browser host: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  // With a launch file (the kiosk unit) the token goes only into that file, never to stdout/journald.
  if (launchFile) {
    try {
      writeLaunchFile(launchFile, launchPageHtml(host.origin, host.token));
    } catch (error) {
      console.error(`Linli: could not write the launch file ${launchFile}: ${(error as Error).message}`);
      await host.close();
      await core.close();
      lock.release();
      process.exit(1);
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
          log: (message) => console.log(`Linli: ${message}`),
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
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

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
      child.on('error', () => console.log('Linli: could not open Chromium; open the URL above in a browser.'));
      child.on('exit', () => {
        if (kioskChromium === child) kioskChromium = null;
      });
    } else {
      console.log('Linli: open the URL above in Chromium (for a kiosk: chromium --kiosk --app=URL).');
    }
  }
}

void main();
