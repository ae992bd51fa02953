// A serial barcode scanner: codes framed by CR, LF or CR LF. Reopens the port when the adapter
// (or the pty in tests) comes back, and notices a vanished or replaced device by its path.
import type { SerialPort } from 'serialport';
import type { SerialFraming } from '../../contract';
import { ReconnectingDevice } from '../device';
import { createLineFramer } from '../scanner/serial-framing';
import { splitAimPrefix } from '../scanner/symbology';
import { closeSerialPort, currentTarget, openSerialPort } from '../transports/serial';

export interface ReconnectTiming {
  reconnectMs: number;
  reconnectMaxMs: number;
  /** How often an open port's path is checked (unplug is not reported on every OS). */
  watchMs: number;
}

export class SerialScanner extends ReconnectingDevice<SerialPort> {
  private target: string | null = null;
  private watch: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly path: string,
    readonly baudRate: number,
    readonly framing: SerialFraming,
    private readonly timing: ReconnectTiming,
  ) {
    super(timing);
  }

  protected async connect(): Promise<SerialPort> {
    const port = await openSerialPort(this.path, this.baudRate);
    const framer = createLineFramer(this.framing);
    port.on('data', (chunk: Buffer) => {
      for (const frame of framer.push(chunk)) this.deliver(splitAimPrefix(frame));
    });
    port.on('close', () => this.lost(port, new Error('port closed')));
    port.on('error', (error: Error) => this.lost(port, error));
    this.target = currentTarget(this.path);
    this.watch ??= setInterval(() => {
      const open = this.connected;
      if (open && currentTarget(this.path) !== this.target) this.lost(open, new Error('device gone'));
    }, this.timing.watchMs);
    this.watch.unref?.();
    return port;
  }

  protected async disconnect(port: SerialPort): Promise<void> {
    await closeSerialPort(port);
  }

  protected override async stop(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    await super.stop();
  }
}
