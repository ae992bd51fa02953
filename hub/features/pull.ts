// GET /v1/pull: the changes of a stream after a cursor, for one terminal. Rows are read in
// (txid, seq) order and only from transactions older than the reading snapshot's xmin: every such
// transaction has finished, and any transaction still to commit has a larger txid, so a row
// committed late lands after the cursor instead of behind it (paging by seq alone would skip it).
// A terminal's own changes are stepped over (it has them already) but still move its cursor.
import type { PulledChange, PullResponse, PullStream } from '../../contract';
import type { HubStorage, Queryable } from '../storage';
import { HubError } from './errors';
import { eventsChannel } from './push';
import { readCursor, writeCursor, type PullPosition } from './pull-cursor';
import type { AuthenticatedTerminal } from './terminals';

export interface PullInput {
  stream: PullStream;
  after: string;
  limit: number;
  /** Seconds to wait for a change when there is none yet. */
  wait: number;
  /** Say how many changes remain after the answer's cursor. */
  count?: boolean;
}

interface Row {
  txid: string;
  seq: string;
  kind: PulledChange['kind'];
  data: unknown;
  terminalId: string;
}

// ORDER BY names the table's columns: the bare names would be the text aliases of the SELECT list,
// where "10" sorts before "9" and a page cut between them skips rows for good.
async function page(db: Queryable, terminalId: string, input: PullInput, from: PullPosition): Promise<PullResponse> {
  const { rows } = await db.query<Row>(
    `SELECT txid::text AS txid, seq::text AS seq, kind, data, terminal_id AS "terminalId"
       FROM changes
      WHERE stream = $1 AND (txid, seq) > ($2::bigint, $3::bigint)
        AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      ORDER BY changes.txid, changes.seq LIMIT $4`,
    [input.stream, from.txid, from.seq, input.limit + 1],
  );
  const more = rows.length > input.limit;
  const scanned = rows.slice(0, input.limit);
  const last = scanned.at(-1);
  return {
    changes: scanned
      .filter((r) => r.terminalId !== terminalId)
      .map((r) => ({ kind: r.kind, data: r.data }) as PulledChange),
    cursor: last ? writeCursor(last) : writeCursor(from),
    more,
  };
}

/**
 * Waits until a push commits (NOTIFY from any hub process on this database) or the time is up.
 * Resolves early too when the caller's connection closes (signal).
 */
function nextNotice(
  storage: HubStorage,
  ms: number,
  signal?: AbortSignal,
): { ready: Promise<void>; done: Promise<'notice' | 'time'>; stop(): Promise<void> } {
  let unlisten: (() => Promise<void>) | null = null;
  let finish: (why: 'notice' | 'time') => void = () => {};
  const done = new Promise<'notice' | 'time'>((resolve) => {
    const timer = setTimeout(() => finish('time'), ms);
    const aborted = () => finish('time');
    finish = (why) => {
      clearTimeout(timer);
      // One long-poll looks again several times on one signal: each look takes its listener away.
      signal?.removeEventListener('abort', aborted);
      resolve(why);
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
  const listening = storage.listen(eventsChannel, () => finish('notice')).then((u) => (unlisten = u));
  return {
    ready: listening.then(() => {}),
    done,
    async stop() {
      await listening.catch(() => {});
      // Failing to stop listening (the storage closed at shutdown) loses nothing: the listener goes with it.
      await unlisten?.().catch(() => {});
    },
  };
}

export async function pull(
  storage: HubStorage,
  terminal: AuthenticatedTerminal,
  input: PullInput,
  signal?: AbortSignal,
): Promise<PullResponse> {
  const from = readCursor(input.after);
  if (!from) throw new HubError('BAD_REQUEST', 400, 'after: not a cursor this hub answered');
  const deadline = Date.now() + input.wait * 1000;
  let answer = await page(storage, terminal.terminalId, input, from);
  // After a notice the changes may not be readable yet (an older transaction still holds the
  // snapshot's xmin back, and it may never notify): look again after a short, growing pause.
  let recheckMs = 0;
  while (input.wait > 0 && answer.changes.length === 0 && !answer.more && !signal?.aborted) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    // Listen first, then look again, so a push committed between the two is not missed.
    const notice = nextNotice(storage, recheckMs ? Math.min(left, recheckMs) : left, signal);
    try {
      await notice.ready;
      answer = await page(storage, terminal.terminalId, input, readCursor(answer.cursor)!);
      if (answer.changes.length || answer.more) break;
      const woken = await notice.done;
      recheckMs = woken === 'notice' ? 50 : recheckMs ? Math.min(recheckMs * 2, 1000) : 0;
    } finally {
      await notice.stop();
    }
    // The terminal hung up (or the hub is stopping): nobody will read a further answer.
    if (signal?.aborted) break;
    answer = await page(storage, terminal.terminalId, input, readCursor(answer.cursor)!);
  }
  return input.count ? { ...answer, remaining: await remaining(storage, input.stream, answer.cursor) } : answer;
}

/**
 * How many changes of the stream lie after the cursor, under the same snapshot bound as a page (an
 * index-only count: about a tenth of a second for a million rows, so a terminal asks once per catch-up).
 */
async function remaining(db: Queryable, stream: PullStream, cursor: string): Promise<number> {
  const from = readCursor(cursor)!;
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM changes
      WHERE stream = $1 AND (txid, seq) > ($2::bigint, $3::bigint)
        AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
    [stream, from.txid, from.seq],
  );
  return rows[0]!.n;
}
