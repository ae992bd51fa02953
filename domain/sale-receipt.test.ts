import { describe, expect, it } from 'vitest';
import type { SaleRecord } from '../contract';
import { tiers } from './fixtures';
import { localTime, saleReceipt, textBar } from './sale-receipt';

const sale: SaleRecord = {
  id: 's1',
  receiptNo: 'AB12-000007',
  at: '2026-06-15T04:05:00.000Z',
  staffName: '张伟',
  currency: 'CNY',
  member: {
    id: 'm1',
    name: '陈金卡',
    phone: '+8613700000888',
    phoneDisplay: '137 0000 0888',
    community: null,
    enrolledAt: '',
    activeCard: null,
  },
  lines: [
    {
      id: 'l1',
      productId: 'p1',
      sku: 'TEA-001',
      name: { zh: '桂花乌龙茶', en: 'Oolong' },
      category: 'tea',
      quantity: 2,
      listUnitMinor: 6800,
      unitMinor: 6500,
      amountMinor: 13_000,
      memberSavingMinor: 600,
      couponDiscountMinor: 1000,
      netMinor: 12_000,
      pointsEligible: true,
      pointsEarned: 150,
      pointsRedeemed: 2000,
      pointsValueMinor: 2000,
      refundedQuantity: 0,
    },
  ],
  coupons: [{ code: 'SAVE10', definitionId: 'd1', name: { zh: '满50减10', en: '' }, discountMinor: 1000 }],
  tenders: [{ method: 'cash', amountMinor: 10_000, reference: null }],
  listTotalMinor: 13_600,
  memberSavingsMinor: 600,
  couponDiscountMinor: 1000,
  taxMinor: 1381,
  pointsValueMinor: 2000,
  totalMinor: 12_000,
  amountDueMinor: 10_000,
  cashReceivedMinor: 10_000,
  changeMinor: 0,
  pointsEarned: 150,
  pointsRedeemed: 2000,
  refundedMinor: 0,
};

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
      '2 × ¥65.00',
      '¥130.00',
      '会员价节省',
      '¥6.00',
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
