// Where the hosts keep their logs and crash reports, and how those files are named: the one
// convention the writers (host-support/logger.ts, host-support/crash-reports.ts) and the readers
// (the diagnostics screen, the log export) share. No I/O.
//
//   <dataDir>/logs/<base>.<yyyy-MM-dd>.<n>.log   pino JSON lines: `level` (number), `time` (ms epoch), `msg`
//   <dataDir>/crash-reports/report.<...>.json    Node's diagnostic reports (process.report)

/** The folder inside the data directory that holds the log files. */
export const logsDirName = 'logs';
/** The folder inside the data directory that holds the crash reports. */
export const crashReportsDirName = 'crash-reports';

/** The base name of each process's log files: the kiosk hosts (Electron, browser host) and the hub. */
export const logBaseNames = { kiosk: 'linli', hub: 'hub' } as const;
export type LogBaseName = (typeof logBaseNames)[keyof typeof logBaseNames];

export const logFileExtension = '.log';
/** The date part of a log file's name (a date-fns pattern, as pino-roll takes it). */
export const logFileDateFormat = 'yyyy-MM-dd';

const baseNames: readonly string[] = Object.values(logBaseNames);

/** A log file of ours: `<base>.` … `.log`, for one base name or any of them. */
export function isLogFile(name: string, base?: LogBaseName): boolean {
  if (!name.endsWith(logFileExtension)) return false;
  return (base ? [base] : baseNames).some((b) => name.startsWith(`${b}.`));
}

export interface LogFileName {
  name: string;
  base: LogBaseName;
  /** yyyy-MM-dd, the day the file was started. */
  date: string;
  /** Counts up within a day each time the file reached its size limit. */
  number: number;
}

const logFileName = /^([a-z]+)\.(\d{4}-\d{2}-\d{2})\.(\d+)\.log$/;

export function parseLogFileName(name: string): LogFileName | null {
  const match = logFileName.exec(name);
  if (!match || !baseNames.includes(match[1]!)) return null;
  return { name, base: match[1] as LogBaseName, date: match[2]!, number: Number(match[3]) };
}

/** One base's log files in a folder listing, oldest first (by day, then by number within the day). */
export function logFilesOldestFirst(names: readonly string[], base: LogBaseName): LogFileName[] {
  return names
    .map(parseLogFileName)
    .filter((f): f is LogFileName => f !== null && f.base === base)
    .sort((a, b) => (a.date === b.date ? a.number - b.number : a.date < b.date ? -1 : 1));
}

/**
 * What rotation deletes so that the newest `keep` files of `base` stay. The file being written
 * (`current`) always stays, even when a clock set back makes it look older than the others.
 */
export function logFilesToDelete(
  names: readonly string[],
  base: LogBaseName,
  keep: number,
  current: string | null = null,
): string[] {
  const files = logFilesOldestFirst(names, base).filter((f) => f.name !== current);
  const room = Math.max(0, keep - (current ? 1 : 0));
  return files.slice(0, Math.max(0, files.length - room)).map((f) => f.name);
}

/** A diagnostic report Node wrote (process.report): `report.<date>.<time>.<pid>.<thread>.<seq>.json`. */
export function isCrashReport(name: string): boolean {
  return name.startsWith('report.') && name.endsWith('.json');
}

/** pino's numeric levels, for a reader that shows them to a person. */
export const logLevelNames: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
