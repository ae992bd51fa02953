// A scanner with no hardware: the set-up screen's "test scan" and the tests inject codes, which
// then travel exactly the path a real scanner's data takes (framing, AIM prefix, routing).
import { BaseDevice } from '../device';
import { splitAimPrefix } from '../scanner/symbology';

export class SimulatedScanner extends BaseDevice {
  protected async start(): Promise<void> {
    this.setCondition({ state: 'idle', problem: null, detail: null });
  }

  protected async stop(): Promise<void> {}

  /** Returns false when the device is not enabled (the data would have been dropped). */
  inject(text: string, symbology?: string): boolean {
    if (!this.enabled || this.closed) return false;
    const split = splitAimPrefix(text);
    this.deliver(symbology ? { text: split.text, symbology } : split);
    return true;
  }
}
