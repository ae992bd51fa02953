// The persistent print queue. A job is written to SQLite before any byte goes out, is marked done
// only after every byte was written, and otherwise waits (printer off, out of paper, unplugged)
// and prints once when the printer is back. Callers never wait for paper.
import type { PrintJobInfo, PrinterEncoding, PaperWidth, ReceiptDocument } from '../../contract';
import type { TerminalStore } from '../../db/store';
import type { Clock, IdSource, LogPort, PrintOptions } from '../ports';

export interface QueuePrinter {
  id: string;
  profile: { paperWidth: PaperWidth; encoding: PrinterEncoding };
  print(bytes: Uint8Array): Promise<void>;
}

export interface PrintQueueDeps {
  /** The printer for a job (its own, or the receipt printer), or null when none is usable. */
  printerFor(printerId: string | null): QueuePrinter | null;
  encode(doc: ReceiptDocument, profile: QueuePrinter['profile']): Uint8Array;
  onJob(job: PrintJobInfo): void;
  retryMs: number;
  retryMaxMs: number;
  /** A drain that failed unexpectedly (the database, not the printer) is reported here. */
  log: LogPort;
}

export interface PrintQueueStore {
  store: TerminalStore;
  clock: Clock;
  ids: IdSource;
  currentStaff(): { id: string } | null;
}

export interface PrintQueue {
  enqueue(doc: ReceiptDocument, options?: PrintOptions): string;
  /** Try now (a printer came back, a job was added). */
  kick(): void;
  /** Resolves when nothing is being printed (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createPrintQueue(ctx: PrintQueueStore, deps: PrintQueueDeps): PrintQueue {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryDelay = deps.retryMs;

  ctx.store.printJobs.requeueInterrupted();

  const announce = (id: string) => {
    const info = ctx.store.printJobs.info(id);
    if (info) deps.onJob(info);
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      kick();
    }, retryDelay);
    retryTimer.unref?.();
    retryDelay = Math.min(deps.retryMaxMs, retryDelay * 2);
  };

  async function drain(): Promise<void> {
    while (!closed) {
      const job = ctx.store.printJobs.nextQueued();
      if (!job) return;
      const printer = deps.printerFor(job.printerId);
      // No usable printer: the job waits; a printer coming back or being configured kicks the queue.
      if (!printer) return scheduleRetry();
      let bytes: Uint8Array;
      try {
        bytes = deps.encode(job.document, printer.profile);
      } catch (error) {
        // A document that cannot be encoded will never print: say so instead of retrying forever.
        ctx.store.printJobs.markFailed(job.id, (error as Error).message);
        announce(job.id);
        continue;
      }
      if (!ctx.store.printJobs.start(job.id, printer.id)) continue;
      announce(job.id);
      try {
        await printer.print(bytes);
      } catch (error) {
        ctx.store.printJobs.retryLater(job.id, (error as Error).message || 'printer error');
        announce(job.id);
        return scheduleRetry();
      }
      ctx.store.printJobs.markDone(job.id, ctx.clock.now().toISOString());
      retryDelay = deps.retryMs;
      announce(job.id);
    }
  }

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    running = drain()
      .catch((error: unknown) => deps.log.error({ err: error }, 'print queue: a drain failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    enqueue(doc, options = {}) {
      const id = ctx.ids.newId();
      ctx.store.printJobs.insert({
        id,
        document: doc,
        printerId: options.printerId ?? null,
        createdAt: ctx.clock.now().toISOString(),
        staffId: ctx.currentStaff()?.id ?? null,
        reprintOf: options.reprintOf ?? null,
        source: options.source ?? null,
      });
      // After the caller's transaction and reply: a sale is never held up by the printer.
      setImmediate(() => {
        // The core may have closed in between (a sale right before shutdown): the job waits in
        // SQLite and prints at the next start.
        if (closed) return;
        announce(id);
        kick();
      });
      return id;
    },
    kick,
    async idle() {
      while (running) await running;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      while (running) await running;
    },
  };
}
