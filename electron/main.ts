// The Electron main process: one kiosk window over the Linli core. Thin wiring only; every decision
// lives in a pure module beside this file (security, protocol-path, recovery, launch-options).
import { app, BrowserWindow, crashReporter, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron';
import type { WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { databaseFileName, openLinli, type LinliCore } from '../features/app';
import { restoreBackup, startBackupSchedule, type BackupSchedule } from '../features/backup/backup';
import { backupFolderSetting, backupSettings, restoreOption } from '../host-support/backup-options';
import { deviceTimingFromEnv } from '../host-support/device-timing';
import { appVersion, logBaseNames, type Envelope, type KioskEventName } from '../contract';
import { crashReportsDirFor, keepCrashReports } from '../host-support/crash-reports';
import { resolveDataDir, roleOption, wantsDemo } from '../host-support/data-dir';
import { createHostLogger, lineLogger, logLevelFromEnv, logsDirFor, type HostLogger } from '../host-support/logger';
import { smsOptions } from '../host-support/sms-options';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../host-support/data-dir-lock';
import { autostartArgs, runAutostartCli } from '../host-support/autostart-cli';
import { parseShellOptions } from './launch-options';
import { updateSettingsFromEnv } from './update-policy';
import { startUpdates } from './updater';
import { contentTypeFor, resolveAppPath } from './protocol-path';
import {
  decideOnRenderGone,
  decideOnUnresponsive,
  errorPageUrl,
  initialRecoveryState,
  resetAfterGiveUp,
  type RecoveryState,
} from './recovery';
import {
  appOrigin,
  appScheme,
  contentSecurityPolicy,
  isBlockedKioskShortcut,
  isPermissionAllowed,
  isTrustedSenderUrl,
  shouldBlockNavigation,
} from './security';

const invokeChannel = 'linli:invoke';
const eventChannel = 'linli:event';
const appEntryUrl = `${appOrigin}/index.html`;

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

// The process logger (JSON lines on stdout and in <dataDir>/logs/), open once the data directory
// is locked. Before that, and for `--restore`, the operator reads plain text on the console.
let logger: HostLogger | null = null;
const log = (message: string, fields: Record<string, unknown> = {}) =>
  logger ? logger.log.info(fields, message) : console.log(`linli: ${message}`);
const logError = (message: string, err: unknown) =>
  logger ? logger.log.error({ err }, message) : console.error(`linli: ${message}: ${describe(err)}`);

// Must happen before 'ready'.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const shell = parseShellOptions({ argv: process.argv, env: process.env, platform: process.platform });
// userData is known before 'ready'; the crash reporter must start before it.
const dataDir = resolveDataDir({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData') });
// Native crashes (main, renderer, GPU) as minidumps beside Node's reports; kept here, never uploaded.
app.setPath('crashDumps', crashReportsDirFor(dataDir));
crashReporter.start({ uploadToServer: false });

let mainWindow: BrowserWindow | null = null;
let core: LinliCore | null = null;
let unsubscribeCore: (() => void) | null = null;
let powerBlockerId: number | null = null;
let stopUpdates: (() => void) | null = null;
let backupSchedule: BackupSchedule | null = null;

// `linli install-autostart [--uninstall] [--dry-run] [--desktop-entry]`: a command, not the kiosk. It
// runs before the single-instance lock (a running kiosk must not swallow it) and opens no window.
// Packaged, argv is [linli, ...args]; `electron .` puts the app path in between.
const autostart = autostartArgs(process.argv.slice(app.isPackaged ? 1 : 2));
if (autostart) {
  app.exit(
    runAutostartCli({
      args: autostart,
      env: process.env,
      defaultMode: 'electron',
      modes: ['electron'],
      // extraFiles put build/linux next to the executable (/opt/Linli/linux, or inside the AppImage).
      templatesDir: app.isPackaged
        ? path.join(path.dirname(process.execPath), 'linux')
        : path.join(app.getAppPath(), 'build', 'linux'),
      // An AppImage runs from a temporary mount: the unit must start the AppImage file itself.
      electronExecutable: process.env.APPIMAGE || (app.isPackaged ? process.execPath : undefined),
      isRoot: process.getuid?.() === 0,
      platform: process.platform,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    }),
  );
} else if (!app.requestSingleInstanceLock()) {
  // Another Linli is running: it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Guards for every web contents the app ever creates, before any exists.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Closing devices and the database is asynchronous: hold the quit until it is done.
    if (!core) return;
    event.preventDefault();
    void shutdown().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      logError('could not start', err);
      logger?.flush();
      app.exit(1);
    });
}

async function start(): Promise<void> {
  if (shell.installAutostart) installAutostart();
  if (!shell.windowed) Menu.setApplicationMenu(null); // no default menu accelerators in kiosk mode

  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  restrictSession();

  // One Linli per data directory (the single-instance lock above is per userData, not per --data-dir).
  let dataDirLock: DataDirLock;
  try {
    dataDirLock = acquireDataDirLock(dataDir);
  } catch (err) {
    console.error(
      err instanceof DataDirLockedError
        ? err.message
        : `linli: could not lock the data directory ${dataDir}: ${describe(err)}`,
    );
    app.exit(1);
    return;
  }
  // 'quit' comes after will-quit has closed the core; 'exit' covers app.exit().
  app.once('quit', () => dataDirLock.release());
  process.once('exit', () => dataDirLock.release());
  const databaseFile = path.join(dataDir, databaseFileName);
  // `linli --restore FILE`: put a backup back while nothing has the database open, then quit.
  const restoreFile = restoreOption(process.argv);
  if (restoreFile) {
    const result = restoreBackup({ databaseFile, backupFile: restoreFile });
    if (result.ok)
      log(
        `restored ${restoreFile} into ${dataDir}${result.keptAside ? `; the old database is kept as ${result.keptAside}` : ''}`,
      );
    else console.error(`linli: restore refused (${result.code}): ${result.message}`);
    app.exit(result.ok ? 0 : 1);
    return;
  }
  await openLogger();
  try {
    core = openLinli({
      dataDir,
      demo: wantsDemo({ argv: process.argv, env: process.env }),
      role: roleOption(process.argv, process.env),
      sms: smsOptions(process.argv, process.env),
      host: 'electron',
      deviceTiming: deviceTimingFromEnv(process.env),
      diagnostics: {
        runtime: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null },
        backupFolder: backupFolderSetting(process.argv, process.env, dataDir),
        logsFolder: logsDirFor(dataDir, process.env),
      },
      // A manager left the kiosk (exit gesture + PIN): quit cleanly. The OS unit restarts only on
      // failure, so the desktop of the kiosk session stays until the next boot or a manual start.
      shell: {
        exit: (by) => {
          log('kiosk exit', { staff: by.name });
          setImmediate(() => app.quit());
          return true;
        },
      },
      ...(logger ? { log: logger.log } : {}),
    });
  } catch (err) {
    // Typically a damaged data directory or better-sqlite3 not rebuilt for Electron's ABI.
    logError('could not open the data directory', err);
  }

  ipcMain.handle(invokeChannel, async (event, method: unknown, input: unknown): Promise<Envelope> => {
    if (!isTrustedSenderUrl(event.senderFrame?.url) || event.sender !== mainWindow?.webContents) {
      return { ok: false, error: { code: 'FORBIDDEN' } };
    }
    if (!core) return { ok: false, error: { code: 'INTERNAL' } };
    try {
      return await core.dispatch(method, input);
    } catch (err) {
      logError('dispatch failed', err);
      return { ok: false, error: { code: 'INTERNAL' } };
    }
  });

  mainWindow = createWindow();
  if (core) {
    unsubscribeCore = core.subscribe((name: KioskEventName, payload: unknown) => {
      const contents = mainWindow?.webContents;
      if (!contents || contents.isDestroyed() || !isTrustedSenderUrl(contents.getURL())) return;
      contents.send(eventChannel, name, payload);
    });
    void mainWindow.loadURL(appEntryUrl);
  } else {
    void mainWindow.loadURL(errorPageUrl('data directory could not be opened'));
  }

  powerBlockerId = powerSaveBlocker.start('prevent-display-sleep');
  startUpdatesIfConfigured();
  if (core) {
    try {
      const backups = backupSettings(process.argv, process.env, dataDir);
      if (backups.everyMs > 0)
        backupSchedule = startBackupSchedule({ databaseFile, ...backups, log: lineLog('backup') });
    } catch (err) {
      logError('backups are off', err);
    }
  }
}

/**
 * Background updates from LINLI_UPDATE_URL (packaged builds only). The till's basket lives in the
 * renderer, so "a sale may be in progress" is the core's `busy()`: a staff member is logged in, a
 * customer is at the self-service screens, or receipts are still printing. Log out at closing time
 * and the update installs in the quiet hour.
 */
function startUpdatesIfConfigured(): void {
  const settings = updateSettingsFromEnv(process.env);
  const feedUrl = settings.feedUrl;
  if (!app.isPackaged || !feedUrl || !core) return;
  const linli = core;
  stopUpdates = startUpdates({
    settings: { ...settings, feedUrl },
    currentVersion: app.getVersion(),
    log: lineLog('updates'),
    context: async () => {
      const session = await linli.methods.getSession();
      return {
        terminalId: session.terminalId,
        utcOffsetMinutes: session.utcOffsetMinutes,
        saleInProgress: linli.busy(),
      };
    },
  });
}

function createWindow(): BrowserWindow {
  const preloadPath = path.join(app.getAppPath(), 'dist', 'preload', 'preload.cjs');
  const win = new BrowserWindow({
    show: false,
    kiosk: !shell.windowed,
    fullscreen: !shell.windowed,
    width: 1280,
    height: 800,
    autoHideMenuBar: true,
    backgroundColor: '#1d2430',
    title: 'Linli',
    // Literal options, so Electronegativity can read them (test/ops-electronegativity.test.ts);
    // electron/security.test.ts checks this literal against the checklist.
    webPreferences: {
      // PRELOAD_JS_CHECK asks for a review of the preload: electron/preload.ts exposes only invoke and
      // subscribe through contextBridge, and electron/layering.test.ts keeps it that small.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      // Developer tools only for a windowed, unpackaged development run.
      devTools: shell.windowed && !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  const contents = win.webContents;

  if (!shell.windowed) {
    contents.on('before-input-event', (event, input) => {
      if (isBlockedKioskShortcut(input)) event.preventDefault();
    });
  }

  let recovery: RecoveryState = initialRecoveryState;
  let reloadTimer: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;
  const clearTimers = () => {
    clearTimeout(reloadTimer);
    clearTimeout(hangTimer);
  };
  const loadApp = () => {
    if (!win.isDestroyed())
      void win.loadURL(appEntryUrl).catch((err: unknown) => log(`reload failed: ${describe(err)}`));
  };

  contents.on('render-process-gone', (_event, details) => {
    clearTimers();
    if (win.isDestroyed()) return;
    const result = decideOnRenderGone(recovery, details.reason, Date.now());
    recovery = result.state;
    const decision = result.decision;
    if (decision.action === 'reload') {
      log(`renderer gone (${details.reason}); reload ${decision.attempt} in ${decision.delayMs} ms`);
      reloadTimer = setTimeout(loadApp, decision.delayMs);
    } else if (decision.action === 'give-up') {
      log(`renderer gone (${details.reason}); giving up (${decision.reason}), retry in ${decision.retryAfterMs} ms`);
      void win.loadURL(errorPageUrl(`renderer ${details.reason}`)).catch(() => undefined);
      reloadTimer = setTimeout(() => {
        recovery = resetAfterGiveUp();
        loadApp();
      }, decision.retryAfterMs);
    }
  });
  contents.on('unresponsive', () => {
    const decision = decideOnUnresponsive();
    log(`renderer unresponsive; killing it in ${decision.killAfterMs} ms unless it recovers`);
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer(); // -> render-process-gone 'killed'
    }, decision.killAfterMs);
  });
  contents.on('responsive', () => clearTimeout(hangTimer));
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED (a newer navigation replaced this one).
    if (!isMainFrame || errorCode === -3 || !isTrustedSenderUrl(validatedURL)) return;
    log(`could not load ${validatedURL}: ${errorDescription}`);
    void win.loadURL(errorPageUrl(`load failed: ${errorDescription}`)).catch(() => undefined);
  });
  win.on('closed', () => {
    clearTimers();
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

/** Serves dist/renderer as app://linli/ with the CSP header; nothing outside that directory. */
function serveRenderer(rendererDir: string): void {
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(request.url, rendererDir);
    if (!file) return plain(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}

/** Permissions, and no network from the renderer at all (the core talks to the hub, not the UI). */
function restrictSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, mediaTypes }));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({
      permission,
      requestingUrl: requestingOrigin,
      mediaTypes: details.mediaType === 'audio' ? ['audio'] : undefined,
    }),
  );
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (shouldBlockNavigation(event.url)) {
      event.preventDefault();
      log(`blocked navigation to ${event.url}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function installAutostart(): void {
  if (shell.loginItemSupported) {
    app.setLoginItemSettings({ openAtLogin: true });
    log('Linli will start at login.');
  } else {
    log('On Linux, install autostart from build/linux (systemd user unit or XDG autostart entry).');
  }
}

async function shutdown(): Promise<void> {
  stopUpdates?.();
  stopUpdates = null;
  backupSchedule?.stop();
  backupSchedule = null;
  if (powerBlockerId !== null && powerSaveBlocker.isStarted(powerBlockerId)) powerSaveBlocker.stop(powerBlockerId);
  powerBlockerId = null;
  unsubscribeCore?.();
  unsubscribeCore = null;
  const closing = core;
  core = null;
  await closing?.close().catch((err: unknown) => logError('closing the core failed', err));
  log('stopped');
  await logger?.close();
}

/** One line of text at a time (backups, updates), as entries of that component. */
const lineLog = (component: string) => (logger ? lineLogger(logger.log, component) : log);

/**
 * The logger over the locked data directory, and Node's crash reports beside the native dumps.
 * Electron's own handler of an uncaught error would show a dialog on the kiosk and keep running:
 * ours logs it, writes the report and exits 1, and the OS unit starts Linli again.
 */
async function openLogger(): Promise<void> {
  let level;
  try {
    level = logLevelFromEnv(process.env);
  } catch (err) {
    console.error(`linli: ${describe(err)}; logging at info`);
    level = 'info' as const;
  }
  try {
    logger = await createHostLogger({ logsDir: logsDirFor(dataDir, process.env), baseName: logBaseNames.kiosk, level });
  } catch (err) {
    logger = await createHostLogger({ logsDir: null, baseName: logBaseNames.kiosk, level });
    logger.log.warn({ err }, 'could not open the log folder; logging to stdout only');
  }
  const opened = logger;
  try {
    keepCrashReports({
      dir: crashReportsDirFor(dataDir),
      log: opened.log,
      flush: opened.flush,
      exit: (code) => app.exit(code),
    });
  } catch (err) {
    opened.log.warn({ err }, 'crash reports are off: could not make the crash-reports folder');
  }
  opened.log.info({ version: appVersion, electron: process.versions.electron, dataDir }, 'Electron shell starting');
}
