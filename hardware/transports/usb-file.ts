// A USB printer through the Linux usblp driver: /dev/usb/lp0 is a file to write to. It needs the
// "lp" group (see README). Status replies are not read here: usblp reads block without a timeout.
//
// Without status replies, the end of the job is the only evidence it arrived, so close() is strict:
// every write must have taken all its bytes, then the data is synced (fsync) and the file closed,
// and an error from either rejects so the print queue keeps the job. A driver may report a failed
// transfer only on a later call on the same descriptor, which is why the sync and the close are
// awaited and their errors not swallowed. A device file that cannot be synced at all (EINVAL,
// ENOTSUP: character devices without an fsync, usblp among them) gives no extra evidence; that
// alone is not a failure, but the close still has to succeed.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ByteLink, PrinterTransport } from './link';

const noSync = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

export function usbFilePrinterTransport(path: string): PrinterTransport {
  return {
    label: `usb ${path}`,
    canReadStatus: false,
    async connect(): Promise<ByteLink> {
      // Write-only without O_CREAT: an unplugged printer must fail, not become a new file in /dev.
      const file = await open(path, constants.O_WRONLY);
      let closing: Promise<void> | null = null;
      return {
        write: async (bytes) => {
          let at = 0;
          while (at < bytes.length) {
            const { bytesWritten } = await file.write(bytes, at, bytes.length - at);
            // A device that takes nothing would loop here forever; the job is not written.
            if (bytesWritten <= 0) throw new Error(`${path} accepted no bytes`);
            at += bytesWritten;
          }
        },
        readByte: async () => null,
        discardInput: () => {},
        close: () =>
          (closing ??= (async () => {
            let syncError: unknown = null;
            try {
              await file.sync();
            } catch (error) {
              if (!noSync.has((error as NodeJS.ErrnoException).code ?? '')) syncError = error;
            }
            // Close even after a failed sync (no leaked descriptor), then report the first failure.
            await file.close();
            if (syncError) throw syncError;
          })()),
      };
    },
    close: async () => {},
  };
}
