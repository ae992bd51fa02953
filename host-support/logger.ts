// The process logger of a host (the browser host, Electron's main process, the hub): pino JSON
// lines to stdout, which journald (or a container) keeps, and to rotating files in <dataDir>/logs/
// that stay on the machine for the diagnostics screen and the log export (contract/log-files.ts).
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import pino, { type LevelWithSilent, type Logger, type StreamEntry } from 'pino';
import pinoRoll, { type RollStream } from 'pino-roll';
import { logFileDateFormat, logFileExtension, logFilesToDelete, logsDirName, type LogBaseName } from '../contract';

export type { Logger } from 'pino';

export interface LogRotation {
  /** A file that reached this many bytes is closed and the next one started. */
  sizeBytes: number;
  /** A new file each day (at local midnight), or every so many milliseconds (tests). */
  frequency: 'daily' | number;
  /** How many files stay, the one being written included; older ones are deleted. */
  keep: number;
}

export const defaultLogRotation: LogRotation = { sizeBytes: 10 * 1024 * 1024, frequency: 'daily', keep: 7 };

export interface HostLoggerOptions {
  /** The folder for the files (see logsDirFor); null: stdout only. */
  logsDir: string | null;
  baseName: LogBaseName;
  level?: LevelWithSilent;
  /** Also to stdout (default true; tests turn it off). */
  stdout?: boolean;
  rotation?: Partial<LogRotation>;
}

export interface HostLogger {
  log: Logger;
  /** The file being written now; null with stdout only. */
  currentFile(): string | null;
  /** Writes out anything still buffered: before process.exit. */
  flush(): void;
  /** Flushes, closes the file and deletes what rotation no longer keeps: for a clean exit. */
  close(): Promise<void>;
}

/** `LINLI_LOG_DIR` (the folder itself) wins over `<dataDir>/logs`. */
export function logsDirFor(dataDir: string, env: NodeJS.ProcessEnv): string {
  return env.LINLI_LOG_DIR?.trim() || join(dataDir, logsDirName);
}

const levels: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** `LINLI_LOG_LEVEL` (default info); anything else is an operator's typo, said so at start. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LevelWithSilent {
  const raw = env.LINLI_LOG_LEVEL?.trim().toLowerCase() ?? '';
  if (raw === '') return 'info';
  if ((levels as readonly string[]).includes(raw)) return raw as LevelWithSilent;
  throw new Error(`LINLI_LOG_LEVEL must be one of ${levels.join(', ')}, not ${env.LINLI_LOG_LEVEL}`);
}

// Any field with one of these names, at the top or up to two objects down, is written as [Redacted].
const secretKeys = ['token', 'pin', 'password', 'authorization', 'adminToken', 'credential', 'secret', 'cookie'];
export const redactedPaths = secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * Secrets inside text (a message, an error's message or stack): the browser host's `?token=` or
 * `#token=` and an HTTP `Bearer` credential. Applied to the finished JSON line; the characters
 * replaced never include a quote or a backslash, so the line stays valid JSON.
 */
export function scrubSecrets(line: string): string {
  return line
    .replace(/([?&#]token=)[\w.~+/=%-]+/gi, '$1[Redacted]')
    .replace(/(bearer\s+)[\w.~+/=-]+/gi, '$1[Redacted]');
}

export async function createHostLogger(options: HostLoggerOptions): Promise<HostLogger> {
  const level = options.level ?? 'info';
  const rotation = { ...defaultLogRotation, ...options.rotation };
  const streams: StreamEntry<LevelWithSilent>[] = [];
  // Synchronous writes: the last line before a crash or process.exit must reach the file.
  if (options.stdout !== false) streams.push({ level, stream: pino.destination({ dest: 1, sync: true }) });

  let file: RollStream | null = null;
  const logsDir = options.logsDir;
  if (logsDir) {
    file = await pinoRoll({
      file: join(logsDir, options.baseName),
      extension: logFileExtension,
      dateFormat: logFileDateFormat,
      size: `${rotation.sizeBytes}b`,
      frequency: rotation.frequency,
      mkdir: true,
      sync: true,
    });
    const stream = file;
    // Rotation's limit: after every file opened (the first, and each rotation), not only the files
    // this process made, so that files of earlier runs go too.
    const prune = () => {
      try {
        const current = basename(stream.file);
        for (const name of logFilesToDelete(readdirSync(logsDir), options.baseName, rotation.keep, current))
          rmSync(join(logsDir, name), { force: true });
      } catch {
        // A folder that cannot be listed keeps its files; logging goes on.
      }
    };
    stream.on('ready', prune);
    prune();
    // A full disk or a removed folder must never take the till down: say it once on stderr.
    let reported = false;
    stream.on('error', (error) => {
      if (reported) return;
      reported = true;
      process.stderr.write(`Linli: could not write the log file in ${logsDir}: ${error.message}\n`);
    });
    streams.push({ level, stream });
  }

  const destinations = pino.multistream(streams);
  const log = pino(
    {
      level,
      redact: { paths: redactedPaths, censor: '[Redacted]' },
      hooks: { streamWrite: scrubSecrets },
    },
    destinations,
  );

  return {
    log,
    currentFile: () => (file && logsDir ? join(logsDir, basename(file.file)) : null),
    flush() {
      try {
        file?.flushSync();
      } catch {
        // Not open yet, or already closed: nothing buffered to lose with sync writes.
      }
    },
    async close() {
      const stream = file;
      if (!stream) return;
      file = null;
      // A line logged after close (a late timer) still goes to stdout instead of a closed file.
      const entry = (destinations.streams as { stream: unknown; id?: number }[]).find((s) => s.stream === stream);
      if (entry?.id !== undefined) destinations.remove(entry.id);
      await new Promise<void>((done) => {
        stream.once('close', done);
        stream.end();
      });
      if (logsDir) {
        const names = readdirSync(logsDir);
        for (const name of logFilesToDelete(names, options.baseName, rotation.keep))
          rmSync(join(logsDir, name), { force: true });
      }
    },
  };
}

/**
 * For the parts that log one line of text at a time (backups, updates): each line as a log entry
 * of `component`, a warning when it says something failed or is wrong, so that the diagnostics'
 * "last errors" finds it.
 */
export function lineLogger(log: Logger, component: string): (message: string) => void {
  return (message) => {
    if (/\b(fail(ed|s)?|error|warning|refused|could not)\b/i.test(message)) log.warn({ component }, message);
    else log.info({ component }, message);
  };
}
