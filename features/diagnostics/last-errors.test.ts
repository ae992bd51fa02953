import { describe, expect, it } from 'vitest';
import { logErrorsIn, newestErrors } from './last-errors';

const line = (level: number | string, time: number | string, msg?: string, extra: object = {}) =>
  JSON.stringify({ level, time, pid: 1, hostname: 'kiosk', ...(msg === undefined ? {} : { msg }), ...extra });

const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('logErrorsIn', () => {
  it('keeps warn, error and fatal lines and skips info, garbage and half-written lines', () => {
    const text = [
      line(30, t0, 'started'),
      'not json at all',
      line(40, t0 + 1000, 'printer slow'),
      '{"level":50,"time":',
      line(50, t0 + 2000, 'sale failed'),
      '[1,2,3]',
      line(60, t0 + 3000, 'out of memory'),
      '',
    ].join('\n');
    expect(logErrorsIn(text, 'core.log').map((e) => [e.level, e.msg])).toEqual([
      ['warn', 'printer slow'],
      ['error', 'sale failed'],
      ['fatal', 'out of memory'],
    ]);
  });

  it('reads the time as an ISO instant, a label level, and an error given without a message', () => {
    const [entry] = logErrorsIn(line('error', t0, undefined, { err: { message: 'EACCES /dev/ttyUSB0' } }), 'a.log');
    expect(entry).toMatchObject({ level: 'error', msg: 'EACCES /dev/ttyUSB0', time: '2026-12-01T09:00:00.000Z' });
  });

  it('skips lines without a usable time', () => {
    expect(logErrorsIn([line(50, 'yesterday', 'x'), JSON.stringify({ level: 50, msg: 'x' })].join('\n'), 'a')).toEqual(
      [],
    );
  });

  it('shortens a very long message', () => {
    const [entry] = logErrorsIn(line(50, t0, 'x'.repeat(2000)), 'a.log');
    expect(entry!.msg.length).toBeLessThan(510);
  });
});

describe('newestErrors', () => {
  it('merges files newest first and keeps only the limit', () => {
    const a = Array.from({ length: 15 }, (_, i) => line(50, t0 + i * 2000, `a${i}`)).join('\n');
    const b = Array.from({ length: 15 }, (_, i) => line(40, t0 + i * 2000 + 1000, `b${i}`)).join('\n');
    const newest = newestErrors([
      { name: 'core.log', text: a },
      { name: 'core.1.log', text: b },
    ]);
    expect(newest).toHaveLength(20);
    expect(newest.slice(0, 3).map((e) => `${e.file}:${e.msg}`)).toEqual([
      'core.1.log:b14',
      'core.log:a14',
      'core.1.log:b13',
    ]);
    expect(newest[0]).not.toHaveProperty('ms');
  });
});
