import { describe, expect, it } from 'vitest';
import { isValidCardNumber, normaliseCardNumber } from './card-number';
import { newTicketCode, normaliseTicketCode, seatsLeft, seatsTaken, signUpOpen, ticketSlipDocument } from './events';

describe('ticket codes', () => {
  it('are EV- and letters, read back however a scanner or a person types them, and never a card number', () => {
    let n = 0;
    const code = newTicketCode((max) => n++ % max);
    expect(code).toMatch(/^EV-[A-Z]{4}-[A-Z]{4}$/);
    expect(normaliseTicketCode(code.toLowerCase())).toBe(code);
    expect(normaliseTicketCode(code.replaceAll('-', ''))).toBe(code);
    expect(normaliseTicketCode(` ${code}\n`)).toBe(code);
    expect(isValidCardNumber(normaliseCardNumber(code))).toBe(false);
    expect(normaliseTicketCode('8800000000000011')).toBeNull();
    expect(normaliseTicketCode('EV-ABCD-1234')).toBeNull();
  });
});

describe('seats', () => {
  it('take the larger of what this terminal and the hub counted, never below zero left', () => {
    expect(seatsTaken(2, 5)).toBe(5);
    expect(seatsTaken(3, 1)).toBe(3);
    expect(seatsLeft(4, 5)).toBe(0);
    expect(seatsLeft(10, 3)).toBe(7);
  });

  it('are open for sign-up until the event starts, and never when cancelled', () => {
    const startsAt = '2026-06-20T06:00:00.000Z';
    expect(signUpOpen({ status: 'open', startsAt }, new Date('2026-06-20T05:59:00Z'))).toBe(true);
    expect(signUpOpen({ status: 'open', startsAt }, new Date('2026-06-20T06:00:00Z'))).toBe(false);
    expect(signUpOpen({ status: 'cancelled', startsAt }, new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });
});

describe('the ticket slip', () => {
  it('prints the code as a QR and as text, the time in Beijing, and the waiting list when waiting', () => {
    const doc = ticketSlipDocument({
      storeName: '翠湖店',
      event: {
        title: { zh: '品茶会', en: 'Tea tasting' },
        place: '二楼',
        startsAt: '2026-06-20T06:00:00.000Z',
        endsAt: '2026-06-20T08:00:00.000Z',
        points: 50,
      },
      code: 'EV-ACDE-FGHJ',
      maskedName: '陈*卡',
      status: 'waiting',
    });
    expect(doc.kind).toBe('ticket');
    expect(doc.blocks).toContainEqual({ type: 'qr', data: 'EV-ACDE-FGHJ', size: 6, caption: 'EV-ACDE-FGHJ' });
    expect(doc.blocks).toContainEqual({ type: 'row', left: '时间 When', right: '2026-06-20 14:00-16:00' });
    expect(JSON.stringify(doc.blocks)).toContain('Waiting list');
  });
});
