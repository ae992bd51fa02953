import type { PrintJobInfo, PrintJobStatus, ReceiptDocument } from '../../contract';
import type { Db } from '../open';
import type { PrintJobsRepository } from '../store';

export interface PrintJobRow extends PrintJobInfo {
  document: ReceiptDocument;
}

const columns = `p.id, p.kind, p.title, p.status, p.attempts, p.last_error AS lastError, p.created_at AS createdAt,
  p.printed_at AS printedAt, p.printer_id AS printerId, p.reprint_of AS reprintOf`;
/** A job's own document, or the stored receipt of the sale or refund it prints (kept once, there). */
const withDocument = `${columns}, coalesce(p.document, s.receipt, r.receipt) AS document FROM print_jobs p
  LEFT JOIN sales s ON p.source_kind = 'sale' AND s.id = p.source_id
  LEFT JOIN refunds r ON p.source_kind = 'refund' AND r.id = p.source_id`;

/** What a job prints: a document of its own, or the receipt already stored with a sale or refund. */
export type PrintSource = { kind: 'sale' | 'refund'; id: string };

/** A job to queue: it starts 'queued'. */
export interface NewPrintJob {
  id: string;
  document: ReceiptDocument;
  printerId: string | null;
  createdAt: string;
  staffId: string | null;
  reprintOf: string | null;
  /** Set when the document is stored with its sale or refund in the same transaction. */
  source?: PrintSource | null;
}

type Raw = PrintJobInfo & { document?: string };

export function printJobsRepository(db: Db): PrintJobsRepository {
  const insert = db.prepare(
    `INSERT INTO print_jobs (id, kind, title, document, source_kind, source_id, printer_id, status, created_at, staff_id, reprint_of)
     VALUES (@id, @kind, @title, @document, @sourceKind, @sourceId, @printerId, 'queued', @createdAt, @staffId, @reprintOf)`,
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${withDocument} WHERE p.id = ?`);
  const nextQueued = db.prepare<[], Raw>(`SELECT ${withDocument} WHERE p.status = 'queued' ORDER BY p.id LIMIT 1`);
  const recent = db.prepare<[number], Raw>(`SELECT ${columns} FROM print_jobs p ORDER BY p.id DESC LIMIT ?`);
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
    insert: (job: NewPrintJob) =>
      void insert.run({
        id: job.id,
        kind: job.document.kind,
        title: job.document.title,
        document: job.source ? null : JSON.stringify(job.document),
        sourceKind: job.source?.kind ?? null,
        sourceId: job.source?.id ?? null,
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
    start: (id: string, printerId: string): boolean => start.run(printerId, id).changes === 1,
    markDone: (id: string, at: string): boolean => done.run(at, id).changes === 1,
    retryLater: (id: string, reason: string): boolean => retry.run(reason, id).changes === 1,
    markFailed: (id: string, reason: string) => void fail.run(reason, id),
    requeueInterrupted: (): number => requeueInterrupted.run().changes,
  };
}

export type PrintJobStatusValue = PrintJobStatus;
