import { describe, expect, it } from 'vitest';
import { voucherSlipDocument, voucherValidUntil } from './reward-voucher';

describe('reward voucher', () => {
  it('is valid for its days, the day of redemption included', () => {
    expect(voucherValidUntil('2026-06-15', 1)).toBe('2026-06-15');
    expect(voucherValidUntil('2026-06-15', 30)).toBe('2026-07-14');
    expect(voucherValidUntil('2026-12-31', 2)).toBe('2027-01-01');
  });

  it('prints the code as text, QR and barcode, with the masked member and the last day', () => {
    const doc = voucherSlipDocument({
      storeName: '翠湖店',
      rewardName: { zh: '20元代金券', en: '¥20 voucher' },
      kind: 'voucher',
      value: '¥20.00',
      code: 'CABCDEFGHJK',
      qrPayload: 'LINLI:CPN:CABCDEFGHJK',
      validUntil: '2026-07-14',
      maskedMemberName: '陈*卡',
      pointsSpent: 2000,
      at: '2026-06-15T04:00:00.000Z',
    });
    expect(doc.kind).toBe('voucher');
    const texts = doc.blocks.flatMap((b) =>
      b.type === 'text'
        ? [b.text]
        : b.type === 'row'
          ? [b.left, b.right]
          : b.type === 'qr' || b.type === 'barcode'
            ? [b.data]
            : [],
    );
    expect(texts).toContain('券码 Code: CABCDEFGHJK');
    expect(texts).toContain('LINLI:CPN:CABCDEFGHJK');
    expect(texts).toContain('CABCDEFGHJK');
    expect(texts).toContain('陈*卡');
    expect(texts).toContain('2026-07-14');
  });
});
