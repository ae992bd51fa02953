// Builds the one ReceiptDocument for sales, refunds and day reports. Labels are bilingual: the
// same paper is read by staff, customers and the hub's auditors.
import type { DayReport, ReceiptBlock, ReceiptDocument, RefundRecord, SaleRecord, TierProgressInfo } from '../contract';
import { formatMoney } from './money';

export interface ReceiptStore {
  name: string;
  code: string;
  utcOffsetMinutes: number;
}

export function localTime(iso: string, offsetMinutes: number): string {
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A text bar for paper: ■■■■□□□□□□ */
export function textBar(fraction: number, width = 10): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '■'.repeat(filled) + '□'.repeat(width - filled);
}

const tenderLabel: Record<string, string> = { cash: '现金 Cash', bank_card: '银行卡 Card', mobile: '移动支付 Mobile' };

function header(store: ReceiptStore, title: string): ReceiptBlock[] {
  return [
    { type: 'text', text: store.name, align: 'center', bold: true, size: 'double' },
    { type: 'text', text: title, align: 'center' },
    { type: 'rule' },
  ];
}

export interface SaleReceiptExtras {
  balanceAfter: number | null;
  tierName: string | null;
  progress: TierProgressInfo | null;
  /** Where the member opens the e-receipt or leaves feedback; null: no QR is printed (none configured). */
  feedbackUrl: string | null;
}

export function saleReceipt(sale: SaleRecord, store: ReceiptStore, extras: SaleReceiptExtras): ReceiptDocument {
  const money = (m: number) => formatMoney(m, sale.currency);
  const blocks: ReceiptBlock[] = [
    ...header(store, '销售小票 Sales receipt'),
    { type: 'row', left: '小票号 Receipt', right: sale.receiptNo },
    { type: 'row', left: '时间 Time', right: localTime(sale.at, store.utcOffsetMinutes) },
    { type: 'row', left: '收银员 Staff', right: sale.staffName },
  ];
  if (sale.member) {
    blocks.push({ type: 'row', left: '会员 Member', right: sale.member.name });
    if (extras.tierName) blocks.push({ type: 'row', left: '等级 Tier', right: extras.tierName });
  }
  blocks.push({ type: 'rule' });
  // The amount column adds up on its face: line amounts at list price sum to the subtotal; member
  // savings, coupons (and tax added at the till) take it to the total; points take that to what is
  // due. Member prices are told in the line's description, never as a figure in the column.
  for (const line of sale.lines) {
    blocks.push({ type: 'text', text: line.name.zh });
    blocks.push({
      type: 'row',
      left: `  ${line.quantity} × ${money(line.listUnitMinor)}`,
      right: money(line.listUnitMinor * line.quantity),
    });
    if (line.unitMinor < line.listUnitMinor)
      blocks.push({ type: 'text', text: `  会员价 ${money(line.unitMinor)} Member price` });
  }
  blocks.push({ type: 'rule' });
  blocks.push({ type: 'row', left: '小计 Subtotal', right: money(sale.listTotalMinor) });
  if (sale.memberSavingsMinor > 0)
    blocks.push({ type: 'row', left: '会员价节省 Member savings', right: money(-sale.memberSavingsMinor) });
  for (const c of sale.coupons)
    blocks.push({ type: 'row', left: `券 ${c.name.zh} ${c.code}`, right: money(-c.discountMinor) });
  const taxAdded = sale.totalMinor - (sale.listTotalMinor - sale.memberSavingsMinor - sale.couponDiscountMinor);
  if (taxAdded > 0) blocks.push({ type: 'row', left: '税 Tax', right: money(taxAdded) });
  blocks.push({ type: 'row', left: '合计 TOTAL', right: money(sale.totalMinor), bold: true });
  if (taxAdded <= 0 && sale.taxMinor > 0)
    blocks.push({ type: 'text', text: `  含税 ${money(sale.taxMinor)} tax included` });
  if (sale.pointsRedeemed > 0) {
    blocks.push({
      type: 'row',
      left: `积分抵扣 Points (${sale.pointsRedeemed})`,
      right: money(-sale.pointsValueMinor),
    });
    blocks.push({ type: 'row', left: '应付 Due', right: money(sale.amountDueMinor), bold: true });
  }
  for (const t of sale.tenders) {
    blocks.push({ type: 'row', left: tenderLabel[t.method] ?? t.method, right: money(t.amountMinor) });
    if (t.reference) blocks.push({ type: 'row', left: '  参考号 Ref', right: t.reference });
  }
  if (sale.changeMinor > 0)
    blocks.push({ type: 'row', left: '找零 Change', right: money(sale.changeMinor), bold: true });
  if (sale.member) {
    blocks.push({ type: 'rule' });
    blocks.push({ type: 'row', left: '本单积分 Points earned', right: `+${sale.pointsEarned}` });
    if (sale.pointsRedeemed > 0)
      blocks.push({ type: 'row', left: '使用积分 Points used', right: `-${sale.pointsRedeemed}` });
    if (extras.balanceAfter !== null)
      blocks.push({ type: 'row', left: '积分余额 Balance', right: String(extras.balanceAfter), bold: true });
    const p = extras.progress;
    if (p?.next && p.target !== null) {
      const rest = Math.max(0, p.target - p.value);
      const restText = p.metric === 'spend' ? money(rest) : `${rest} 分`;
      blocks.push({
        type: 'text',
        text: `${p.current.name.zh} → ${p.next.name.zh} ${textBar(p.fraction)} ${Math.round(p.fraction * 100)}%`,
      });
      blocks.push({ type: 'text', text: `再消费 ${restText} 升级 ${p.next.name.en}` });
    }
  }
  // Scanned at the refund screen to find this sale.
  blocks.push({ type: 'barcode', data: sale.receiptNo, symbology: 'CODE128', caption: sale.receiptNo });
  if (extras.feedbackUrl)
    blocks.push({ type: 'qr', data: extras.feedbackUrl, size: 6, caption: '电子小票 · 评价 E-receipt & feedback' });
  blocks.push({ type: 'feed', lines: 2 }, { type: 'cut', partial: true });
  if (sale.tenders.some((t) => t.method === 'cash')) blocks.push({ type: 'drawer' });
  return { kind: 'sale', title: sale.receiptNo, blocks };
}

