// Where diagnostics finds the logs and crash reports in a data directory, and where its exports go.
// The names and the file conventions are the writers' (contract/log-files.ts): one place for both.
import { join } from 'node:path';
import { crashReportsDirName, logsDirName } from '../../contract';

export { isCrashReport, isLogFile } from '../../contract';
export { crashReportsDirName as crashReportsFolderName, logsDirName as logsFolderName };

/** Where exports go when no USB drive is chosen (created on the first export). */
export const exportsFolderName = 'exports';

export const logsFolder = (dataDir: string) => join(dataDir, logsDirName);
export const crashReportsFolder = (dataDir: string) => join(dataDir, crashReportsDirName);
export const exportsFolder = (dataDir: string) => join(dataDir, exportsFolderName);
