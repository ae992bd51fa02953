// Serial ports (USB-serial adapters, RS-232, and socat pseudo-terminals in tests) via serialport.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import type { SerialPort } from 'serialport';
import type { DiscoveredSerialPort } from '../../contract';
import { ReplyBuffer, type ByteLink, type PrinterTransport } from './link';

// serialport (and its native binding) loads on first use: most counters have no serial device, and
// loading it at start cost a quarter of a second of the host's cold start.
let serialport: Promise<typeof import('serialport')> | null = null;
const loadSerialport = () => (serialport ??= import('serialport'));

export async function openSerialPort(path: string, baudRate: number): Promise<SerialPort> {
  const { SerialPort } = await loadSerialport();
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    // An 'error' event without a listener would crash the process.
    port.on('error', () => {});
    port.open((error) => (error ? reject(error) : resolve(port)));
  });
}

export function closeSerialPort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    port.close(() => resolve());
  });
}

/** Where a path points now; a replugged adapter or a re-created pty may point elsewhere. */
export function currentTarget(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * Ports on this machine. serialport lists through udevadm on Linux, which is missing in
 * containers and minimal installs: then the usual device names under /dev are listed instead.
 */
export async function listSerialPorts(): Promise<DiscoveredSerialPort[]> {
  try {
    const { SerialPort } = await loadSerialport();
    const ports = await SerialPort.list();
    return ports.map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
    }));
  } catch {
    const found: DiscoveredSerialPort[] = [];
    const add = (path: string) => found.push({ path, manufacturer: null, vendorId: null, productId: null });
    if (existsSync('/dev/serial/by-id'))
      for (const name of readdirSync('/dev/serial/by-id')) add(`/dev/serial/by-id/${name}`);
    try {
      for (const name of readdirSync('/dev')) if (/^tty(USB|ACM)\d+$/.test(name)) add(`/dev/${name}`);
    } catch {
      // No /dev to read (not Linux): nothing to offer.
    }
    return found;
  }
}

/**
 * Waits until everything written to the port was transmitted (tcdrain), or fails. serialport
 * queues a drain on a closed port until it opens again, which for an unplugged adapter is never:
 * a port that is closed, or closes while we wait, rejects instead of leaving the job hanging.
 */
function drainPort(p: SerialPort): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!p.isOpen) return reject(new Error('serial port closed before the job was transmitted'));
    const onClose = () => reject(new Error('serial port closed before the job was transmitted'));
    p.once('close', onClose);
    p.drain((error) => {
      p.off('close', onClose);
      if (error) reject(error);
      else resolve();
    });
  });
}

/**
 * A serial printer keeps its port open between jobs (nothing else may use it anyway).
 *
 * There is no connection to close per job, so "closed cleanly" means: every byte was written and
 * drained (transmitted by the UART, not just queued in the driver) while the port stayed open. Each
 * write drains before it resolves; close() drains once more and rejects if the port is no longer
 * open (an unplugged adapter): then nobody can say how much of the job left, so it stays queued.
 */
export function serialPrinterTransport(path: string, baudRate: number): PrinterTransport {
  let port: SerialPort | null = null;
  let target: string | null = null;
  const replies = new ReplyBuffer();
  const drop = async () => {
    const p = port;
    port = null;
    if (p) await closeSerialPort(p);
  };
  return {
    label: `serial ${path} ${baudRate}`,
    canReadStatus: true,
    async connect(): Promise<ByteLink> {
      // A replugged adapter (or re-created pty) is a new device behind the same name.
      if (port && (!port.isOpen || currentTarget(path) !== target)) await drop();
      if (!port) {
        const opened = await openSerialPort(path, baudRate);
        opened.on('data', (chunk: Buffer) => replies.push(chunk));
        opened.on('close', () => {
          if (port === opened) port = null;
        });
        port = opened;
        target = currentTarget(path);
      }
      const p = port;
      return {
        write: (bytes) =>
          new Promise<void>((resolve, reject) => {
            if (!p.isOpen) return reject(new Error('serial port closed'));
            p.write(Buffer.from(bytes), (error) => {
              if (error) return reject(error);
              // The write callback means "handed to the OS"; only a drain means "sent".
              drainPort(p).then(resolve, reject);
            });
          }),
        readByte: (timeoutMs) => replies.read(timeoutMs),
        discardInput: () => replies.clear(),
        // The port itself stays open for the next job; only the job's bytes are settled here.
        close: () => drainPort(p),
      };
    },
    reset: drop,
    close: drop,
  };
}
