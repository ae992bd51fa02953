// A date typed as three picks (year, month, day) instead of the browser's date input, whose
// format follows the machine's locale (mm/dd/yyyy on an English system even in the Chinese UI).

export interface DateParts {
  year: string;
  month: string;
  day: string;
}

export function splitDate(value: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) } : { year: '', month: '', day: '' };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * 'YYYY-MM-DD' once all three are picked, '' while none is, and null while the date is partly
 * picked (the form says so instead of dropping what was picked). A day past the month's end is
 * brought back to its last day (31 → 30 when April is picked after the day).
 */
export function joinDate({ year, month, day }: DateParts): string | null {
  if (!year && !month && !day) return '';
  if (!year || !month || !day) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Math.min(Number(day), daysInMonth(y, m));
  return `${year.padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
