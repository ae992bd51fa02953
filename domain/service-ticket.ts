// The slip a member takes home after opening a service request: its ticket number, big, to say at
// the counter, and what was asked. Names and phone numbers are not printed (it may be left behind).
import type { ReceiptDocument, RequestKind } from '../contract';
import { localTime } from './sale-receipt';

/** S-0042: short, per shop, read out at the counter. */
export const ticketNumber = (prefix: string, seq: number): string => `${prefix}-${String(seq).padStart(4, '0')}`;

const kindLabel: Record<RequestKind, string> = {
  complaint: '投诉 Complaint',
  repair: '维修 Repair',
  appointment: '预约 Appointment',
};

export interface ServiceTicketInput {
  storeName: string;
  ticketNo: string;
  kind: RequestKind;
  description: string;
  preferredAt: string | null;
  createdAt: string;
  utcOffsetMinutes: number;
}

export function serviceTicketDocument(p: ServiceTicketInput): ReceiptDocument {
  const blocks: ReceiptDocument['blocks'] = [
    { type: 'text', text: p.storeName, align: 'center', bold: true },
    { type: 'text', text: '服务申请 Service request', align: 'center' },
    { type: 'rule' },
    { type: 'text', text: p.ticketNo, align: 'center', bold: true, size: 'double' },
    { type: 'rule' },
    { type: 'row', left: '类型 Kind', right: kindLabel[p.kind] },
    { type: 'row', left: '提交 Opened', right: localTime(p.createdAt, p.utcOffsetMinutes) },
  ];
  if (p.preferredAt)
    blocks.push({ type: 'row', left: '预约 Preferred', right: localTime(p.preferredAt, p.utcOffsetMinutes) });
  blocks.push(
    { type: 'text', text: p.description },
    { type: 'rule' },
    { type: 'text', text: '店员回复后，扫会员卡即可在自助机查看。', align: 'center' },
    { type: 'text', text: 'Scan your card at the kiosk to see our answer.', align: 'center' },
    { type: 'feed', lines: 2 },
    { type: 'cut' },
  );
  return { kind: 'ticket', title: `服务申请 ${p.ticketNo}`, blocks };
}
