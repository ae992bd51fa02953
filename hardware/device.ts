// The device model borrowed from UnifiedPOS: open → claim → enable, then data and status events;
// disable → release → close. Transports (how bytes move) are separate from protocols (what they mean).
import { EventEmitter } from 'node:events';
import type { DeviceProblem, DeviceState, PrinterHealth } from '../contract';

export interface DeviceCondition {
  state: DeviceState;
  health: PrinterHealth | null;
  problem: DeviceProblem | null;
  detail: string | null;
}

export interface ScanData {
  text: string;
  symbology?: string;
}

export interface DeviceEventMap {
  status: [DeviceCondition];
  data: [ScanData];
}

/** Claimed by someone else: UnifiedPOS E_CLAIMED. */
export class DeviceClaimedError extends Error {}

export abstract class BaseDevice extends EventEmitter<DeviceEventMap> {
  private condition: DeviceCondition = { state: 'closed', health: null, problem: null, detail: null };
  private claimed = false;
  protected enabled = false;
  protected closed = true;

  get status(): DeviceCondition {
    return this.condition;
  }

  protected setCondition(next: Partial<DeviceCondition>): void {
    const merged = { ...this.condition, ...next };
    const c = this.condition;
    if (
      merged.state === c.state &&
      merged.health === c.health &&
      merged.problem === c.problem &&
      merged.detail === c.detail
    )
      return;
    this.condition = merged;
    this.emit('status', merged);
  }

  /** Starts connecting (and reconnecting). Never throws for a missing device: that is a status. */
  async open(): Promise<void> {
    this.closed = false;
    await this.start();
  }

  claim(): void {
    if (this.claimed) throw new DeviceClaimedError('device already claimed');
    this.claimed = true;
  }

  release(): void {
    this.claimed = false;
    this.enabled = false;
  }

  /** Data events flow only while enabled. */
  enable(): void {
    if (!this.claimed) this.claim();
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.enabled = false;
    this.claimed = false;
    await this.stop();
    this.setCondition({ state: 'closed', problem: null, detail: null });
    this.removeAllListeners();
  }

  protected abstract start(): Promise<void>;
  protected abstract stop(): Promise<void>;

  protected deliver(data: ScanData): void {
    if (this.enabled && !this.closed) this.emit('data', data);
  }
}

/** Retries `attempt` with doubling delays until it succeeds or is stopped. One timer at a time. */
export class Reconnector {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delay: number;
  private stopped = false;

  constructor(
    private readonly attempt: () => Promise<boolean>,
    private readonly minMs: number,
    private readonly maxMs: number,
  ) {
    this.delay = minMs;
  }

  schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt()
        .catch(() => false)
        .then((ok) => {
          if (ok) this.delay = this.minMs;
          else {
            this.delay = Math.min(this.maxMs, this.delay * 2);
            this.schedule();
          }
        });
    }, this.delay);
    this.timer.unref?.();
  }

  reset(): void {
    this.delay = this.minMs;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * A device on a link that can vanish (a USB adapter, a serial port): connects, notices the link
 * going, and reconnects with back-off. Subclasses say how to open and close their link and call
 * `lost` from its error or close events.
 */
export abstract class ReconnectingDevice<Link> extends BaseDevice {
  private link: Link | null = null;
  private readonly reconnector: Reconnector;

  constructor(timing: { reconnectMs: number; reconnectMaxMs: number }) {
    super();
    this.reconnector = new Reconnector(() => this.attempt(), timing.reconnectMs, timing.reconnectMaxMs);
  }

  /** Opens the link and wires its events; null (with a status set) or a throw when it cannot. */
  protected abstract connect(): Promise<Link | null>;
  protected abstract disconnect(link: Link): Promise<void>;

  protected get connected(): Link | null {
    return this.link;
  }

  protected async start(): Promise<void> {
    this.setCondition({ state: 'busy', problem: null, detail: null });
    if (!(await this.attempt())) this.reconnector.schedule();
  }

  private async attempt(): Promise<boolean> {
    if (this.closed) return true;
    try {
      const link = await this.connect();
      if (!link) return false;
      if (this.closed) {
        await this.disconnect(link).catch(() => {});
        return true;
      }
      this.link = link;
      this.setCondition({ state: 'idle', problem: null, detail: null });
      return true;
    } catch (error) {
      const { problem, detail } = problemFromError(error);
      this.setCondition({ state: 'error', problem, detail });
      return false;
    }
  }

  protected lost(link: Link, error: Error): void {
    if (this.link !== link) return;
    this.link = null;
    void this.disconnect(link).catch(() => {});
    if (this.closed) return;
    this.setCondition({ state: 'error', problem: 'disconnected', detail: error.message });
    this.reconnector.reset();
    this.reconnector.schedule();
  }

  protected async stop(): Promise<void> {
    this.reconnector.stop();
    const link = this.link;
    this.link = null;
    if (link) await this.disconnect(link).catch(() => {});
  }
}

export function problemFromError(error: unknown): { problem: DeviceProblem; detail: string } {
  const e = error as NodeJS.ErrnoException;
  const detail = e?.message ?? String(error);
  if (e?.code === 'EACCES' || e?.code === 'EPERM' || /permission denied/i.test(detail))
    return { problem: 'noPermission', detail };
  if (e?.code === 'ENOENT' || e?.code === 'ENODEV' || e?.code === 'ENXIO' || /no such file|cannot open/i.test(detail))
    return { problem: 'disconnected', detail };
  return { problem: 'unreachable', detail };
}
