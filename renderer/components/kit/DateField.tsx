import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysInMonth, joinDate, splitDate, type DateParts } from './date-parts';

interface DateFieldProps {
  /** 'YYYY-MM-DD' or ''. */
  value: string;
  /** Called with 'YYYY-MM-DD', '' (cleared) or 'partial' while only some parts are picked. */
  onChange(value: string): void;
  testId: string;
  /** The earliest year offered (birthdays: 1900). */
  fromYear: number;
  toYear: number;
}

/** Year, month and day as three touch-sized picks, in the order every language here writes them. */
export function DateField({ value, onChange, testId, fromYear, toYear }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  // The language's own way of writing each part (1990年 · 5月 · 7日; 1990 · May · 7): three
  // formatters per language, not one per option of the picks.
  const format = useMemo(() => {
    const of = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(i18n.language, { ...options, timeZone: 'UTC' });
    return { year: of({ year: 'numeric' }), month: of({ month: 'long' }), day: of({ day: 'numeric' }) };
  }, [i18n.language]);
  // The picks live here: a partly picked date has no value the form could hold.
  const [parts, setParts] = useState<DateParts>(() => splitDate(value));
  const set = (patch: Partial<DateParts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    onChange(joinDate(next) ?? 'partial');
  };
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => toYear - i);
  const days = parts.year && parts.month ? daysInMonth(Number(parts.year), Number(parts.month)) : 31;
  return (
    <span className="date-field" data-testid={testId}>
      <select
        className="input"
        aria-label={t('dates.year')}
        value={parts.year}
        data-testid={`${testId}-year`}
        onChange={(e) => set({ year: e.target.value })}
      >
        <option value="">{t('dates.year')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {format.year.format(Date.UTC(y, 0, 1))}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t('dates.month')}
        value={parts.month}
        data-testid={`${testId}-month`}
        onChange={(e) => set({ month: e.target.value })}
      >
        <option value="">{t('dates.month')}</option>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
          <option key={m} value={m}>
            {format.month.format(Date.UTC(2000, m - 1, 1))}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t('dates.day')}
        value={parts.day}
        data-testid={`${testId}-day`}
        onChange={(e) => set({ day: e.target.value })}
      >
        <option value="">{t('dates.day')}</option>
        {Array.from({ length: days }, (_, i) => i + 1).map((d) => (
          <option key={d} value={d}>
            {format.day.format(Date.UTC(2000, 0, d))}
          </option>
        ))}
      </select>
    </span>
  );
}
