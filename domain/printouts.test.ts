import { describe, expect, it } from 'vitest';
import { testPageDocument } from './printouts';

describe('printer test page', () => {
  it('shows the time in the store zone, as the receipts do (not UTC)', () => {
    const doc = testPageDocument({
      storeName: '邻里体验店',
      printerName: '前台',
      connection: 'tcp 127.0.0.1:9100',
      paperWidth: 80,
      at: '2026-06-15T04:05:00.000Z',
      utcOffsetMinutes: 480,
      terminalId: 'T1',
    });
    expect(doc.blocks).toContainEqual({ type: 'row', left: '时间 Time', right: '2026-06-15 12:05' });
  });
});
