import { describe, expect, it } from 'vitest';
import { amountColumn, columnAddsUp, sampleSale, tiers } from './fixtures';
import { localTime, saleReceipt, textBar } from './sale-receipt';

const sale = sampleSale;

describe('sale receipt document', () => {
  it('has everything the issue lists: store, staff, lines, savings, coupon, points, balance, tier progress, number, barcode, QR', () => {
    const [gold, , silver] = tiers as [(typeof tiers)[0], (typeof tiers)[0], (typeof tiers)[0]];
    const doc = saleReceipt(
      sale,
      { name: '邻里体验店', code: 'DEMO', utcOffsetMinutes: 480 },
      {
        balanceAfter: 3150,
        tierName: '银卡 Silver',
        feedbackUrl: 'https://linli.example/r/s1',
        progress: { current: silver, next: gold, metric: 'spend', value: 150_000, target: 200_000, fraction: 0.75 },
      },
    );
    const text = JSON.stringify(doc.blocks);
    for (const s of [
      '邻里体验店',
      '张伟',
      'AB12-000007',
      '2026-06-15 12:05',
      '桂花乌龙茶',
      '2 × ¥68.00',
      '¥136.00',
      '会员价 ¥65.00 Member price',
      '会员价节省',
      '-¥6.00',
      'SAVE10',
      '-¥10.00',
      '¥120.00',
      'Points (2000)',
      '-¥20.00',
      '¥100.00',
      '+150',
      '3150',
      '■■■■■■■■□□ 75%',
      '¥500.00',
    ])
      expect(text, s).toContain(s);
    expect(doc.blocks).toContainEqual({
      type: 'barcode',
      data: 'AB12-000007',
      symbology: 'CODE128',
      caption: 'AB12-000007',
    });
    expect(doc.blocks.find((b) => b.type === 'qr')).toMatchObject({ data: 'https://linli.example/r/s1' });
    expect(doc.blocks.at(-1)).toEqual({ type: 'drawer' });
  });

  it('has an amount column that adds up: list amounts, savings and coupon to the total, points to what is due', () => {
    const doc = saleReceipt(
      sale,
      { name: '邻里体验店', code: 'DEMO', utcOffsetMinutes: 480 },
      { balanceAfter: 3150, tierName: null, feedbackUrl: null, progress: null },
    );
    const column = amountColumn(doc);
    expect(column).toEqual({
      lines: [13_600],
      subtotal: 13_600,
      adjustments: [-600, -1000],
      total: 12_000,
      payments: [-2000],
      due: 10_000,
    });
    expect(columnAddsUp(column)).toBe(true);
    // The member price is a description line, not a figure in the column.
    expect(doc.blocks).toContainEqual({ type: 'text', text: '  会员价 ¥65.00 Member price' });
    expect(JSON.stringify(doc.blocks)).toContain('含税 ¥13.81 tax included');
  });

  it('adds tax charged at the till as its own row of the column', () => {
    const taxed = { ...sale, taxMinor: 1560, totalMinor: 13_560, amountDueMinor: 11_560, pointsValueMinor: 2000 };
    const column = amountColumn(
      saleReceipt(
        taxed,
        { name: '邻里体验店', code: 'DEMO', utcOffsetMinutes: 480 },
        { balanceAfter: null, tierName: null, feedbackUrl: null, progress: null },
      ),
    );
    expect(column.adjustments).toEqual([-600, -1000, 1560]);
    expect(columnAddsUp(column)).toBe(true);
  });

  it('prints no QR code until the brand has set a feedback address (never a placeholder domain)', () => {
    const doc = saleReceipt(
      sale,
      { name: '邻里体验店', code: 'DEMO', utcOffsetMinutes: 480 },
      { balanceAfter: 3150, tierName: null, feedbackUrl: null, progress: null },
    );
    expect(doc.blocks.some((b) => b.type === 'qr')).toBe(false);
    expect(doc.blocks).toContainEqual({
      type: 'barcode',
      data: 'AB12-000007',
      symbology: 'CODE128',
      caption: 'AB12-000007',
    });
  });

  it('draws bars and local times for paper', () => {
    expect(textBar(0)).toBe('□□□□□□□□□□');
    expect(textBar(1.2)).toBe('■■■■■■■■■■');
    expect(localTime('2026-12-31T16:30:00.000Z', 480)).toBe('2027-01-01 00:30');
  });
});
