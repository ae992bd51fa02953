// When is a job on a network printer known to have arrived? The TCP link's close() is the only
// evidence a printer that never answers status gives, so it must tell a clean close from a cut.
// Real sockets on 127.0.0.1; each case waits on the server's own events, never on the clock.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tcpPrinterTransport } from '../hardware/transports/tcp';

let server: Server | null = null;
const sockets = new Set<Socket>();
afterEach(async () => {
  const s = server;
  server = null;
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A one-connection printer: `onData` decides what it does with what it receives. */
async function printer(onData: (socket: Socket, received: Buffer) => void, options: { allowHalfOpen?: boolean } = {}) {
  let received = Buffer.alloc(0);
  let connected: (socket: Socket) => void = () => {};
  const socketReady = new Promise<Socket>((resolve) => (connected = resolve));
  server = createServer({ allowHalfOpen: options.allowHalfOpen ?? false }, (socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      onData(socket, received);
    });
    connected(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return { transport: tcpPrinterTransport('127.0.0.1', port), socketReady, received: () => received };
}

const job = Buffer.alloc(4096, 0x41);

describe('TCP link close(): a clean close versus a cut', () => {
  it('resolves when every byte was written, our FIN went out and the printer closed after it', async () => {
    const p = await printer(() => {});
    const link = await p.transport.connect();
    const socket = await p.socketReady;
    const sawEnd = new Promise<void>((resolve) => socket.once('end', () => resolve()));
    await link.write(job);
    await link.close();
    await sawEnd;
    expect(p.received().equals(job)).toBe(true);
  });

  it('rejects when the printer resets the connection mid-job (RST), even though every write was accepted', async () => {
    let reset!: () => void;
    const wasReset = new Promise<void>((resolve) => (reset = resolve));
    const p = await printer((socket, received) => {
      if (received.length >= 100 && !socket.destroyed) {
        socket.resetAndDestroy();
        reset();
      }
    });
    const link = await p.transport.connect();
    // The kernel takes the whole job at once: the write alone cannot see the cut.
    await link.write(job);
    await wasReset;
    await expect(link.close()).rejects.toThrow();
  });

  it('rejects when the printer closes its side before we finished (it stopped reading mid-job)', async () => {
    const p = await printer(() => {});
    const link = await p.transport.connect();
    const socket = await p.socketReady;
    await link.write(job.subarray(0, 100));
    // Wait until our side saw the printer's FIN: the next read on the link ends.
    socket.end();
    expect(await link.readByte(60_000)).toBeNull();
    await expect(link.close()).rejects.toThrow(/closed|cut/);
  });

  it('rejects when the printer never closes after our FIN (the fallback destroys the socket)', async () => {
    // Half-open: the printer reads our FIN and keeps its side open.
    const p = await printer(() => {}, { allowHalfOpen: true });
    const link = await p.transport.connect();
    await link.write(job);
    await expect(link.close()).rejects.toThrow(/not closed by the printer/);
  });

  it('close() twice gives the same answer and a write after close is refused', async () => {
    const p = await printer(() => {});
    const link = await p.transport.connect();
    await link.write(job);
    await link.close();
    await expect(link.close()).resolves.toBeUndefined();
    await expect(link.write(job)).rejects.toThrow();
  });
});
