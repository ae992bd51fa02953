import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-core';
import { decodeEscPos } from '../escpos/decode-stream';
import { encodeReceipt } from '../escpos/encode-receipt';
import { usbFilePrinterTransport } from './usb-file';

// /dev/usb/lp0 is a file the usblp driver turns into USB transfers; a plain file stands in for it.
let temp: ReturnType<typeof tempDir> | null = null;
afterEach(() => temp?.remove());

describe('USB printer file transport', () => {
  it('writes the whole job to the device file and has no status to read', async () => {
    temp = tempDir();
    const path = join(temp.dir, 'lp0');
    writeFileSync(path, '');
    const transport = usbFilePrinterTransport(path);
    expect(transport.canReadStatus).toBe(false);
    const link = await transport.connect();
    await link.write(
      encodeReceipt(
        { kind: 'test', title: 't', blocks: [{ type: 'text', text: '小票打印机 USB' }] },
        { paperWidth: 58, encoding: 'gb18030' },
      ),
    );
    expect(await link.readByte(10)).toBeNull();
    await link.close();
    const items = decodeEscPos(readFileSync(path));
    expect(items).toContainEqual(expect.objectContaining({ type: 'line', text: '小票打印机 USB' }));
  });

  it('a character device that cannot be synced (usblp has no fsync; /dev/null neither) still closes cleanly', async () => {
    const link = await usbFilePrinterTransport('/dev/null').connect();
    await link.write(Uint8Array.of(0x1b, 0x40));
    await expect(link.close()).resolves.toBeUndefined();
  });

  it('an unplugged printer (no device file) fails to connect, so the job stays queued', async () => {
    temp = tempDir();
    await expect(usbFilePrinterTransport(join(temp.dir, 'gone')).connect()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
