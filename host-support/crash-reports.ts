// Crash reports kept on the machine, never sent anywhere: Node's diagnostic report (process.report,
// a JSON file with the stack, versions, memory and open handles) goes to <dataDir>/crash-reports/
// on an uncaught error or a fatal one (out of memory), and the error is logged before the process
// stops, so that the log file says what the report is about. The OS unit then restarts the host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crashReportsDirName } from '../contract';

export function crashReportsDirFor(dataDir: string): string {
  return join(dataDir, crashReportsDirName);
}

/** Where the uncaught error is written: the host's logger. */
export interface CrashLog {
  fatal(fields: Record<string, unknown>, message: string): void;
}

/**
 * The environment variables that hold secrets (the hub's admin token, a database URL with its
 * password, an SMS webhook with its key). A report lists the whole environment, and Node 20 cannot
 * leave it out (excludeEnv came with Node 22.13), so a dying process forgets these first.
 */
export function secretEnvNames(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((name) =>
    /TOKEN|SECRET|PASSWORD|PASSWD|KEY|DATABASE_URL|WEBHOOK|CREDENTIAL/i.test(name),
  );
}

export interface CrashReportOptions {
  dir: string;
  log: CrashLog;
  /** Writes out what the logger still holds (with sync writes usually nothing). */
  flush?: () => void;
  /**
   * How the process stops after an uncaught error. Absent (Node hosts): Node's own fatal path stops
   * it with exit code 1 and writes the report. Electron's main process never takes that path (its
   * own handler shows a dialog instead), so it passes app.exit: the report is written here.
   */
  exit?: (code: number) => void;
}

export function keepCrashReports(options: CrashReportOptions): void {
  mkdirSync(options.dir, { recursive: true });
  // @types/node 20 does not know excludeNetwork (Node 20.13) or excludeEnv (Node 22.13).
  // A runtime built without diagnostic reports (an embedder may leave them out) still logs the error.
  const report = process.report as
    (NodeJS.ProcessReport & { excludeNetwork?: boolean; excludeEnv?: boolean }) | undefined;
  if (report) {
    report.directory = options.dir;
    report.reportOnFatalError = true;
    report.reportOnUncaughtException = true;
    // No DNS look-ups of open sockets from a dying process; no environment where Node can leave it out.
    report.excludeNetwork = true;
    if ('excludeEnv' in report) report.excludeEnv = true;
  }

  const onUncaught = (error: unknown, origin: string) => {
    try {
      options.log.fatal({ err: error, origin }, 'uncaught error: the process stops (crash report in crash-reports/)');
      options.flush?.();
    } catch {
      // The logger itself failed: the report below still says what happened.
    }
    for (const name of secretEnvNames(process.env)) delete process.env[name];
  };
  if (options.exit) {
    const exit = options.exit;
    process.on('uncaughtException', (error, origin) => {
      onUncaught(error, origin);
      try {
        report?.writeReport(error instanceof Error ? error : new Error(String(error)));
      } catch {
        // No report (a runtime without it, a full disk): the log line above is what remains.
      }
      exit(1);
    });
  } else {
    // A monitor sees the error first and leaves it fatal: Node then writes the report and exits 1.
    process.on('uncaughtExceptionMonitor', onUncaught);
  }
}
