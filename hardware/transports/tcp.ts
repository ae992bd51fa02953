// Network printers listen on TCP 9100 (raw). One connection per job or status poll: many cheap
// printers accept only one client, and a connection held open would lock out everyone else.
import { Socket } from 'node:net';
import { ReplyBuffer, type ByteLink, type PrinterTransport } from './link';

export function tcpPrinterTransport(host: string, port: number, options: { connectTimeoutMs?: number } = {}): PrinterTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  return {
    label: `tcp ${host}:${port}`,
    canReadStatus: true,
    connect: () =>
      new Promise<ByteLink>((resolve, reject) => {
        const socket = new Socket();
        const replies = new ReplyBuffer();
        let failure: Error | null = null;
        socket.setNoDelay(true);
        socket.setTimeout(connectTimeoutMs, () => socket.destroy(new Error(`no answer from ${host}:${port}`)));
        socket.on('data', (chunk) => replies.push(chunk));
        socket.on('close', () => replies.end());
        socket.on('error', (error) => {
          failure = error;
          reject(error);
        });
        socket.connect(port, host, () => {
          socket.setTimeout(0);
          resolve({
            write: (bytes) =>
              new Promise<void>((done, fail) => {
                if (failure || socket.destroyed) return fail(failure ?? new Error('connection closed'));
                socket.write(bytes, (error) => (error ? fail(error) : done()));
              }),
            readByte: (timeoutMs) => replies.read(timeoutMs),
            discardInput: () => replies.clear(),
            close: () =>
              new Promise<void>((done) => {
                if (socket.destroyed) return done();
                socket.once('close', () => done());
                // end() sends FIN after the written bytes; the printer sees a whole job.
                socket.end();
                setTimeout(() => socket.destroy(), 2000).unref();
              }),
          });
        });
      }),
    close: async () => {},
  };
}
