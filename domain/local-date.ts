// Calendar days in the store's time zone, as YYYY-MM-DD. China has one offset and no daylight
// saving, so a fixed offset in minutes (480 for UTC+8) is enough and keeps this pure.

export function localDate(at: Date | string, offsetMinutes: number): string {
  const ms = (typeof at === 'string' ? Date.parse(at) : at.getTime()) + offsetMinutes * 60_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant a local day starts, as an ISO timestamp (for "since" queries). */
export function startOfLocalDay(day: string, offsetMinutes: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMinutes * 60_000).toISOString();
}

export function isLocalDay(value: unknown): value is string {
  return (
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  );
}
