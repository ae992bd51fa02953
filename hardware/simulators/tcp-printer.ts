// The simulated printer as a network printer on 127.0.0.1: what tests and the demo print to.
// It can be taken down and brought back on the same port, and can drop a connection mid-job.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PrinterSimulator } from './printer-simulator';

export interface TcpPrinterSimulator {
  readonly simulator: PrinterSimulator;
  readonly host: string;
  port: number;
  /** Stops listening and drops every connection (a printer switched off or unplugged). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** The next connection is cut after this many bytes (a cable pulled mid-job). */
  dropNextConnectionAfter(bytes: number): void;
  close(): Promise<void>;
}

export async function startTcpPrinterSimulator(options: { host?: string; port?: number; simulator?: PrinterSimulator } = {}): Promise<TcpPrinterSimulator> {
  const host = options.host ?? '127.0.0.1';
  const simulator = options.simulator ?? new PrinterSimulator();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let dropAfter: number | null = null;

  const handle = (socket: Socket) => {
    sockets.add(socket);
    const connection = simulator.connect((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    let limit = dropAfter;
    dropAfter = null;
    socket.on('data', (chunk) => {
      if (limit !== null) {
        if (chunk.length >= limit) {
          connection.push(chunk.subarray(0, limit));
          socket.destroy();
          return;
        }
        limit -= chunk.length;
      }
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
    down,
    up: async () => {
      if (!server) await listen(result.port);
    },
    dropNextConnectionAfter: (bytes) => {
      dropAfter = bytes;
    },
    close: down,
  };
  return result;
}
