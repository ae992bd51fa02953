import { describe, expect, it } from 'vitest';
import { isCrashReport, isLogFile, logFilesOldestFirst, logFilesToDelete, parseLogFileName } from './log-files';

describe('log file names', () => {
  it('knows our log files by base name and extension, and nothing else in the folder', () => {
    expect(isLogFile('linli.2026-12-02.1.log')).toBe(true);
    expect(isLogFile('hub.2026-12-02.3.log')).toBe(true);
    expect(isLogFile('hub.2026-12-02.3.log', 'linli')).toBe(false);
    expect(isLogFile('linli.sqlite')).toBe(false);
    expect(isLogFile('linli-backup.log')).toBe(false);
    expect(isLogFile('other.2026-12-02.1.log')).toBe(false);
  });

  it('reads the day and number back, and sorts by day, then number (not as text)', () => {
    expect(parseLogFileName('linli.2026-12-02.12.log')).toEqual({
      name: 'linli.2026-12-02.12.log',
      base: 'linli',
      date: '2026-12-02',
      number: 12,
    });
    expect(parseLogFileName('linli.log')).toBeNull();
    const names = [
      'linli.2026-12-02.10.log',
      'linli.2026-12-01.3.log',
      'linli.2026-12-02.9.log',
      'hub.2026-11-01.1.log',
    ];
    expect(logFilesOldestFirst(names, 'linli').map((f) => f.name)).toEqual([
      'linli.2026-12-01.3.log',
      'linli.2026-12-02.9.log',
      'linli.2026-12-02.10.log',
    ]);
  });

  it('rotation keeps the newest N of one base, and never the file being written', () => {
    const names = [1, 2, 3, 4, 5].map((n) => `linli.2026-12-02.${n}.log`).concat('hub.2026-12-01.1.log');
    expect(logFilesToDelete(names, 'linli', 3)).toEqual(['linli.2026-12-02.1.log', 'linli.2026-12-02.2.log']);
    expect(logFilesToDelete(names, 'linli', 10)).toEqual([]);
    // A clock set back: today's file sorts first, but it is the one being written.
    const current = 'linli.2026-01-01.1.log';
    expect(logFilesToDelete([...names, current], 'linli', 2, current)).toEqual([
      'linli.2026-12-02.1.log',
      'linli.2026-12-02.2.log',
      'linli.2026-12-02.3.log',
      'linli.2026-12-02.4.log',
    ]);
  });

  it('knows a Node diagnostic report', () => {
    expect(isCrashReport('report.20261202.184500.1234.0.001.json')).toBe(true);
    expect(isCrashReport('notes.json')).toBe(false);
  });
});
