// What goes into a diagnostics export, and under which names: diagnostics.json at the top, the log
// files under logs/, the crash reports under crash-reports/. Never the database: only files the
// caller hands in are packed, and the caller hands in only the logs and crash folders. A Node crash
// report holds the process's environment and command line, where an SMS webhook's token or a
// hub address with a credential may sit: those are removed before the report leaves the terminal.
// Pure: the caller reads the files and writes the zip.
import type { Diagnostics } from '../../contract';
import { crashReportsFolderName, logsFolderName } from './log-folders';

const redacted = '<redacted>';

/** linli-diagnostics-<terminal>-<UTC stamp>.zip; the stamp sorts in time order. */
export function exportFileName(terminalId: string, at: Date): string {
  const terminal = /^[A-Za-z0-9_-]+$/.test(terminalId) ? terminalId : 'terminal';
  return `linli-diagnostics-${terminal}-${at.toISOString().replace(/[-:.]/g, '')}.zip`;
}

/** A command line with every value blanked: flag names stay (they say how it was started), values go. */
function scrubCommandLine(args: unknown): unknown {
  if (!Array.isArray(args)) return args;
  return args.map((arg: unknown, i) => {
    if (typeof arg !== 'string' || i < 2) return arg; // the executable and the script
    if (!arg.startsWith('-')) return redacted;
    const eq = arg.indexOf('=');
    return eq < 0 ? arg : `${arg.slice(0, eq + 1)}${redacted}`;
  });
}

/** The crash report without its environment and command-line values; null when it is not a report. */
export function scrubCrashReport(text: string): string | null {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return null;
  const { environmentVariables: _env, ...rest } = report as Record<string, unknown>;
  const header = rest.header as Record<string, unknown> | undefined;
  if (header && typeof header === 'object') {
    rest.header = { ...header, commandLine: scrubCommandLine(header.commandLine) };
  }
  return JSON.stringify(rest, null, 2);
}

export interface ZipInput {
  diagnostics: Diagnostics;
  logs: readonly { name: string; data: Uint8Array }[];
  crashReports: readonly { name: string; text: string }[];
}

/** The zip's entries by path. A crash report that is not JSON is left out (it could hold anything). */
export function diagnosticsZipEntries(input: ZipInput): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {
    'diagnostics.json': encoder.encode(JSON.stringify(input.diagnostics, null, 2)),
  };
  for (const log of input.logs) entries[`${logsFolderName}/${log.name}`] = log.data;
  for (const report of input.crashReports) {
    const scrubbed = scrubCrashReport(report.text);
    if (scrubbed !== null) entries[`${crashReportsFolderName}/${report.name}`] = encoder.encode(scrubbed);
  }
  return entries;
}
