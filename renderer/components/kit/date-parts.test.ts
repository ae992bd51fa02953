import { describe, expect, it } from 'vitest';
import { daysInMonth, joinDate, splitDate } from './date-parts';

describe('date parts', () => {
  it('splits and joins an ISO date', () => {
    expect(splitDate('1990-05-07')).toEqual({ year: '1990', month: '5', day: '7' });
    expect(joinDate({ year: '1990', month: '5', day: '7' })).toBe('1990-05-07');
    expect(splitDate('')).toEqual({ year: '', month: '', day: '' });
  });

  it('is empty with nothing picked and null when partly picked', () => {
    expect(joinDate({ year: '', month: '', day: '' })).toBe('');
    expect(joinDate({ year: '1990', month: '', day: '' })).toBeNull();
  });

  it('keeps the day inside the month', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(joinDate({ year: '2023', month: '2', day: '31' })).toBe('2023-02-28');
  });
});
