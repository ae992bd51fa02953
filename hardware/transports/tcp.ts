// Network printers listen on TCP 9100 (raw). One connection per job or status poll: many cheap
// printers accept only one client, and a connection held open would lock out everyone else.
//
// How a job is known to have arrived. A write callback only says the kernel took the bytes; a cut
// cable or a printer that resets afterwards still loses them. Many cheap printers never answer
// DLE EOT, so for them the end of the connection is the only evidence there is. close() therefore
// tells a clean close from a cut:
//   clean: we sent our FIN (end()) after every written byte was flushed to the kernel ('finish'),
//          the printer closed its side only after that (its FIN answers ours: it read up to our
//          FIN, so it read the whole job), and the socket closed with no error at all.
//   cut:   any socket error (ECONNRESET, EPIPE, ...), 'close' with hadError, the printer closing
//          its side before we finished (it stopped reading mid-job), or no close within the
//          fallback time (we destroy the socket then, and nobody knows what the printer got).
// close() resolves only on a clean close and rejects on a cut, so the print queue keeps the job
// and sends it again rather than marking a receipt printed that never came out.
import { Socket } from 'node:net';
import { ReplyBuffer, type ByteLink, type PrinterTransport } from './link';

/** How long a printer may take to close its side after our FIN before the connection counts as cut. */
const closeFallbackMs = 2000;

export function tcpPrinterTransport(
  host: string,
  port: number,
  options: { connectTimeoutMs?: number } = {},
): PrinterTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  return {
    label: `tcp ${host}:${port}`,
    canReadStatus: true,
    connect: () =>
      new Promise<ByteLink>((resolve, reject) => {
        const socket = new Socket();
        const replies = new ReplyBuffer();
        /** The first error the socket reported, at any time: it makes the close a cut. */
        let failure: Error | null = null;
        /** We called end(): from here on a FIN from the printer is the answer to ours. */
        let ending = false;
        /** Every written byte and our FIN were handed to the kernel. */
        let flushed = false;
        /** The printer closed its side before we closed ours: it stopped reading mid-job. */
        let peerEndedFirst = false;
        let closing: Promise<void> | null = null;
        socket.setNoDelay(true);
        socket.setTimeout(connectTimeoutMs, () => socket.destroy(new Error(`no answer from ${host}:${port}`)));
        socket.on('data', (chunk) => replies.push(chunk));
        socket.on('end', () => {
          if (!ending) peerEndedFirst = true;
        });
        socket.on('finish', () => {
          if (ending) flushed = true;
        });
        socket.on('close', () => replies.end());
        socket.on('error', (error) => {
          failure ??= error;
          reject(error);
        });
        const cut = (why: string) => failure ?? new Error(`the connection to ${host}:${port} ${why}`);

        const close = (): Promise<void> =>
          (closing ??= new Promise<void>((done, fail) => {
            // Already gone before we closed it: reset, or closed by the printer.
            if (socket.destroyed) return fail(cut('was cut before the job was finished'));
            let timedOut = false;
            const fallback = setTimeout(() => {
              timedOut = true;
              socket.destroy();
            }, closeFallbackMs);
            fallback.unref();
            socket.once('close', (hadError) => {
              clearTimeout(fallback);
              if (hadError || failure) return fail(cut('failed'));
              if (timedOut) return fail(cut(`was not closed by the printer within ${closeFallbackMs} ms`));
              if (peerEndedFirst) return fail(cut('was closed by the printer before the job was finished'));
              if (!flushed) return fail(cut('closed before every byte was sent'));
              done();
            });
            ending = true;
            // end() sends FIN after the written bytes; the printer sees a whole job.
            socket.end();
          }));

        socket.connect(port, host, () => {
          socket.setTimeout(0);
          resolve({
            write: (bytes) =>
              new Promise<void>((done, fail) => {
                if (failure || socket.destroyed || ending || peerEndedFirst) return fail(cut('is closed'));
                socket.write(bytes, (error) => (error ? fail(error) : done()));
              }),
            readByte: (timeoutMs) => replies.read(timeoutMs),
            discardInput: () => replies.clear(),
            close,
          });
        });
      }),
    close: async () => {},
  };
}
