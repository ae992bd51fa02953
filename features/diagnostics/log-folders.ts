// Where the logs and crash reports live in a data directory. The logger (pino, rotating) writes
// `<dataDir>/logs/*.log` and the hosts write Node's crash reports to `<dataDir>/crash-reports/`;
// the names are repeated here only so that diagnostics does not wait on the logger's module
// (the two will be unified into one place).
import { join } from 'node:path';

export const logsFolderName = 'logs';
export const crashReportsFolderName = 'crash-reports';
/** Where exports go when no USB drive is chosen (created on the first export). */
export const exportsFolderName = 'exports';

export const logsFolder = (dataDir: string) => join(dataDir, logsFolderName);
export const crashReportsFolder = (dataDir: string) => join(dataDir, crashReportsFolderName);
export const exportsFolder = (dataDir: string) => join(dataDir, exportsFolderName);

/** A log file by the logger's convention: its name ends `.log` (rotated ones too: linli.2.log). */
export const isLogFile = (name: string) => name.endsWith('.log') && !name.startsWith('.');
/** A crash report: Node's process.report writes JSON files. */
export const isCrashReport = (name: string) => name.endsWith('.json') && !name.startsWith('.');
