// The voucher a reward redemption prints: one slip per voucher, the code as text and as a QR and a
// barcode the counter's scanner reads. Pure: the use case passes everything in.
import type { LocalName, ReceiptDocument, RewardKind } from '../contract';
import { addDays } from './local-date';

/** The last day a voucher redeemed on `day` can be used: valid `validDays` days, that day included. */
export function voucherValidUntil(day: string, validDays: number): string {
  return addDays(day, Math.max(1, validDays) - 1);
}

export interface VoucherSlipInput {
  storeName: string;
  rewardName: LocalName;
  kind: RewardKind;
  /** "¥20.00 off" already formatted, or the gift's product name. */
  value: string;
  code: string;
  qrPayload: string;
  validUntil: string;
  maskedMemberName: string;
  pointsSpent: number;
  at: string;
}

export function voucherSlipDocument(p: VoucherSlipInput): ReceiptDocument {
  const heading =
    p.kind === 'voucher'
      ? { zh: '积分兑换 代金券', en: 'Points reward voucher' }
      : { zh: '积分兑换 礼品券', en: 'Points reward gift' };
  return {
    kind: 'voucher',
    title: `${p.rewardName.zh} · ${p.code}`,
    blocks: [
      { type: 'text', text: p.storeName, align: 'center', bold: true },
      { type: 'text', text: heading.zh, align: 'center', bold: true, size: 'double' },
      { type: 'text', text: heading.en, align: 'center' },
      { type: 'rule' },
      { type: 'text', text: p.rewardName.zh, bold: true },
      ...(p.rewardName.en && p.rewardName.en !== p.rewardName.zh
        ? [{ type: 'text' as const, text: p.rewardName.en }]
        : []),
      { type: 'row', left: p.kind === 'voucher' ? '面值 Value' : '礼品 Gift', right: p.value },
      { type: 'row', left: '会员 Member', right: p.maskedMemberName },
      { type: 'row', left: '积分 Points', right: `-${p.pointsSpent}` },
      { type: 'row', left: '兑换 Redeemed', right: p.at.slice(0, 10) },
      { type: 'row', left: '有效期至 Valid until', right: p.validUntil },
      { type: 'rule' },
      { type: 'text', text: `券码 Code: ${p.code}`, align: 'center', bold: true },
      { type: 'qr', data: p.qrPayload, size: 6 },
      { type: 'barcode', data: p.code, symbology: 'CODE128' },
      { type: 'text', text: '结账时出示，限用一次。', align: 'center' },
      { type: 'text', text: 'Show at checkout. Valid once.', align: 'center' },
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}
