// The simulated printer as a network printer on 127.0.0.1: what tests and the demo print to.
// It can be taken down and brought back on the same port, can drop a connection mid-job, and can
// play a cheap printer that never answers status requests.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PrinterSimulator } from './printer-simulator';

/** One connection that carried a job (not just status requests), as the printer received it. */
export interface ReceivedJob {
  /** Every byte after the connection's leading status requests (DLE EOT n), in order. */
  bytes: Uint8Array;
  /** The simulator cut this connection (cutNextJob). */
  cut: boolean;
}

export interface CutOptions {
  /** Job bytes (after the leading status requests) the printer takes before the cut. */
  afterBytes: number;
  /** 'reset' (default) destroys with RST, like a printer rebooting or a cable pulled; 'close' sends FIN. */
  how?: 'reset' | 'close';
}

export interface TcpPrinterSimulator {
  readonly simulator: PrinterSimulator;
  readonly host: string;
  port: number;
  /** Whether the printer answers DLE EOT; false plays a cheap printer that never does. */
  answersStatus: boolean;
  /** Connections that carried a job, oldest first (the last 100). */
  readonly jobs: ReceivedJob[];
  /** Stops listening and drops every connection (a printer switched off or unplugged). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** The next connection is cut after this many bytes (a cable pulled mid-job). */
  dropNextConnectionAfter(bytes: number): void;
  /**
   * The next connection that carries a job, and only that one, is cut after `afterBytes` bytes of
   * the job: status polls before it are not affected. Resolves with that job once it was cut.
   */
  cutNextJob(options: CutOptions): Promise<ReceivedJob>;
  close(): Promise<void>;
}

const DLE = 0x10;
const EOT = 0x04;
const keptJobs = 100;

export async function startTcpPrinterSimulator(
  options: { host?: string; port?: number; simulator?: PrinterSimulator; answersStatus?: boolean } = {},
): Promise<TcpPrinterSimulator> {
  const host = options.host ?? '127.0.0.1';
  const simulator = options.simulator ?? new PrinterSimulator();
  if (options.answersStatus !== undefined) simulator.answersStatus = options.answersStatus;
  const sockets = new Set<Socket>();
  const jobs: ReceivedJob[] = [];
  let server: Server | null = null;
  let dropAfter: number | null = null;
  let pendingCut: { options: CutOptions; resolve: (job: ReceivedJob) => void } | null = null;

  const handle = (socket: Socket) => {
    sockets.add(socket);
    const connection = simulator.connect((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    let limit = dropAfter;
    dropAfter = null;

    // A connection is a status poll until its first byte that is not part of a DLE EOT n request;
    // from that byte on it carries a job. `inRequest` is how many bytes of a request were seen.
    let job: ReceivedJob | null = null;
    const jobChunks: Buffer[] = [];
    let inRequest = 0;
    let cut: { left: number; how: CutOptions['how']; resolve: (job: ReceivedJob) => void } | null = null;
    /** Where in the chunk the job starts, or -1 while it still is status requests only. */
    const jobStart = (chunk: Buffer): number => {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (inRequest === 2) inRequest = 0;
        else if (b === (inRequest === 0 ? DLE : EOT)) inRequest++;
        // A request begun in an earlier chunk belongs to the job too; counting from this chunk is
        // close enough (a local socket does not split three bytes).
        else return Math.max(0, i - inRequest);
      }
      return -1;
    };
    const startJob = () => {
      const started: ReceivedJob = {
        get bytes() {
          return new Uint8Array(Buffer.concat(jobChunks));
        },
        cut: false,
      };
      job = started;
      jobs.push(started);
      if (jobs.length > keptJobs) jobs.splice(0, jobs.length - keptJobs);
      if (pendingCut) {
        cut = { left: pendingCut.options.afterBytes, how: pendingCut.options.how, resolve: pendingCut.resolve };
        pendingCut = null;
      }
      return started;
    };

    socket.on('data', (chunk: Buffer) => {
      if (limit !== null) {
        if (chunk.length >= limit) {
          connection.push(chunk.subarray(0, limit));
          socket.destroy();
          return;
        }
        limit -= chunk.length;
      }
      let current = job;
      let at = 0;
      if (!current) {
        at = jobStart(chunk);
        if (at < 0) return connection.push(chunk);
        current = startJob();
      }
      const jobPart = chunk.subarray(at);
      if (cut && jobPart.length >= cut.left) {
        // The printer takes exactly `left` more job bytes, then the connection dies.
        const { left, how, resolve } = cut;
        cut = null;
        jobChunks.push(Buffer.from(jobPart.subarray(0, left)));
        connection.push(chunk.subarray(0, at + left));
        current.cut = true;
        if (how === 'close') socket.destroy();
        else socket.resetAndDestroy();
        resolve(current);
        return;
      }
      if (cut) cut.left -= jobPart.length;
      jobChunks.push(Buffer.from(jobPart));
      connection.push(chunk);
    });
    socket.on('close', () => {
      sockets.delete(socket);
      connection.end();
    });
    socket.on('error', () => {});
  };

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer(handle);
      s.once('error', reject);
      s.listen(port, host, () => {
        server = s;
        resolve((s.address() as AddressInfo).port);
      });
    });

  const down = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (!s) return resolve();
      s.close(() => resolve());
    });

  const result: TcpPrinterSimulator = {
    simulator,
    host,
    port: await listen(options.port ?? 0),
    get answersStatus() {
      return simulator.answersStatus;
    },
    set answersStatus(value: boolean) {
      simulator.answersStatus = value;
    },
    jobs,
    down,
    up: async () => {
      if (!server) await listen(result.port);
    },
    dropNextConnectionAfter: (bytes) => {
      dropAfter = bytes;
    },
    cutNextJob: (cutOptions) =>
      new Promise<ReceivedJob>((resolve) => {
        if (pendingCut) throw new Error('a cut is already waiting for a job');
        pendingCut = { options: cutOptions, resolve };
      }),
    close: down,
  };
  return result;
}
