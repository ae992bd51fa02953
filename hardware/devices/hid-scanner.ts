// A USB HID scanner read through hidraw: HID POS mode (usage page 0x8C) or keyboard mode.
// Keyboard-mode keys still reach the focused window (hidraw does not grab): use this on terminals
// where the window takes no keyboard input, or switch the scanner to HID POS mode.
import { BaseDevice, Reconnector, problemFromError } from '../device';
import { createHidPosDecoder, hidPosUsagePage } from '../scanner/hid-pos';
import { createKeyboardReportDecoder } from '../scanner/hid-keyboard';
import { splitAimPrefix } from '../scanner/symbology';
import { loadHid, type HidHandle } from '../transports/hid';
import type { ReconnectTiming } from './serial-scanner';

export class HidScanner extends BaseDevice {
  private handle: HidHandle | null = null;
  private readonly reconnector: Reconnector;

  constructor(
    readonly vendorId: number,
    readonly productId: number,
    readonly mode: 'pos' | 'keyboard',
    timing: ReconnectTiming,
  ) {
    super();
    this.reconnector = new Reconnector(() => this.attempt(), timing.reconnectMs, timing.reconnectMaxMs * 4);
  }

  protected async start(): Promise<void> {
    this.setCondition({ state: 'busy', problem: null, detail: null });
    if (!(await this.attempt())) this.reconnector.schedule();
  }

  private async attempt(): Promise<boolean> {
    if (this.closed) return true;
    let hid;
    try {
      hid = await loadHid();
    } catch (error) {
      this.setCondition({ state: 'error', problem: 'unavailable', detail: (error as Error).message });
      return false;
    }
    try {
      const all = await hid.devicesAsync();
      const mine = all.filter((d) => d.vendorId === this.vendorId && d.productId === this.productId && d.path);
      const wanted = mine.find((d) => (this.mode === 'pos' ? d.usagePage === hidPosUsagePage : d.usagePage === 0x01 && d.usage === 6)) ?? mine[0];
      if (!wanted) {
        this.setCondition({ state: 'error', problem: 'disconnected', detail: null });
        return false;
      }
      const handle = await hid.open(wanted.path!);
      if (this.closed) {
        await handle.close();
        return true;
      }
      const pos = createHidPosDecoder();
      const keys = createKeyboardReportDecoder();
      handle.on('data', (report) => {
        if (this.mode === 'pos') {
          const scan = pos.push(report);
          if (scan) this.deliver(scan);
        } else {
          const text = keys.push(report);
          if (text) this.deliver(splitAimPrefix(text));
        }
      });
      handle.on('error', (error) => this.lost(handle, error));
      this.handle = handle;
      this.setCondition({ state: 'idle', problem: null, detail: null });
      return true;
    } catch (error) {
      const { problem, detail } = problemFromError(error);
      this.setCondition({ state: 'error', problem, detail });
      return false;
    }
  }

  private lost(handle: HidHandle, error: Error): void {
    if (this.handle !== handle) return;
    this.handle = null;
    void handle.close().catch(() => {});
    if (this.closed) return;
    this.setCondition({ state: 'error', problem: 'disconnected', detail: error.message });
    this.reconnector.schedule();
  }

  protected async stop(): Promise<void> {
    this.reconnector.stop();
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => {});
  }
}