export function refundReceipt(
  refund: RefundRecord,
  sale: SaleRecord,
  store: ReceiptStore,
  balanceAfter: number | null,
): ReceiptDocument {
  const money = (m: number) => formatMoney(m, sale.currency);
  const byId = new Map(sale.lines.map((l) => [l.id, l]));
  const blocks: ReceiptBlock[] = [
    ...header(store, '退货单 Refund'),
    { type: 'row', left: '退货单号 Refund no.', right: refund.receiptNo },
    { type: 'row', left: '原小票 Original', right: refund.saleReceiptNo },
    { type: 'row', left: '时间 Time', right: localTime(refund.at, store.utcOffsetMinutes) },
    { type: 'rule' },
  ];
  for (const l of refund.lines) {
    const line = byId.get(l.lineId);
    blocks.push({ type: 'text', text: line?.name.zh ?? l.lineId });
    blocks.push({ type: 'row', left: `  ${l.quantity} ×`, right: `-${money(l.amountMinor)}` });
  }
  blocks.push({ type: 'rule' });
  blocks.push({ type: 'row', left: '退款 REFUND', right: money(refund.amountMinor), bold: true });
  blocks.push({
    type: 'row',
    left: tenderLabel[refund.tender.method] ?? refund.tender.method,
    right: money(refund.amountMinor),
  });
  if (refund.tender.reference) blocks.push({ type: 'row', left: '  参考号 Ref', right: refund.tender.reference });
  if (sale.member) {
    if (refund.pointsReversed)
      blocks.push({ type: 'row', left: '扣回积分 Points reversed', right: String(refund.pointsReversed) });
    if (refund.pointsReturned)
      blocks.push({ type: 'row', left: '退回积分 Points returned', right: `+${refund.pointsReturned}` });
    if (balanceAfter !== null)
      blocks.push({ type: 'row', left: '积分余额 Balance', right: String(balanceAfter), bold: true });
  }
  for (const code of refund.couponsReturned)
    blocks.push({ type: 'row', left: '退回优惠券 Coupon returned', right: code });
  blocks.push({ type: 'feed', lines: 2 }, { type: 'cut', partial: true });
  if (refund.tender.method === 'cash') blocks.push({ type: 'drawer' });
  return { kind: 'refund', title: refund.receiptNo, blocks };
}

const tenderReportLabel: Record<string, string> = { ...tenderLabel, points: '积分 Points' };

export function dayReportReceipt(report: DayReport, store: ReceiptStore, staffName: string): ReceiptDocument {
  const money = (m: number) => formatMoney(m, report.currency);
  const title = report.kind === 'z' ? `Z 日结报表 Z report #${report.number}` : 'X 班中报表 X report';
  const blocks: ReceiptBlock[] = [
    ...header(store, title),
    { type: 'row', left: '从 From', right: report.from ? localTime(report.from, store.utcOffsetMinutes) : '—' },
    { type: 'row', left: '到 To', right: localTime(report.to, store.utcOffsetMinutes) },
    { type: 'row', left: '操作员 Staff', right: staffName },
    { type: 'rule' },
    { type: 'row', left: `销售 Sales (${report.sales})`, right: money(report.grossMinor) },
    { type: 'row', left: `退货 Refunds (${report.refunds})`, right: `-${money(report.refundsMinor)}` },
    { type: 'row', left: '净额 NET', right: money(report.netMinor), bold: true },
    { type: 'rule' },
  ];
  for (const t of report.tenders) {
    blocks.push({
      type: 'row',
      left: tenderReportLabel[t.method] ?? t.method,
      right: `${money(t.salesMinor)} / -${money(t.refundsMinor)}`,
    });
  }
  blocks.push(
    { type: 'rule' },
    { type: 'row', left: '会员价优惠 Member savings', right: money(report.memberSavingsMinor) },
    { type: 'row', left: `优惠券 Coupons (${report.couponsUsed})`, right: money(report.couponDiscountMinor) },
    { type: 'row', left: '发放积分 Points issued', right: String(report.pointsIssued) },
    { type: 'row', left: '使用积分 Points redeemed', right: String(report.pointsRedeemed) },
    { type: 'row', left: '新会员 New members', right: String(report.newMembers) },
    { type: 'rule' },
  );
  for (const s of report.staff) {
    blocks.push({
      type: 'row',
      left: `${s.staffName} (${s.sales}/${s.refunds})`,
      right: money(s.salesMinor - s.refundsMinor),
    });
  }
  blocks.push({ type: 'feed', lines: 2 }, { type: 'cut' });
  return { kind: 'report', title, blocks };
}
