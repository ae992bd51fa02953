import { describe, expect, it } from 'vitest';
import { browserVersion, formatBytes, usedFraction } from './diagnostics-view';

describe('formatBytes', () => {
  it('reads as a person says it', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 ** 2, 'en')).toBe('50 MB');
    expect(formatBytes(118.4 * 1024 ** 3, 'en')).toBe('118 GB');
    expect(formatBytes(-1, 'en')).toBe('—');
  });
});

describe('usedFraction', () => {
  it('is the used share, kept within 0..1', () => {
    expect(usedFraction({ freeBytes: 25, totalBytes: 100 })).toBe(0.75);
    expect(usedFraction({ freeBytes: 0, totalBytes: 0 })).toBe(0);
    expect(usedFraction({ freeBytes: 120, totalBytes: 100 })).toBe(0);
  });
});

describe('browserVersion', () => {
  it('names the browser from its user agent', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36';
    expect(browserVersion(chrome)).toBe('Chrome 131.0.6778.85');
    expect(browserVersion(`${chrome} Edg/131.0.2903.70`)).toBe('Edge 131.0.2903.70');
    expect(browserVersion('curl/8.0')).toBeNull();
  });
});
