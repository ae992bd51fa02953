// What the diagnostics screen computes for display: sizes a person reads aloud on the phone, how
// full the disk bar is, and the browser's own version in the browser host (the core cannot know
// which Chromium a plain browser runs). Pure, so it is tested without a page.

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB", 52_428_800 → "50 MB": binary steps, at most one decimal, none for bytes. */
export function formatBytes(bytes: number, lng: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** The used share of the disk, 0..1 (0 when the total is unknown). */
export function usedFraction(disk: { freeBytes: number; totalBytes: number }): number {
  if (!(disk.totalBytes > 0)) return 0;
  return Math.min(1, Math.max(0, (disk.totalBytes - disk.freeBytes) / disk.totalBytes));
}

/** "Chromium 131.0.6778.85" (or Chrome, Edge) from a user agent; null when it names none of them. */
export function browserVersion(userAgent: string): string | null {
  // Edge names Chrome too, and Chromium builds may name both: the most specific name wins.
  for (const [token, name] of [
    ['Edg', 'Edge'],
    ['Chromium', 'Chromium'],
    ['Chrome', 'Chrome'],
    ['Firefox', 'Firefox'],
  ] as const) {
    const match = new RegExp(`${token}/([\\d.]+)`).exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return null;
}
