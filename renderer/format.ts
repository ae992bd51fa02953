let storeTimeZone: string | undefined;

/**
 * Times on screen are the store's local time, as on its receipts, even when the terminal's OS
 * clock is set to another zone. IANA's Etc/GMT zones have the sign reversed (UTC+8 is Etc/GMT-8)
 * and exist for whole hours only; any other offset falls back to the terminal's own zone.
 */
export function setStoreUtcOffset(offsetMinutes: number | null | undefined): void {
  storeTimeZone =
    typeof offsetMinutes === 'number' && offsetMinutes % 60 === 0 && Math.abs(offsetMinutes) <= 14 * 60
      ? offsetMinutes === 0
        ? 'Etc/UTC'
        : `Etc/GMT${offsetMinutes > 0 ? '-' : '+'}${Math.abs(offsetMinutes) / 60}`
      : undefined;
}

/** ISO timestamps in the UI language and the store's time zone; an unparseable value is shown as it came. */
export function formatDateTime(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone: storeTimeZone }).format(
    date,
  );
}

/** A calendar date (YYYY-MM-DD) has no time zone; formatting it in UTC keeps the same day. */
export function formatDate(day: string | null | undefined, lng: string): string {
  if (!day) return '';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A card number in groups of four (8800 0000 0000 0880): read aloud and compared at a glance. */
export function formatCardNumber(card: string): string {
  return card.replace(/(\d{4})(?=\d)/g, '$1 ');
}
