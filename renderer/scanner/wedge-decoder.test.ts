import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWedgeDecoder, type WedgeConfig, type WedgeDecoder } from './wedge-decoder';

type Step = { key: string; at: number };

/** Feeds timed keys (running the timeout the way the hook's timer would) and records what came out. */
function run(steps: Step[], config: Partial<WedgeConfig> = {}) {
  const decoder = createWedgeDecoder(config);
  const scans: string[] = [];
  let typed = '';
  const passed: string[] = [];
  const fireTimer = (until: number, d: WedgeDecoder) => {
    const due = d.deadline();
    if (due !== null && due <= until) typed += d.timeout(due);
  };
  for (const step of steps) {
    fireTimer(step.at, decoder);
    const out = decoder.feed(step.key, step.at);
    typed += out.flushed;
    if (out.scan !== null) scans.push(out.scan);
    if (!out.consumed) passed.push(step.key);
  }
  typed += decoder.flush();
  return { scans, typed, passed };
}

function burst(text: string, start: number, gap: number, terminator = 'Enter'): Step[] {
  const steps = [...text].map((key, i) => ({ key, at: start + i * gap }));
  return [...steps, { key: terminator, at: start + text.length * gap }];
}

describe('wedge decoder', () => {
  it('takes a fast burst ending in Enter as a scan and swallows the Enter', () => {
    const { scans, typed, passed } = run(burst('8800012345', 1000, 8));
    expect(scans).toEqual(['8800012345']);
    expect(typed).toBe('');
    expect(passed).toEqual([]);
  });

  it('accepts Tab as a terminator too', () => {
    expect(run(burst('ABC12345', 0, 10, 'Tab')).scans).toEqual(['ABC12345']);
  });

  it('treats human-speed typing as typing and lets Enter through', () => {
    const { scans, typed, passed } = run(burst('13800138000', 0, 120));
    expect(scans).toEqual([]);
    expect(typed).toBe('13800138000');
    expect(passed).toEqual(['Enter']);
  });

  it('does not take a short fast burst as a scan', () => {
    const { scans, typed, passed } = run(burst('123', 0, 5));
    expect(scans).toEqual([]);
    expect(typed).toBe('123');
    expect(passed).toEqual(['Enter']);
  });

  it('does not take a burst with one long pause as a scan', () => {
    const steps = [
      ...[...'12345'].map((key, i) => ({ key, at: i * 10 })),
      ...[...'67890'].map((key, i) => ({ key, at: 240 + i * 10 })),
      { key: 'Enter', at: 300 },
    ];
    const { scans, typed } = run(steps);
    expect(scans).toEqual([]);
    expect(typed).toBe('1234567890');
  });

  it('tolerates one gap of exactly the limit inside an otherwise fast scan', () => {
    const steps = [
      ...[...'1234'].map((key, i) => ({ key, at: i * 5 })),
      ...[...'5678'].map((key, i) => ({ key, at: 95 + i * 5 })),
      { key: 'Enter', at: 115 },
    ];
    expect(run(steps).scans).toEqual(['12345678']);
  });

  it('rejects a single gap above the limit when the timeout is set longer', () => {
    const steps = [
      ...[...'1234'].map((key, i) => ({ key, at: i * 5 })),
      ...[...'5678'].map((key, i) => ({ key, at: 105 + i * 5 })),
      { key: 'Enter', at: 125 },
    ];
    const { scans, typed } = run(steps, { burstTimeoutMs: 200, maxAvgGapMs: 50 });
    expect(scans).toEqual([]);
    expect(typed).toBe('12345678');
  });

  it('rejects a burst that is quick but steadily slower than the mean limit', () => {
    const { scans, typed } = run(burst('12345678', 0, 50));
    expect(scans).toEqual([]);
    expect(typed).toBe('12345678');
  });

  it('flushes held text when the burst times out without a terminator', () => {
    const decoder = createWedgeDecoder();
    expect(decoder.feed('a', 0).consumed).toBe(true);
    expect(decoder.feed('b', 20).consumed).toBe(true);
    expect(decoder.timeout(60)).toBe('');
    expect(decoder.deadline()).toBe(101);
    expect(decoder.timeout(101)).toBe('ab');
    expect(decoder.deadline()).toBeNull();
  });

  it('strips a configured prefix and suffix and requires them', () => {
    const config = { prefix: '#', suffix: '$' };
    expect(run(burst('#12345678$', 0, 5), config).scans).toEqual(['12345678']);
    const missing = run(burst('12345678$', 0, 5), config);
    expect(missing.scans).toEqual([]);
    expect(missing.typed).toBe('12345678$');
    // The length rule counts the code only, not its framing.
    expect(run(burst('#12345$', 0, 5), config).scans).toEqual([]);
  });

  it('honours custom timing', () => {
    const slowScanner = { maxAvgGapMs: 60, maxGapMs: 100, burstTimeoutMs: 100, minLength: 4 };
    expect(run(burst('1234', 0, 55), slowScanner).scans).toEqual(['1234']);
    expect(run(burst('1234', 0, 55)).scans).toEqual([]);
  });

  const keyArb = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...'0123456789abcXYZ-# 中') },
    { weight: 1, arbitrary: fc.constantFrom('Enter', 'Tab') },
  );

  it('never sees a scan in keys at least 100 ms apart', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.integer({ min: 100, max: 5000 })), { maxLength: 80 }), (keys) => {
        let at = 0;
        const steps = keys.map(([key, gap]) => ({ key, at: (at += gap) }));
        expect(run(steps).scans).toEqual([]);
      }),
    );
  });

  it('loses and duplicates nothing: scans plus typed text equal the printable input', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.integer({ min: 0, max: 150 })), { maxLength: 120 }), (keys) => {
        let at = 0;
        const steps = keys.map(([key, gap]) => ({ key, at: (at += gap) }));
        const decoder = createWedgeDecoder();
        let out = '';
        for (const step of steps) {
          const due = decoder.deadline();
          if (due !== null && due <= step.at) out += decoder.timeout(due);
          const result = decoder.feed(step.key, step.at);
          out += result.flushed + (result.scan ?? '');
        }
        out += decoder.flush();
        const printable = steps
          .map((s) => s.key)
          .filter((k) => k !== 'Enter' && k !== 'Tab')
          .join('');
        expect(out).toBe(printable);
      }),
    );
  });
});
