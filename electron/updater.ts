// Thin wiring of electron-updater (generic provider: a folder the hub or any web server serves with
// latest-linux.yml / latest.yml and the packages). Every decision is in ./update-policy.ts. Like
// main.ts this loads Electron at run time (electron-updater does), so only main.ts imports it.
import electronUpdater from 'electron-updater';
import { decideDownload, decideInstall, isInRollout, localMinuteOfDay, type UpdateSettings } from './update-policy';

export interface UpdaterContext {
  terminalId: string;
  /** The store's offset from UTC: the quiet hour is the shop's night, whatever the OS zone. */
  utcOffsetMinutes: number;
  saleInProgress: boolean;
}

export interface UpdaterOptions {
  settings: UpdateSettings & { feedUrl: string };
  currentVersion: string;
  /** Asked before each decision: who this terminal is, and whether anyone is selling at it. */
  context: () => Promise<UpdaterContext>;
  log: (message: string) => void;
  checkEveryMs?: number;
  installCheckEveryMs?: number;
}

/** Starts background checks; returns a stop function. */
export function startUpdates(options: UpdaterOptions): () => void {
  const { autoUpdater } = electronUpdater;
  const log = options.log;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.logger = {
    info: (m?: unknown) => log(`updater: ${String(m)}`),
    warn: (m?: unknown) => log(`updater warning: ${String(m)}`),
    error: (m?: unknown) => log(`updater error: ${String(m)}`),
    debug: () => undefined,
  };
  autoUpdater.setFeedURL({ provider: 'generic', url: options.settings.feedUrl });

  let terminalId = '';
  // Our stable per-terminal bucket instead of electron-updater's random per-install id.
  autoUpdater.isUserWithinRollout = (info) => isInRollout(terminalId, info.stagingPercentage);

  let downloaded: string | null = null;
  let busy = false;
  const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

  const check = async () => {
    if (busy || downloaded) return;
    busy = true;
    try {
      const context = await options.context();
      terminalId = context.terminalId;
      const result = await autoUpdater.checkForUpdates();
      if (!result) return;
      const info = result.updateInfo;
      const decision = decideDownload({
        currentVersion: options.currentVersion,
        offered: { version: info.version, stagingPercentage: info.stagingPercentage },
        terminalId,
      });
      if (decision.action !== 'download') {
        log(`update ${info.version}: not now (${decision.reason})`);
        return;
      }
      log(`update ${info.version}: downloading in the background`);
      await autoUpdater.downloadUpdate();
      downloaded = info.version;
      log(`update ${info.version}: downloaded; installs at the next quiet hour`);
    } catch (err) {
      log(`update check failed: ${describe(err)}`);
    } finally {
      busy = false;
    }
  };

  const maybeInstall = async () => {
    if (!downloaded) return;
    try {
      const context = await options.context();
      const decision = decideInstall({
        currentVersion: options.currentVersion,
        downloadedVersion: downloaded,
        quietHours: options.settings.quietHours,
        minuteOfDay: localMinuteOfDay(new Date(), context.utcOffsetMinutes),
        saleInProgress: context.saleInProgress,
      });
      if (decision.action === 'install') {
        log(`update ${downloaded}: installing and restarting`);
        autoUpdater.quitAndInstall(true, true);
      }
    } catch (err) {
      log(`update install check failed: ${describe(err)}`);
    }
  };

  void check();
  const checkTimer = setInterval(() => void check(), options.checkEveryMs ?? 60 * 60_000);
  const installTimer = setInterval(() => void maybeInstall(), options.installCheckEveryMs ?? 60_000);
  return () => {
    clearInterval(checkTimer);
    clearInterval(installTimer);
  };
}
