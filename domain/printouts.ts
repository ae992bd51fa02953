// Documents Linli prints on its own: the test page and the member welcome slip. Sale receipts,
// vouchers, tickets and day reports are built by their use cases; all share the one receipt model.
import type { ReceiptDocument } from '../contract';
import { localTime } from './sale-receipt';

export interface TestPageInput {
  storeName: string;
  printerName: string;
  connection: string;
  paperWidth: 58 | 80;
  at: string;
  /** The store's zone: the test page shows the time as the receipts do. */
  utcOffsetMinutes: number;
  terminalId: string;
}

export const testPageQrPrefix = 'LINLI-TEST';

export function testPageDocument(p: TestPageInput): ReceiptDocument {
  return {
    kind: 'test',
    title: `测试页 Test page · ${p.printerName}`,
    blocks: [
      { type: 'text', text: '打印测试页', align: 'center', bold: true, size: 'double' },
      { type: 'text', text: 'Printer test page', align: 'center' },
      { type: 'text', text: p.storeName, align: 'center' },
      { type: 'rule' },
      { type: 'row', left: '打印机 Printer', right: p.printerName },
      { type: 'row', left: '连接 Connection', right: p.connection },
      { type: 'row', left: '纸宽 Paper', right: `${p.paperWidth} mm` },
      { type: 'row', left: '时间 Time', right: localTime(p.at, p.utcOffsetMinutes) },
      { type: 'rule', char: '=' },
      { type: 'text', text: '中文：邻里体验店欢迎您！' },
      { type: 'row', left: '桂花乌龙茶 250g', right: '¥68.00' },
      { type: 'row', left: 'Latin: Café crème', right: '€4.50' },
      { type: 'text', text: '粗体 Bold', bold: true },
      { type: 'text', text: '倍高 Tall', size: 'tall' },
      { type: 'text', text: '右对齐 Right', align: 'right' },
      { type: 'rule' },
      { type: 'qr', data: `${testPageQrPrefix} ${p.terminalId}`, size: 6, caption: '二维码 QR code' },
      { type: 'barcode', data: 'LINLI-TEST', symbology: 'CODE128' },
      { type: 'text', text: '如果以上中文正常显示，打印机设置正确。', align: 'center' },
      { type: 'text', text: 'If the Chinese above reads well, the printer is set up.', align: 'center' },
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}

export interface WelcomeSlipInput {
  storeName: string;
  memberName: string;
  cardNumber: string | null;
  referralCode: string;
  enrolledAt: string;
}

/**
 * The slip a new member takes home. Its QR code is the member card number: paper cannot rotate
 * like the phone code, and the card number is what the card itself carries (decision 0008).
 */
export function welcomeSlipDocument(p: WelcomeSlipInput): ReceiptDocument {
  const blocks: ReceiptDocument['blocks'] = [
    { type: 'text', text: p.storeName, align: 'center', bold: true },
    { type: 'text', text: '欢迎加入会员', align: 'center', bold: true, size: 'double' },
    { type: 'text', text: 'Welcome, new member', align: 'center' },
    { type: 'rule' },
    { type: 'row', left: '会员 Member', right: p.memberName },
    { type: 'row', left: '入会 Joined', right: p.enrolledAt.slice(0, 10) },
    { type: 'row', left: '推荐码 Referral', right: p.referralCode },
  ];
  if (p.cardNumber) {
    blocks.push(
      { type: 'row', left: '会员卡 Card', right: p.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ') },
      { type: 'rule' },
      { type: 'qr', data: p.cardNumber, size: 6, caption: '到店出示此码 Show this code at the counter' },
    );
  } else {
    blocks.push(
      { type: 'rule' },
      { type: 'text', text: '请向店员领取会员卡 Ask staff for your member card', align: 'center' },
    );
  }
  blocks.push(
    { type: 'text', text: '推荐好友入会，双方均可获得积分。', align: 'center' },
    { type: 'text', text: 'Bring a friend: you both earn points.', align: 'center' },
    { type: 'feed', lines: 2 },
    { type: 'cut' },
  );
  return { kind: 'welcome', title: `欢迎 Welcome · ${p.memberName}`, blocks };
}
