// A USB printer through the Linux usblp driver: /dev/usb/lp0 is a file to write to. It needs the
// "lp" group (see README). Status replies are not read here: usblp reads block without a timeout.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ByteLink, PrinterTransport } from './link';

export function usbFilePrinterTransport(path: string): PrinterTransport {
  return {
    label: `usb ${path}`,
    canReadStatus: false,
    async connect(): Promise<ByteLink> {
      // Write-only without O_CREAT: an unplugged printer must fail, not become a new file in /dev.
      const file = await open(path, constants.O_WRONLY);
      return {
        write: async (bytes) => {
          let at = 0;
          while (at < bytes.length) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
        },
        readByte: async () => null,
        discardInput: () => {},
        close: () => file.close(),
      };
    },
    close: async () => {},
  };
}
