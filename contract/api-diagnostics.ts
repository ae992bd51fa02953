// The manager's diagnostics screen: what a shop's IT person reads out on the phone with support
// (versions, devices, sync, disk, backups, the last logged errors) and one zip of it all with the
// logs and crash reports, written to the data dir's exports/ folder or a USB drive. Never the
// database, never a credential or PIN.
import { z } from 'zod';
import { methodsOf } from './method';
import { noInput, text } from './schema-kit';
import type { DeviceStatus } from './device-types';
import type { SyncStatus } from './api-sync';
import type { TerminalRole } from './self-service-types';

const m = methodsOf('diagnostics');

export type DiagnosticsDiskState = 'ok' | 'low' | 'critical';
export type DiagnosticsLevel = 'warn' | 'error' | 'fatal';

export interface DiagnosticsVersions {
  app: string;
  node: string;
  /** Set by the Electron host; null in the browser host (the screen shows the browser's own). */
  electron: string | null;
  chrome: string | null;
  schema: number;
  host: 'electron' | 'browser';
}

export interface DiagnosticsLogEntry {
  /** ISO instant. */
  time: string;
  level: DiagnosticsLevel;
  msg: string;
  /** The log file it came from (its name in the logs folder). */
  file: string;
}

export interface Diagnostics {
  generatedAt: string;
  versions: DiagnosticsVersions;
  terminal: { terminalId: string; storeId: string | null; storeName: string | null; role: TerminalRole };
  devices: DeviceStatus[];
  sync: SyncStatus;
  /** The file system holding the data directory. */
  disk: { path: string; freeBytes: number; totalBytes: number; state: DiagnosticsDiskState };
  backups: { folder: string; last: { file: string; at: string; sizeBytes: number } | null };
  /** The newest warnings, errors and fatals from the log files, newest first (at most 20). */
  lastErrors: DiagnosticsLogEntry[];
  crashReports: { count: number; newestAt: string | null };
}

/** Where an export may go: the data dir's exports/ folder, or a drive mounted under /media or /run/media. */
export interface DiagnosticsTarget {
  /** 'exports', or 'usb:' and the drive's mount path. */
  id: string;
  kind: 'exports' | 'removable';
  /** The drive's name (its mount folder), or 'exports'. */
  label: string;
  path: string;
}

export interface DiagnosticsExport {
  path: string;
  sizeBytes: number;
  /** How many files the zip holds (diagnostics.json included). */
  entries: number;
}

export const diagnosticsMethods = {
  diagnostics: m.manager(noInput).returns<Diagnostics>(),
  /** The exports folder first, then every removable drive found now. */
  diagnosticsTargets: m.manager(noInput).returns<DiagnosticsTarget[]>(),
  /** Writes one zip to a target listed by diagnosticsTargets (listed again now: a pulled drive is refused). */
  exportDiagnostics: m
    .manager(z.object({ targetId: text('DIAGNOSTICS_TARGET_GONE', { max: 4096, required: true }) }))
    .returns<DiagnosticsExport>(),
};
