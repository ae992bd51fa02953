// Community events at one terminal, through the API as the screens call it: a manager creates an
// event, a customer signs up (one live ticket each, a waiting list when full), the ticket prints,
// and checking it in awards the event's points once. Every refusal writes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventInput } from '../contract';
import { balance, demoMember, openLoyaltyCore, rowCounts, type LoyaltyCore } from './support/loyalty';
import { enrolment, loginAs, tempDir } from './support/temp-core';

const temp = tempDir('linli-events-');
let l: LoyaltyCore;
let neighbourCard: string;

const tasting = (over: Partial<EventInput> = {}): EventInput => ({
  titleZh: '夏日品茶会',
  titleEn: 'Summer tea tasting',
  description: '六款新茶，现场冲泡。',
  place: '二楼茶室',
  startsAt: '2026-06-20T06:00:00.000Z',
  endsAt: '2026-06-20T08:00:00.000Z',
  capacity: 1,
  points: 50,
  ...over,
});

const eventRows = () => ({
  signups: (l.db.prepare('SELECT count(*) AS n FROM event_signups').get() as { n: number }).n,
  events: (l.db.prepare('SELECT count(*) AS n FROM community_events').get() as { n: number }).n,
  ...rowCounts(l.db),
});
const printed = () =>
  (l.db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE kind = 'ticket'`).get() as { n: number }).n;

/** The manager's counter work, then the terminal back in the self-service role. */
async function asManager<T>(fn: () => Promise<T>): Promise<T> {
  await l.core.methods.setSelfServiceSettings({ role: 'counter' });
  const out = await fn();
  await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  return out;
}

describe('community events at one terminal', () => {
  beforeAll(async () => {
    l = await openLoyaltyCore(temp.dir, 'manager');
    const enrolled = await l.core.methods.enrolMember(enrolment({ name: '李邻居', phone: '13955501234' }));
    if (!enrolled.created) throw new Error('phone taken');
    neighbourCard = enrolled.member.activeCard!;
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  });
  afterAll(async () => {
    await l.close();
    temp.remove();
  });
  beforeEach(async () => {
    await l.core.methods.endCustomer();
  });

  it('refuses a bad event with a clear code and writes nothing', async () => {
    const before = eventRows();
    await asManager(async () => {
      await expect(l.core.methods.saveEvent(tasting({ titleZh: '  ' }))).rejects.toMatchObject({
        code: 'EVENT_TITLE_REQUIRED',
      });
      await expect(l.core.methods.saveEvent(tasting({ capacity: 0 }))).rejects.toMatchObject({
        code: 'EVENT_CAPACITY_INVALID',
        field: 'capacity',
      });
      await expect(l.core.methods.saveEvent(tasting({ endsAt: '2026-06-20T05:00:00.000Z' }))).rejects.toMatchObject({
        code: 'EVENT_TIME_INVALID',
        field: 'endsAt',
      });
      await loginAs(l.core, 'cashier');
      await expect(l.core.methods.saveEvent(tasting())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await loginAs(l.core, 'manager');
    });
    expect(eventRows()).toEqual(before);
  });

  it('signs a member up, prints the ticket, fills the event, and offers the waiting list', async () => {
    const event = await asManager(() => l.core.methods.saveEvent(tasting()));
    expect(event).toMatchObject({ capacity: 1, taken: 0, seatsLeft: 1, scope: 'shop', status: 'open' });
    // The list is open without a scan.
    expect((await l.core.methods.upcomingEvents()).map((e) => e.id)).toContain(event.id);

    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const before = eventRows();
    const mine = await l.core.methods.signUpForEvent({ eventId: event.id });
    expect(mine).toMatchObject({ taken: 1, seatsLeft: 0, mine: { status: 'confirmed', position: null } });
    expect(mine.mine!.code).toMatch(/^EV-[A-Z]{4}-[A-Z]{4}$/);
    expect(printed()).toBe(1);
    // The printed ticket carries the code as a QR to scan and as text.
    const [job] = l.repos.printJobs.recent(1);
    const slip = l.repos.printJobs.get(job!.id)!.document;
    expect(slip.kind).toBe('ticket');
    expect(slip.blocks).toContainEqual(expect.objectContaining({ type: 'qr', data: mine.mine!.code }));
    expect(JSON.stringify(slip.blocks)).toContain('夏日品茶会');
    expect(eventRows().outbox).toBe(before.outbox + 1);

    // One sign-up per member.
    const once = eventRows();
    await expect(l.core.methods.signUpForEvent({ eventId: event.id })).rejects.toMatchObject({
      code: 'EVENT_ALREADY_SIGNED_UP',
    });
    expect(eventRows()).toEqual(once);

    // Full: refused with the capacity, nothing written; then the waiting list when asked for.
    await l.core.methods.startCustomer({ text: neighbourCard, source: 'wedge' });
    const full = eventRows();
    await expect(l.core.methods.signUpForEvent({ eventId: event.id })).rejects.toMatchObject({
      code: 'EVENT_FULL',
      params: { capacity: 1 },
    });
    expect(eventRows()).toEqual(full);
    expect(printed()).toBe(1);
    const waiting = await l.core.methods.signUpForEvent({ eventId: event.id, waitlist: true });
    expect(waiting).toMatchObject({ waiting: 1, mine: { status: 'waiting', position: 1 } });

    // A waiting ticket holds no seat: it cannot be checked in.
    await expect(l.core.methods.checkInTicket({ code: waiting.mine!.code })).rejects.toMatchObject({
      code: 'TICKET_NOT_CONFIRMED',
    });

    // The gold member gives their seat back: the neighbour moves up.
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const cancelled = await l.core.methods.cancelEventSignUp({ eventId: event.id });
    expect(cancelled).toMatchObject({ taken: 1, waiting: 0, mine: null });
    await l.core.methods.startCustomer({ text: neighbourCard, source: 'wedge' });
    expect((await l.core.methods.eventDetail({ eventId: event.id })).mine).toMatchObject({ status: 'confirmed' });
  });

  it('checks a ticket in once: the points once, a second check-in refused with nothing written', async () => {
    const event = await asManager(() =>
      l.core.methods.saveEvent(tasting({ titleZh: '插花课', capacity: 10, points: 80 })),
    );
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const { mine } = await l.core.methods.signUpForEvent({ eventId: event.id });
    const points = balance(l.db, l.goldMemberId);
    await l.core.methods.endCustomer();

    const result = await l.core.methods.checkInTicket({ code: mine!.code.toLowerCase() });
    expect(result).toMatchObject({ eventId: event.id, maskedName: '陈*卡', points: 80 });
    expect(balance(l.db, l.goldMemberId)).toBe(points + 80);
    const home = await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect(home.balance).toBe(5_000 + 80);

    const after = eventRows();
    await expect(l.core.methods.checkInTicket({ code: mine!.code })).rejects.toMatchObject({
      code: 'TICKET_ALREADY_USED',
    });
    // …and at the counter too.
    await asManager(async () => {
      await expect(l.core.methods.checkInAtCounter({ code: mine!.code })).rejects.toMatchObject({
        code: 'TICKET_ALREADY_USED',
      });
      expect((await l.core.methods.eventAttendees({ eventId: event.id }))[0]).toMatchObject({
        name: '陈金卡',
        status: 'attended',
      });
    });
    expect(eventRows()).toEqual(after);
    expect(balance(l.db, l.goldMemberId)).toBe(points + 80);
    await expect(l.core.methods.checkInTicket({ code: 'EV-AAAA-AAAA' })).rejects.toMatchObject({
      code: 'TICKET_UNKNOWN',
    });
  });

  it('checks in at the counter, and a cancelled event takes no more sign-ups', async () => {
    const event = await asManager(() =>
      l.core.methods.saveEvent(tasting({ titleZh: '亲子茶艺', capacity: 5, points: 20 })),
    );
    await l.core.methods.startCustomer({ text: neighbourCard, source: 'wedge' });
    const { mine } = await l.core.methods.signUpForEvent({ eventId: event.id });
    await asManager(async () => {
      expect(await l.core.methods.checkInAtCounter({ code: mine!.code })).toMatchObject({ points: 20 });
      expect(await l.core.methods.cancelEvent({ eventId: event.id })).toMatchObject({ status: 'cancelled' });
    });
    expect((await l.core.methods.upcomingEvents()).map((e) => e.id)).not.toContain(event.id);
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const before = eventRows();
    await expect(l.core.methods.signUpForEvent({ eventId: event.id })).rejects.toMatchObject({
      code: 'EVENT_CANCELLED',
    });
    expect(eventRows()).toEqual(before);
  });
});
