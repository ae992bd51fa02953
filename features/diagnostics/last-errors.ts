// The "last errors" of the diagnostics screen, read from pino's JSON lines: numeric `level` (40
// warn, 50 error, 60 fatal), `time` in ms since the epoch, `msg`. A log is read as it is found
// on disk, so anything else (a half-written last line, a stray console line, a line cut by the
// tail read) is skipped rather than failing the screen. Pure: the caller reads the files.
import type { DiagnosticsLevel, DiagnosticsLogEntry } from '../../contract';

export const lastErrorsLimit = 20;
/** Enough of a message to recognise it on a phone call; the whole line is in the export. */
const msgMax = 500;

const levelNames: Record<string, DiagnosticsLevel> = { warn: 'warn', error: 'error', fatal: 'fatal' };

function levelOf(raw: unknown): DiagnosticsLevel | null {
  // pino writes numbers; a logger configured with formatters.level writes the label instead.
  if (typeof raw === 'number') return raw >= 60 ? 'fatal' : raw >= 50 ? 'error' : raw >= 40 ? 'warn' : null;
  if (typeof raw === 'string') return levelNames[raw.toLowerCase()] ?? null;
  return null;
}

function timeOf(raw: unknown): number | null {
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : null;
}

function messageOf(line: Record<string, unknown>): string {
  if (typeof line.msg === 'string') return line.msg;
  // pino puts an Error passed as the only argument under `err`, with an empty msg.
  const err = line.err as { message?: unknown } | undefined;
  if (err && typeof err.message === 'string') return err.message;
  return '';
}

interface Timed extends DiagnosticsLogEntry {
  ms: number;
}

/** The warnings and worse in one log file's text, in file order. */
export function logErrorsIn(text: string, file: string): Timed[] {
  const found: Timed[] = [];
  for (const raw of text.split('\n')) {
    const trimmed = raw.trim();
    if (!trimmed.startsWith('{')) continue;
    let line: unknown;
    try {
      line = JSON.parse(trimmed);
    } catch {
      continue;
    }
    if (typeof line !== 'object' || line === null || Array.isArray(line)) continue;
    const record = line as Record<string, unknown>;
    const level = levelOf(record.level);
    const ms = timeOf(record.time);
    if (!level || ms === null) continue;
    const msg = messageOf(record);
    found.push({
      ms,
      time: new Date(ms).toISOString(),
      level,
      msg: msg.length > msgMax ? `${msg.slice(0, msgMax)}…` : msg,
      file,
    });
  }
  return found;
}

/** The newest `limit` entries over all files, newest first (ties: the later line in a file first). */
export function newestErrors(files: readonly { name: string; text: string }[], limit = lastErrorsLimit) {
  const all = files.flatMap((f) => logErrorsIn(f.text, f.name).map((e, i) => ({ e, i })));
  all.sort((a, b) => b.e.ms - a.e.ms || b.i - a.i);
  return all.slice(0, limit).map(({ e: { ms: _ms, ...entry } }) => entry satisfies DiagnosticsLogEntry);
}
