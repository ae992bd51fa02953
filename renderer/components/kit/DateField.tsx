import { useState } from 'react';
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
  // The language's own way of writing each part (1990年 · 5月 · 7日; 1990 · May · 7).
  const part = (options: Intl.DateTimeFormatOptions, m: number, d: number, y = 2000) =>
    new Intl.DateTimeFormat(i18n.language, { ...options, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
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
            {part({ year: 'numeric' }, 1, 1, y)}
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
            {part({ month: 'long' }, m, 1)}
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
            {part({ day: 'numeric' }, 1, d)}
          </option>
        ))}
      </select>
    </span>
  );
}
