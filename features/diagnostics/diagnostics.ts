// The manager's diagnostics: everything the terminal knows about its own health on one screen, and
// one zip of it with the logs and crash reports for support. Every part reuses what its own screen
// already reads: the device registry, the sync status, the backup folder and disk rules.
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { zipSync } from 'fflate';
import { LinliError, appVersion, type Diagnostics, type DiagnosticsTarget } from '../../contract';
import { latestSchemaVersion } from '../../db/migrate';
import { diskState } from '../../domain/backup-policy';
import { listBackups, readDiskSpace } from '../backup/backup';
import type { SomeHandlers } from '../handler';
import type { Ports } from '../ports';
import {
  crashReportSummary,
  listMountRoots,
  readCrashReports,
  readLogFiles,
  readLogTails,
  writeExport,
} from './diagnostics-files';
import { defaultMountRoots, exportTargets } from './export-targets';
import { newestErrors } from './last-errors';
import { exportsFolder } from './log-folders';
import { diagnosticsZipEntries, exportFileName } from './zip-contents';

/** The kiosk user's drive folders under /media and /run/media (tests give their own roots). */
export function systemMountRoots(): string[] {
  try {
    return defaultMountRoots(userInfo().username);
  } catch {
    return []; // a user without a passwd entry (some containers): no drives to look for
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function lastBackup(folder: string): Diagnostics['backups']['last'] {
  const newest = listBackups(folder)[0];
  if (!newest) return null;
  const stat = statSync(newest);
  return { file: newest, at: stat.mtime.toISOString(), sizeBytes: stat.size };
}

export async function collectDiagnostics(ports: Ports): Promise<Diagnostics> {
  const { dataDir } = ports.config;
  const settings = ports.diagnostics;
  await ports.devices.ready;
  const storeId = ports.config.storeId();
  const space = readDiskSpace(dataDir);
  return {
    generatedAt: ports.clock.now().toISOString(),
    versions: {
      app: appVersion,
      node: process.versions.node,
      electron: settings.runtime.electron,
      chrome: settings.runtime.chrome,
      schema: latestSchemaVersion,
      host: ports.config.host,
    },
    terminal: {
      terminalId: ports.config.terminalId,
      storeId,
      storeName: storeId ? (ports.store.stores.get(storeId)?.name ?? null) : null,
      role: ports.role.current(),
    },
    devices: ports.devices.registry.statuses(),
    // The status the sync screen shows: it never holds the hub credential.
    sync: ports.sync.status(),
    disk: { path: dataDir, ...space, state: diskState(space, sizeOf(settings.databaseFile)) },
    backups: { folder: settings.backupFolder, last: lastBackup(settings.backupFolder) },
    lastErrors: newestErrors(readLogTails(settings.logsFolder)),
    crashReports: crashReportSummary(dataDir),
  };
}

function targetsOf(ports: Ports): DiagnosticsTarget[] {
  return exportTargets(exportsFolder(ports.config.dataDir), listMountRoots(ports.diagnostics.mountRoots));
}

export const diagnosticsHandlers = {
  diagnostics: (_input, { ports }) => collectDiagnostics(ports),
  diagnosticsTargets: (_input, { ports }) => targetsOf(ports),
  async exportDiagnostics(input, { ports }) {
    // Listed again now: the drive the screen showed may have been pulled out since.
    const target = targetsOf(ports).find((t) => t.id === input.targetId);
    if (!target) throw new LinliError('DIAGNOSTICS_TARGET_GONE', {}, 'targetId');
    const diagnostics = await collectDiagnostics(ports);
    const entries = diagnosticsZipEntries({
      diagnostics,
      logs: readLogFiles(ports.diagnostics.logsFolder),
      crashReports: readCrashReports(ports.config.dataDir),
    });
    const at = ports.clock.now();
    const data = zipSync(entries, { level: 6, mtime: at });
    const path = writeExport(target, exportFileName(ports.config.terminalId, at), data);
    return { path, sizeBytes: data.byteLength, entries: Object.keys(entries).length };
  },
} satisfies SomeHandlers;
