import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../contract';
import { diagnosticsZipEntries, exportFileName, scrubCrashReport } from './zip-contents';

const diagnostics = { generatedAt: '2026-12-01T09:00:00.000Z', versions: { app: '0.1.0' } } as Diagnostics;

const crashReport = JSON.stringify({
  header: {
    event: 'Allocation failed',
    nodejsVersion: 'v22.0.0',
    commandLine: [
      '/usr/bin/node',
      '/opt/linli/host.js',
      '--sms-webhook=https://sms.test/?token=s3cret',
      '--port',
      '8080',
    ],
  },
  javascriptStack: { message: 'RangeError' },
  environmentVariables: { LINLI_SMS_TOKEN: 's3cret', HOME: '/home/shop' },
});

describe('scrubCrashReport', () => {
  it('drops the environment and every command-line value, keeps the rest', () => {
    const scrubbed = scrubCrashReport(crashReport)!;
    expect(scrubbed).not.toContain('s3cret');
    expect(scrubbed).not.toContain('/home/shop');
    const report = JSON.parse(scrubbed);
    expect(report.header.commandLine).toEqual([
      '/usr/bin/node',
      '/opt/linli/host.js',
      '--sms-webhook=<redacted>',
      '--port',
      '<redacted>',
    ]);
    expect(report.header.event).toBe('Allocation failed');
    expect(report.javascriptStack.message).toBe('RangeError');
  });

  it('refuses what is not a report', () => {
    expect(scrubCrashReport('core dumped')).toBeNull();
    expect(scrubCrashReport('[1]')).toBeNull();
  });
});

describe('diagnosticsZipEntries', () => {
  it('puts diagnostics.json on top, logs and scrubbed crash reports in their folders, nothing else', () => {
    const log = new TextEncoder().encode('{"level":50}\n');
    const entries = diagnosticsZipEntries({
      diagnostics,
      logs: [{ name: 'core.log', data: log }],
      crashReports: [
        { name: 'report.1.json', text: crashReport },
        { name: 'broken.json', text: 'not json' },
      ],
    });
    expect(Object.keys(entries).sort()).toEqual(['crash-reports/report.1.json', 'diagnostics.json', 'logs/core.log']);
    // What a support person unzips is what went in.
    const unzipped = unzipSync(zipSync(entries));
    expect(JSON.parse(new TextDecoder().decode(unzipped['diagnostics.json']))).toEqual(diagnostics);
    expect(unzipped['logs/core.log']).toEqual(log);
    expect(new TextDecoder().decode(unzipped['crash-reports/report.1.json'])).not.toContain('s3cret');
  });
});

describe('exportFileName', () => {
  it('names the terminal and the UTC time, and never takes a path from the id', () => {
    const at = new Date(Date.UTC(2026, 11, 1, 9, 30, 5, 7));
    expect(exportFileName('01JTERMINAL', at)).toBe('linli-diagnostics-01JTERMINAL-20261201T093005007Z.zip');
    expect(exportFileName('../x', at)).toBe('linli-diagnostics-terminal-20261201T093005007Z.zip');
  });
});
