/**
 * Tells a keyboard-wedge scanner apart from a person typing. A wedge scanner "types" a whole code
 * in a few milliseconds and ends it with Enter (or Tab); people type much slower. Pure: the caller
 * feeds keys with their timestamps and asks for timeouts, so the rules are testable without a DOM.
 */

export interface WedgeConfig {
  /** Fewest characters between prefix and suffix for a burst to count as a scan. */
  minLength: number;
  /** Largest mean gap between consecutive keys of a scan (terminator included). */
  maxAvgGapMs: number;
  /** Largest single gap inside a scan. */
  maxGapMs: number;
  /** Silence after which a burst is over; whatever was held is then typing. */
  burstTimeoutMs: number;
  /** Keys that end a scan. */
  terminators: readonly string[];
  /** Text some scanners send before the code; required when set, and stripped from the scan. */
  prefix: string;
  /** Text some scanners send after the code (before the terminator); required when set, and stripped. */
  suffix: string;
}

export const defaultWedgeConfig: WedgeConfig = {
  minLength: 6,
  maxAvgGapMs: 35,
  maxGapMs: 80,
  burstTimeoutMs: 80,
  terminators: ['Enter', 'Tab'],
  prefix: '',
  suffix: '',
};

export interface FeedResult {
  /** Held text that turned out to be typing: deliver it before the current key takes effect. */
  flushed: string;
  /** A complete scan (prefix and suffix removed), or null. */
  scan: string | null;
  /** True when the decoder took the key: the caller must keep it from reaching the page. */
  consumed: boolean;
}

export interface WedgeDecoder {
  readonly config: WedgeConfig;
  /** A printable character or a terminator key, with the time it was pressed. */
  feed(key: string, timeMs: number): FeedResult;
  /** Call when the deadline passes: returns the held text if the burst is over, else ''. */
  timeout(timeMs: number): string;
  /** Gives up the current burst (a non-printable key, focus change): returns everything held. */
  flush(): string;
  /** When timeout() should next be called, or null when nothing is held. */
  deadline(): number | null;
  /** Text currently held. */
  pending(): string;
}

export function isTerminator(config: WedgeConfig, key: string): boolean {
  return config.terminators.includes(key);
}

export function createWedgeDecoder(overrides: Partial<WedgeConfig> = {}): WedgeDecoder {
  const config: WedgeConfig = { ...defaultWedgeConfig, ...overrides };
  let chars: string[] = [];
  let firstAt = 0;
  let lastAt = 0;
  let maxGap = 0;

  const reset = (): string => {
    const text = chars.join('');
    chars = [];
    maxGap = 0;
    return text;
  };

  const burstOver = (timeMs: number) => chars.length > 0 && timeMs - lastAt > config.burstTimeoutMs;

  const asScan = (terminatorAt: number): string | null => {
    const gap = terminatorAt - lastAt;
    const worstGap = Math.max(maxGap, gap);
    const meanGap = (terminatorAt - firstAt) / chars.length;
    if (worstGap > config.maxGapMs || meanGap > config.maxAvgGapMs) return null;
    const raw = chars.join('');
    if (raw.length < config.prefix.length + config.suffix.length) return null;
    if (!raw.startsWith(config.prefix) || !raw.endsWith(config.suffix)) return null;
    const body = raw.slice(config.prefix.length, raw.length - config.suffix.length);
    return [...body].length >= config.minLength ? body : null;
  };

  return {
    config,
    feed(key, timeMs) {
      // A missed timer (a busy main thread) must not glue two bursts together.
      const flushed = burstOver(timeMs) ? reset() : '';
      if (isTerminator(config, key)) {
        if (chars.length === 0) return { flushed, scan: null, consumed: false };
        const scan = asScan(timeMs);
        const held = reset();
        return scan === null
          ? { flushed: flushed + held, scan: null, consumed: false }
          : { flushed, scan, consumed: true };
      }
      if (chars.length === 0) firstAt = timeMs;
      else maxGap = Math.max(maxGap, timeMs - lastAt);
      chars.push(key);
      lastAt = timeMs;
      return { flushed, scan: null, consumed: true };
    },
    timeout(timeMs) {
      return burstOver(timeMs) ? reset() : '';
    },
    flush() {
      return reset();
    },
    deadline() {
      return chars.length === 0 ? null : lastAt + config.burstTimeoutMs + 1;
    },
    pending() {
      return chars.join('');
    },
  };
}
