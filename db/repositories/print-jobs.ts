import type { PrintJobInfo, PrintJobStatus, ReceiptDocument } from '../../contract';
import type { Db } from '../open';

export interface PrintJobRow extends PrintJobInfo {
  document: ReceiptDocument;
}

const columns = `id, kind, title, status, attempts, last_error AS lastError, created_at AS createdAt, printed_at AS printedAt,
  printer_id AS printerId, reprint_of AS reprintOf`;

type Raw = PrintJobInfo & { document?: string };

export function printJobsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO print_jobs (id, kind, title, document, printer_id, status, created_at, staff_id, reprint_of)
     VALUES (@id, @kind, @title, @document, @printerId, 'queued', @createdAt, @staffId, @reprintOf)`,
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${columns}, document FROM print_jobs WHERE id = ?`);
  const nextQueued = db.prepare<[], Raw>(
    `SELECT ${columns}, document FROM print_jobs WHERE status = 'queued' ORDER BY id LIMIT 1`,
  );
  const recent = db.prepare<[number], Raw>(`SELECT ${columns} FROM print_jobs ORDER BY id DESC LIMIT ?`);
  const countQueued = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM print_jobs WHERE status IN ('queued', 'printing')`,
  );
  const start = db.prepare(
    `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, printer_id = ? WHERE id = ? AND status = 'queued'`,
  );
  const done = db.prepare(
    `UPDATE print_jobs SET status = 'done', printed_at = ?, last_error = NULL WHERE id = ? AND status = 'printing'`,
  );
  const retry = db.prepare(
    `UPDATE print_jobs SET status = 'queued', last_error = ? WHERE id = ? AND status = 'printing'`,
  );
  const fail = db.prepare(`UPDATE print_jobs SET status = 'failed', last_error = ? WHERE id = ?`);
  const requeueInterrupted = db.prepare(
    `UPDATE print_jobs SET status = 'queued', last_error = 'interrupted' WHERE status = 'printing'`,
  );

  const parse = (raw: Raw | undefined): PrintJobRow | null =>
    raw ? { ...raw, document: JSON.parse(raw.document ?? '{}') as ReceiptDocument } : null;
  const info = ({ document: _d, ...raw }: Raw): PrintJobInfo => raw;

  return {
    insert: (job: {
      id: string;
      document: ReceiptDocument;
      printerId: string | null;
      createdAt: string;
      staffId: string | null;
      reprintOf: string | null;
    }) =>
      void insert.run({
        id: job.id,
        kind: job.document.kind,
        title: job.document.title,
        document: JSON.stringify(job.document),
        printerId: job.printerId,
        createdAt: job.createdAt,
        staffId: job.staffId,
        reprintOf: job.reprintOf,
      }),
    get: (id: string): PrintJobRow | null => parse(byId.get(id)),
    info: (id: string): PrintJobInfo | null => {
      const raw = byId.get(id);
      return raw ? info(raw) : null;
    },
    nextQueued: (): PrintJobRow | null => parse(nextQueued.get()),
    recent: (limit: number): PrintJobInfo[] => recent.all(limit).map(info),
    pendingCount: (): number => countQueued.get()!.n,
    /** Claims a queued job for printing; false when it was not queued (already taken). */
    start: (id: string, printerId: string): boolean => start.run(printerId, id).changes === 1,
    markDone: (id: string, at: string): boolean => done.run(at, id).changes === 1,
    /** Back to the queue with the reason; it prints when the printer is ready again. */
    retryLater: (id: string, reason: string): boolean => retry.run(reason, id).changes === 1,
    markFailed: (id: string, reason: string) => void fail.run(reason, id),
    /** At start: a job left 'printing' by a crash goes back to the queue (see decision 0007). */
    requeueInterrupted: (): number => requeueInterrupted.run().changes,
  };
}

export type PrintJobStatusValue = PrintJobStatus;
