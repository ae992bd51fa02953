import { describe, expect, it } from 'vitest';
import { canPrint, decodeStatus, healthOf, isStatusByte, statusBytesFor } from './status';

describe('DLE EOT status', () => {
  it('reads an idle printer (0x12 everywhere) as online', () => {
    expect(healthOf(decodeStatus({ printer: 0x12, offline: 0x12, paper: 0x12 }))).toBe('online');
  });

  it('decodes the documented bits', () => {
    expect(healthOf(decodeStatus({ printer: 0x1a, offline: 0x12, paper: 0x12 }))).toBe('offline');
    expect(healthOf(decodeStatus({ printer: 0x1a, offline: 0x16 }))).toBe('coverOpen');
    expect(healthOf(decodeStatus({ printer: 0x12, offline: 0x32 }))).toBe('paperOut');
    expect(healthOf(decodeStatus({ paper: 0x72 }))).toBe('paperOut');
    expect(healthOf(decodeStatus({ paper: 0x1e }))).toBe('paperNearEnd');
    expect(healthOf(decodeStatus({ offline: 0x52 }))).toBe('offline');
    expect(decodeStatus({ printer: 0x16 }).drawerPinHigh).toBe(true);
  });

  it('tells status replies from Auto Status Back and noise', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x1a)).toBe(true);
    expect(isStatusByte(0x72)).toBe(true);
    expect(isStatusByte(0x10)).toBe(false); // ASB first byte: bit 1 clear
    expect(isStatusByte(0x92)).toBe(false);
  });

  it('holds jobs for cover open, paper out and offline only', () => {
    expect(canPrint('online')).toBe(true);
    expect(canPrint('paperNearEnd')).toBe(true);
    expect(canPrint('unknown')).toBe(true);
    expect(canPrint('paperOut')).toBe(false);
    expect(canPrint('coverOpen')).toBe(false);
    expect(canPrint('offline')).toBe(false);
  });

  it('the simulator answers what the decoder reads back', () => {
    for (const health of ['online', 'offline', 'coverOpen', 'paperOut', 'paperNearEnd'] as const) {
      expect(healthOf(decodeStatus(statusBytesFor(health)))).toBe(health);
    }
  });
});
