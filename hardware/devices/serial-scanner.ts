// A serial barcode scanner: codes framed by CR, LF or CR LF. Reopens the port when the adapter
// (or the pty in tests) comes back, and notices a vanished or replaced device by its path.
import type { SerialPort } from 'serialport';
import type { SerialFraming } from '../../core/contract';
import { BaseDevice, Reconnector, problemFromError } from '../device';
import { createLineFramer } from '../scanner/serial-framing';
import { splitAimPrefix } from '../scanner/symbology';
import { closeSerialPort, currentTarget, openSerialPort } from '../transports/serial';

export interface ReconnectTiming {
  reconnectMs: number;
  reconnectMaxMs: number;
  /** How often an open port's path is checked (unplug is not reported on every OS). */
  watchMs: number;
}

export class SerialScanner extends BaseDevice {
  private port: SerialPort | null = null;
  private target: string | null = null;
  private watch: ReturnType<typeof setInterval> | null = null;
  private readonly reconnector: Reconnector;

  constructor(
    readonly path: string,
    readonly baudRate: number,
    readonly framing: SerialFraming,
    private readonly timing: ReconnectTiming,
  ) {
    super();
    this.reconnector = new Reconnector(() => this.attempt(), timing.reconnectMs, timing.reconnectMaxMs);
  }

  protected async start(): Promise<void> {
    this.setCondition({ state: 'busy', problem: null, detail: null });
    if (!(await this.attempt())) this.reconnector.schedule();
  }

  private async attempt(): Promise<boolean> {
    if (this.closed) return true;
    try {
      const port = await openSerialPort(this.path, this.baudRate);
      if (this.closed) {
        await closeSerialPort(port);
        return true;
      }
      const framer = createLineFramer(this.framing);
      port.on('data', (chunk: Buffer) => {
        for (const frame of framer.push(chunk)) this.deliver(splitAimPrefix(frame));
      });
      port.on('close', () => this.lost(port, new Error('port closed')));
      port.on('error', (error: Error) => this.lost(port, error));
      this.port = port;
      this.target = currentTarget(this.path);
      this.watch ??= setInterval(() => {
        if (this.port && currentTarget(this.path) !== this.target) this.lost(this.port, new Error('device gone'));
      }, this.timing.watchMs);
      this.watch.unref?.();
      this.setCondition({ state: 'idle', problem: null, detail: null });
      return true;
    } catch (error) {
      const { problem, detail } = problemFromError(error);
      this.setCondition({ state: 'error', problem, detail });
      return false;
    }
  }

  private lost(port: SerialPort, error: Error): void {
    if (this.port !== port) return;
    this.port = null;
    void closeSerialPort(port).catch(() => {});
    if (this.closed) return;
    this.setCondition({ state: 'error', problem: 'disconnected', detail: error.message });
    this.reconnector.reset();
    this.reconnector.schedule();
  }

  protected async stop(): Promise<void> {
    this.reconnector.stop();
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    const port = this.port;
    this.port = null;
    if (port) await closeSerialPort(port);
  }
}
