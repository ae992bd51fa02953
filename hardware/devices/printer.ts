// An ESC/POS receipt printer on any transport: asks its status before each job, writes the job,
// and keeps polling its status so the UI shows paper out or cover open as it happens.
import type { PaperWidth, PrinterEncoding, PrinterHealth } from '../../contract';
import { BaseDevice, problemFromError } from '../device';
import { drawerKick, realtimeStatus } from '../escpos/commands';
import { canPrint, decodeStatus, healthOf, isStatusByte, type PrinterStatusBytes } from '../escpos/status';
import type { ByteLink, PrinterTransport } from '../transports/link';

export interface PrinterProfileSettings {
  paperWidth: PaperWidth;
  encoding: PrinterEncoding;
  drawer: boolean;
}

export class PrinterNotReadyError extends Error {
  constructor(readonly health: PrinterHealth) {
    super(`printer not ready: ${health}`);
  }
}

export interface PrinterTiming {
  /** How often an idle printer is asked for its status. */
  pollMs: number;
  /** How long to wait for one DLE EOT reply. */
  statusTimeoutMs: number;
}

const problemOf = (health: PrinterHealth) =>
  health === 'offline' ? 'offline' : health === 'coverOpen' ? 'coverOpen' : health === 'paperOut' ? 'paperOut' : null;

export class EscPosPrinter extends BaseDevice {
  private poll: ReturnType<typeof setInterval> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** A status poll waiting for its turn; a new poll joins it instead of queueing behind it. */
  private queuedRefresh: Promise<PrinterHealth> | null = null;
  /** Jobs and drawer kicks waiting for their turn. */
  private waitingWork = 0;

  constructor(
    readonly transport: PrinterTransport,
    readonly profile: PrinterProfileSettings,
    private readonly timing: PrinterTiming,
  ) {
    super();
  }

  protected async start(): Promise<void> {
    this.setCondition({ state: 'busy', problem: null, detail: null });
    void this.refreshStatus();
    this.poll = setInterval(() => void this.refreshStatus(), this.timing.pollMs);
    this.poll.unref?.();
  }

  protected async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    await this.chain.catch(() => {});
    await this.transport.close();
  }

  /** One operation on the printer at a time: a status poll never cuts into a job. */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.chain.then(op, op);
    this.chain = run.catch(() => {});
    return run;
  }

  private async readStatus(link: ByteLink): Promise<PrinterHealth> {
    if (!this.transport.canReadStatus) return 'unknown';
    link.discardInput();
    const bytes: PrinterStatusBytes = {};
    for (const [n, key] of [
      [1, 'printer'],
      [2, 'offline'],
      [4, 'paper'],
    ] as const) {
      await link.write(realtimeStatus(n));
      const reply = await link.readByte(this.timing.statusTimeoutMs);
      // A printer that never answers (some do not, over some transports) still gets its jobs.
      if (reply === null) return 'unknown';
      if (!isStatusByte(reply)) return 'unknown';
      bytes[key] = reply;
    }
    return healthOf(decodeStatus(bytes));
  }

  private markHealth(health: PrinterHealth): void {
    const problem = problemOf(health);
    this.setCondition({ state: problem ? 'error' : 'idle', health, problem, detail: null });
  }

  private markUnreachable(error: unknown): void {
    const { problem, detail } = problemFromError(error);
    this.setCondition({ state: 'error', health: 'offline', problem, detail });
    void this.transport.reset?.();
  }

  /** One job or drawer kick, counted while it waits so that status polls give way to it. */
  private work<T>(op: () => Promise<T>): Promise<T> {
    this.waitingWork++;
    return this.exclusive(() => {
      this.waitingWork--;
      return op();
    });
  }

  /**
   * Asks the printer how it is; never throws (the answer is the device status).
   *
   * A printer that never answers takes the whole status timeout for every poll. Polls must not
   * pile up behind each other then (with a poll interval shorter than the timeout they would grow
   * without end, and a job would wait behind all of them): at most one poll waits for its turn,
   * and it steps aside when a job is waiting, since the job asks the status itself first.
   */
  refreshStatus(): Promise<PrinterHealth> {
    if (this.closed) return Promise.resolve(this.status.health ?? 'unknown');
    if (this.queuedRefresh) return this.queuedRefresh;
    const queued = this.exclusive(async () => {
      this.queuedRefresh = null;
      if (this.waitingWork > 0 || this.closed) return this.status.health ?? 'unknown';
      let link: ByteLink | null = null;
      try {
        link = await this.transport.connect();
        const health = await this.readStatus(link);
        this.markHealth(health);
        return health;
      } catch (error) {
        this.markUnreachable(error);
        return 'offline' as const;
      } finally {
        await link?.close().catch(() => {});
      }
    });
    this.queuedRefresh = queued;
    return queued;
  }

  /**
   * Sends one job. Resolves only when the job is known to have reached the printer; rejects (and
   * the print queue keeps the job) otherwise, and when the printer says it cannot print now.
   *
   * "Known to have reached" depends on the printer. One that answers status must answer again
   * after the job: it reads its input in order, so the reply means every byte before the request
   * arrived. One that never answers (many cheap network printers) can tell us nothing, so the
   * only evidence is the transport: every byte written and the link closed cleanly (for TCP, our
   * FIN after all bytes and an orderly close, no reset). A write the OS accepted may still die on
   * the wire, so a write error or an unclean close rejects for both kinds: sending a receipt twice
   * is better than losing it.
   */
  print(bytes: Uint8Array): Promise<void> {
    return this.work(async () => {
      if (this.closed) throw new Error('printer closed');
      let link: ByteLink | null = null;
      try {
        link = await this.transport.connect();
        const health = await this.readStatus(link);
        if (!canPrint(health)) {
          this.markHealth(health);
          throw new PrinterNotReadyError(health);
        }
        this.setCondition({ state: 'busy', health, problem: null, detail: null });
        await link.write(bytes);
        if (health !== 'unknown') {
          link.discardInput();
          await link.write(realtimeStatus(1));
          const ack = await link.readByte(this.timing.statusTimeoutMs);
          if (ack === null) throw new Error('the printer did not confirm the job');
        }
        // For a silent printer this close is the confirmation; for the others a cut after the reply
        // still rejects (the job is sent again: a duplicate beats a lost receipt).
        const closing = link;
        link = null;
        await closing.close();
        this.markHealth(health);
      } catch (error) {
        if (!(error instanceof PrinterNotReadyError)) this.markUnreachable(error);
        throw error;
      } finally {
        await link?.close().catch(() => {});
      }
    });
  }

  kickDrawer(): Promise<void> {
    return this.work(async () => {
      const link = await this.transport.connect();
      try {
        await link.write(drawerKick(2));
      } finally {
        await link.close().catch(() => {});
      }
    });
  }
}
