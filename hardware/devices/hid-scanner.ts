// A USB HID scanner read through hidraw: HID POS mode (usage page 0x8C) or keyboard mode.
// Keyboard-mode keys still reach the focused window (hidraw does not grab): use this on terminals
// where the window takes no keyboard input, or switch the scanner to HID POS mode.
import { ReconnectingDevice } from '../device';
import { createHidPosDecoder, hidPosUsagePage } from '../scanner/hid-pos';
import { createKeyboardReportDecoder } from '../scanner/hid-keyboard';
import { splitAimPrefix } from '../scanner/symbology';
import { loadHid, type HidHandle } from '../transports/hid';
import type { ReconnectTiming } from './serial-scanner';

export class HidScanner extends ReconnectingDevice<HidHandle> {
  constructor(
    readonly vendorId: number,
    readonly productId: number,
    readonly mode: 'pos' | 'keyboard',
    timing: ReconnectTiming,
  ) {
    // Looking for a USB device is cheap but pointless every second: back off further than serial.
    super({ reconnectMs: timing.reconnectMs, reconnectMaxMs: timing.reconnectMaxMs * 4 });
  }

  protected async connect(): Promise<HidHandle | null> {
    let hid;
    try {
      hid = await loadHid();
    } catch (error) {
      this.setCondition({ state: 'error', problem: 'unavailable', detail: (error as Error).message });
      return null;
    }
    const all = await hid.devicesAsync();
    const mine = all.filter((d) => d.vendorId === this.vendorId && d.productId === this.productId && d.path);
    const wanted =
      mine.find((d) =>
        this.mode === 'pos' ? d.usagePage === hidPosUsagePage : d.usagePage === 0x01 && d.usage === 6,
      ) ?? mine[0];
    if (!wanted) {
      this.setCondition({ state: 'error', problem: 'disconnected', detail: null });
      return null;
    }
    const handle = await hid.open(wanted.path!);
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
    return handle;
  }

  protected async disconnect(handle: HidHandle): Promise<void> {
    await handle.close();
  }
}
