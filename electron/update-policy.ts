// Pure update decisions for the kiosk (electron/updater.ts applies them to electron-updater): which
// terminals take a release (staged rollout), whether it is newer (never a downgrade), and when it may
// be installed (the quiet hour, never during a sale). No I/O, no clock of its own.
import { createHash } from 'node:crypto';

/** A daily window in the store's local time, "HH:MM" to "HH:MM"; it may cross midnight (22:30-05:00). */
export interface QuietHours {
  start: string;
  end: string;
}

export const defaultQuietHours: QuietHours = { start: '02:00', end: '05:00' };

const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for "HH:MM"; null when it is not a valid 24-hour time. */
export function parseClock(text: string): number | null {
  const match = clockPattern.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "02:00-05:00" (the LINLI_UPDATE_QUIET_HOURS setting) -> a window; null when malformed or empty. */
export function parseQuietHours(text: string | undefined): QuietHours | null {
  if (!text) return null;
  const [start, end, ...rest] = text.split('-').map((part) => part.trim());
  if (rest.length > 0 || start === undefined || end === undefined) return null;
  const from = parseClock(start);
  const to = parseClock(end);
  if (from === null || to === null || from === to) return null;
  return { start, end };
}

/** Is `minuteOfDay` (0..1439, store local time) inside the window? The start is in, the end is out. */
export function isInQuietHours(window: QuietHours, minuteOfDay: number): boolean {
  const from = parseClock(window.start);
  const to = parseClock(window.end);
  if (from === null || to === null || from === to) return false;
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

/** The store's local minute of the day for an instant, from the store's UTC offset (not the OS zone). */
export function localMinuteOfDay(now: Date, utcOffsetMinutes: number): number {
  const minutes = Math.floor(now.getTime() / 60_000) + utcOffsetMinutes;
  return ((minutes % 1440) + 1440) % 1440;
}

/**
 * The terminal's rollout bucket, 0..99: the same terminal always lands in the same bucket, and
 * terminals spread evenly. A release at N % goes to buckets 0..N-1, so raising N only adds terminals.
 */
export function rolloutBucket(terminalId: string): number {
  return createHash('sha256').update(`linli-rollout:${terminalId}`).digest().readUInt32BE(0) % 100;
}

/** Within a staged rollout of `percentage` (electron-builder's stagingPercentage; absent = everyone). */
export function isInRollout(terminalId: string, percentage: number | undefined): boolean {
  if (percentage === undefined || !Number.isFinite(percentage)) return true;
  if (percentage <= 0) return false;
  if (percentage >= 100) return true;
  return rolloutBucket(terminalId) < percentage;
}

const versionPattern = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Semantic version order: negative when a < b, 0 when equal, positive when a > b; null if either is not semver. */
export function compareVersions(a: string, b: string): number | null {
  const x = versionPattern.exec(a.trim());
  const y = versionPattern.exec(b.trim());
  if (!x || !y) return null;
  for (let i = 1; i <= 3; i++) {
    const diff = Number(x[i]) - Number(y[i]);
    if (diff !== 0) return diff;
  }
  const pa = x[4];
  const pb = y[4];
  if (pa === pb) return 0;
  if (pa === undefined) return 1; // 1.2.0 > 1.2.0-beta
  if (pb === undefined) return -1;
  const ia = pa.split('.');
  const ib = pb.split('.');
  for (let i = 0; i < Math.max(ia.length, ib.length); i++) {
    const sa = ia[i];
    const sb = ib[i];
    if (sa === undefined) return -1;
    if (sb === undefined) return 1;
    const na = /^\d+$/.test(sa) ? Number(sa) : null;
    const nb = /^\d+$/.test(sb) ? Number(sb) : null;
    if (na !== null && nb !== null && na !== nb) return na - nb;
    if (na !== null && nb === null) return -1;
    if (na === null && nb !== null) return 1;
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return 0;
}

export interface OfferedUpdate {
  /** The version the feed offers (latest.yml `version`). */
  version: string;
  /** latest.yml `stagingPercentage`: the share of terminals that take it now. */
  stagingPercentage?: number | undefined;
}

export type DownloadDecision =
  { action: 'download' } | { action: 'skip'; reason: 'not-newer' | 'downgrade' | 'not-a-version' | 'not-in-rollout' };

/** Whether to fetch an offered release in the background. A lower version is refused, whatever the feed says. */
export function decideDownload(input: {
  currentVersion: string;
  offered: OfferedUpdate;
  terminalId: string;
}): DownloadDecision {
  const order = compareVersions(input.offered.version, input.currentVersion);
  if (order === null) return { action: 'skip', reason: 'not-a-version' };
  if (order < 0) return { action: 'skip', reason: 'downgrade' };
  if (order === 0) return { action: 'skip', reason: 'not-newer' };
  if (!isInRollout(input.terminalId, input.offered.stagingPercentage))
    return { action: 'skip', reason: 'not-in-rollout' };
  return { action: 'download' };
}

export type InstallDecision =
  | { action: 'install' }
  | { action: 'wait'; reason: 'sale-in-progress' | 'outside-quiet-hours' | 'downgrade' | 'not-newer' };

/** Whether a downloaded release may be installed (the app restarts) right now. */
export function decideInstall(input: {
  currentVersion: string;
  downloadedVersion: string;
  quietHours: QuietHours;
  /** Store local time, minutes after midnight. */
  minuteOfDay: number;
  /** A sale (or anyone at the terminal) in progress: never restart under a cashier or a customer. */
  saleInProgress: boolean;
}): InstallDecision {
  const order = compareVersions(input.downloadedVersion, input.currentVersion);
  if (order === null || order < 0) return { action: 'wait', reason: 'downgrade' };
  if (order === 0) return { action: 'wait', reason: 'not-newer' };
  if (input.saleInProgress) return { action: 'wait', reason: 'sale-in-progress' };
  if (!isInQuietHours(input.quietHours, input.minuteOfDay)) return { action: 'wait', reason: 'outside-quiet-hours' };
  return { action: 'install' };
}

export interface UpdateSettings {
  /** The generic-provider feed (a folder with latest.yml / latest-linux.yml and the packages), or null: updates off. */
  feedUrl: string | null;
  quietHours: QuietHours;
}

/**
 * LINLI_UPDATE_URL (e.g. the hub's https://hub.example.cn/updates/) and LINLI_UPDATE_QUIET_HOURS
 * ("02:00-05:00", store local time). A feed that is not http(s) is refused: updates stay off.
 */
export function updateSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): UpdateSettings {
  const quietHours = parseQuietHours(env.LINLI_UPDATE_QUIET_HOURS) ?? defaultQuietHours;
  const raw = env.LINLI_UPDATE_URL?.trim();
  if (!raw) return { feedUrl: null, quietHours };
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { feedUrl: null, quietHours };
    return { feedUrl: url.href, quietHours };
  } catch {
    return { feedUrl: null, quietHours };
  }
}
