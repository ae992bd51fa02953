// A byte link to a printer: write, read replies (real-time status), close. TCP, serial and the USB
// printer file each make one; the printer protocol does not care which.

export interface ByteLink {
  write(bytes: Uint8Array): Promise<void>;
  /** The next reply byte, or null when none arrives in time. */
  readByte(timeoutMs: number): Promise<number | null>;
  /** Drops replies that arrived unasked (a reply to an earlier, timed-out request). */
  discardInput(): void;
  /**
   * Ends the link and says whether everything written is known to have left cleanly. Resolves
   * only then; rejects when the link was cut, failed, or could not be closed cleanly, because a
   * printer that cannot answer status has no other way to tell us a job is lost (the print queue
   * keeps a job whose print() rejects). Each transport documents what "cleanly" can mean for it.
   */
  close(): Promise<void>;
}

export interface PrinterTransport {
  /** e.g. "tcp 192.168.1.50:9100", for the set-up screen. */
  readonly label: string;
  /** Whether the printer can answer DLE EOT over this transport. */
  readonly canReadStatus: boolean;
  connect(): Promise<ByteLink>;
  /** Forgets a persistent connection (serial) so the next connect starts afresh. */
  reset?(): Promise<void>;
  close(): Promise<void>;
}

/** Collects incoming bytes and hands them out one at a time with a timeout. */
export class ReplyBuffer {
  private bytes: number[] = [];
  private waiter: ((b: number | null) => void) | null = null;
  private ended = false;

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.bytes.push(b);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  clear(): void {
    this.bytes = [];
  }

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    if (this.bytes.length) {
      this.waiter = null;
      w(this.bytes.shift()!);
    } else if (this.ended) {
      this.waiter = null;
      w(null);
    }
  }

  read(timeoutMs: number): Promise<number | null> {
    if (this.bytes.length) return Promise.resolve(this.bytes.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(null);
      }, timeoutMs);
      this.waiter = (b) => {
        clearTimeout(timer);
        resolve(b);
      };
    });
  }
}
