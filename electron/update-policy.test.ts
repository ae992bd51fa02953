import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  decideDownload,
  decideInstall,
  defaultQuietHours,
  isInQuietHours,
  isInRollout,
  localMinuteOfDay,
  parseQuietHours,
  rolloutBucket,
  updateSettingsFromEnv,
} from './update-policy';

const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('quiet hours', () => {
  it('a window inside one day: start in, end out', () => {
    const w = { start: '02:00', end: '05:00' };
    expect(isInQuietHours(w, at('01:59'))).toBe(false);
    expect(isInQuietHours(w, at('02:00'))).toBe(true);
    expect(isInQuietHours(w, at('04:59'))).toBe(true);
    expect(isInQuietHours(w, at('05:00'))).toBe(false);
    expect(isInQuietHours(w, at('14:00'))).toBe(false);
  });

  it('a window across midnight', () => {
    const w = { start: '22:30', end: '05:00' };
    expect(isInQuietHours(w, at('22:29'))).toBe(false);
    expect(isInQuietHours(w, at('22:30'))).toBe(true);
    expect(isInQuietHours(w, at('23:59'))).toBe(true);
    expect(isInQuietHours(w, at('00:00'))).toBe(true);
    expect(isInQuietHours(w, at('04:59'))).toBe(true);
    expect(isInQuietHours(w, at('05:00'))).toBe(false);
    expect(isInQuietHours(w, at('12:00'))).toBe(false);
  });

  it('parses the setting and refuses nonsense', () => {
    expect(parseQuietHours('23:00-04:30')).toEqual({ start: '23:00', end: '04:30' });
    expect(parseQuietHours(' 01:00 - 03:00 ')).toEqual({ start: '01:00', end: '03:00' });
    for (const bad of ['', '25:00-03:00', '3:00-04:00', '01:00', '01:00-01:00', '01:00-02:00-03:00', 'night']) {
      expect(parseQuietHours(bad)).toBeNull();
    }
    expect(parseQuietHours(undefined)).toBeNull();
    expect(defaultQuietHours).toEqual({ start: '02:00', end: '05:00' });
  });

  it('uses the store clock, not the OS zone', () => {
    // 18:30 UTC is 02:30 in Shanghai (UTC+8): inside the default window there.
    const now = new Date('2026-12-01T18:30:00Z');
    expect(localMinuteOfDay(now, 480)).toBe(at('02:30'));
    expect(localMinuteOfDay(now, 0)).toBe(at('18:30'));
    expect(localMinuteOfDay(new Date('2026-12-01T00:10:00Z'), -60)).toBe(at('23:10'));
  });
});

describe('staged rollout', () => {
  it('puts a terminal in the same bucket every time', () => {
    const id = '01JDQX8Z4N6V2W3Y5A7B9C1D3E';
    expect(rolloutBucket(id)).toBe(rolloutBucket(id));
    expect(rolloutBucket(id)).toBeGreaterThanOrEqual(0);
    expect(rolloutBucket(id)).toBeLessThan(100);
  });

  it('a release at N % reaches about N % of terminals, and raising N never drops one', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `terminal-${i}`);
    const share = (p: number) => ids.filter((id) => isInRollout(id, p)).length / ids.length;
    expect(share(10)).toBeGreaterThan(0.07);
    expect(share(10)).toBeLessThan(0.13);
    expect(share(50)).toBeGreaterThan(0.45);
    expect(share(50)).toBeLessThan(0.55);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (id, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return !isInRollout(id, low) || isInRollout(id, high);
      }),
    );
  });

  it('0 % reaches nobody, 100 % or no percentage reaches everyone', () => {
    expect(isInRollout('x', 0)).toBe(false);
    expect(isInRollout('x', 100)).toBe(true);
    expect(isInRollout('x', undefined)).toBe(true);
  });
});

describe('versions', () => {
  it('orders semantic versions, pre-releases below their release', () => {
    expect(compareVersions('0.2.0', '0.1.9')).toBeGreaterThan(0);
    expect(compareVersions('0.10.0', '0.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('v1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta.10', '1.0.0-beta.2')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0-beta.9')).toBeGreaterThan(0);
    expect(compareVersions('latest', '1.0.0')).toBeNull();
  });
});

describe('decideDownload', () => {
  const terminalId = 'SH-001-terminal';
  it('fetches a newer release for a terminal in the rollout', () => {
    expect(decideDownload({ currentVersion: '0.1.0', offered: { version: '0.2.0' }, terminalId })).toEqual({
      action: 'download',
    });
  });

  it('refuses a downgrade, the same version and a broken version', () => {
    expect(decideDownload({ currentVersion: '0.2.0', offered: { version: '0.1.0' }, terminalId })).toEqual({
      action: 'skip',
      reason: 'downgrade',
    });
    expect(decideDownload({ currentVersion: '0.2.0', offered: { version: '0.2.0' }, terminalId }).action).toBe('skip');
    expect(decideDownload({ currentVersion: '0.2.0', offered: { version: 'x' }, terminalId })).toEqual({
      action: 'skip',
      reason: 'not-a-version',
    });
  });

  it('waits outside a staged rollout', () => {
    const bucket = rolloutBucket(terminalId);
    const offered = (stagingPercentage: number) => ({ version: '0.2.0', stagingPercentage });
    expect(decideDownload({ currentVersion: '0.1.0', offered: offered(bucket), terminalId })).toEqual({
      action: 'skip',
      reason: 'not-in-rollout',
    });
    expect(decideDownload({ currentVersion: '0.1.0', offered: offered(bucket + 1), terminalId }).action).toBe(
      'download',
    );
  });
});

describe('decideInstall', () => {
  const base = {
    currentVersion: '0.1.0',
    downloadedVersion: '0.2.0',
    quietHours: { start: '23:00', end: '04:00' },
    minuteOfDay: at('01:00'),
    saleInProgress: false,
  };
  it('installs in the quiet hour when nobody is selling', () => {
    expect(decideInstall(base)).toEqual({ action: 'install' });
  });
  it('never during a sale, even in the quiet hour', () => {
    expect(decideInstall({ ...base, saleInProgress: true })).toEqual({ action: 'wait', reason: 'sale-in-progress' });
  });
  it('waits for the quiet hour', () => {
    expect(decideInstall({ ...base, minuteOfDay: at('10:00') })).toEqual({
      action: 'wait',
      reason: 'outside-quiet-hours',
    });
  });
  it('never installs an older build', () => {
    expect(decideInstall({ ...base, downloadedVersion: '0.0.9' })).toEqual({ action: 'wait', reason: 'downgrade' });
  });
});

describe('updateSettingsFromEnv', () => {
  it('is off without a feed, and takes the hub URL and quiet hours', () => {
    expect(updateSettingsFromEnv({})).toEqual({ feedUrl: null, quietHours: defaultQuietHours });
    expect(
      updateSettingsFromEnv({
        LINLI_UPDATE_URL: 'https://hub.example.cn/updates/',
        LINLI_UPDATE_QUIET_HOURS: '23:30-04:00',
      }),
    ).toEqual({ feedUrl: 'https://hub.example.cn/updates/', quietHours: { start: '23:30', end: '04:00' } });
  });
  it('refuses a feed that is not http(s) and falls back to the default window', () => {
    expect(updateSettingsFromEnv({ LINLI_UPDATE_URL: 'file:///tmp/x', LINLI_UPDATE_QUIET_HOURS: 'late' })).toEqual({
      feedUrl: null,
      quietHours: defaultQuietHours,
    });
  });
});
