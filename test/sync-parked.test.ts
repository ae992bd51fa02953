// A manager resends or drops an event the hub refused: a resent one goes to the back of the
// queue and reaches the hub once; a dropped one leaves the terminal with its whole content in the
// audit log. Cashiers may do neither; an event no longer parked is a clear refusal. Against the hub
// double on 127.0.0.1 (test/support/hub-double.ts) and a real SQLite core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHubDouble, type HubDouble } from './support/hub-double';
import { cashSale, openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { fastSync, until } from './support/sync-hub';
import { enrolment, loginAs, tempDir } from './support/temp-core';

vi.setConfig({ testTimeout: 20_000 });

let dir: ReturnType<typeof tempDir>;
let hub: HubDouble;
let l: LoyaltyCore;

beforeEach(async () => {
  dir = tempDir('linli-parked-');
  hub = await startHubDouble();
  hub.addCode('CODE-1');
  l = await openLoyaltyCore(dir.dir, 'manager', fastSync);
});
afterEach(async () => {
  await l.close();
  await hub.close();
  dir.remove();
});

/** Two sales parked by a hub that refuses sales, an enrolment accepted. */
async function parkTwoSales() {
  hub.rejectType = 'sale.completed';
  await l.core.methods.registerWithHub({ hubUrl: hub.url, code: 'CODE-1', terminalName: '翠湖店 收银 1' });
  await l.core.methods.checkout(cashSale(l));
  await l.core.methods.enrolMember(enrolment({ phone: '13900003333' }));
  await l.core.methods.checkout(cashSale(l));
  await until(async () => expect(await l.core.methods.getSyncStatus()).toMatchObject({ waiting: 0, parked: 2 }));
  return l.core.methods.listParkedEvents();
}

const audit = (action: string) => l.repos.audit.recent(50).filter((e) => e.action === action);

describe('parked events', () => {
  it('a resent event goes again after what waits, reaches the hub once, and is audited', async () => {
    const [first, second] = await parkTwoSales();
    hub.rejectType = null;
    const status = await l.core.methods.resendParkedEvent({ id: first!.id });
    expect(status.parked).toBe(1);
    await until(async () => expect(await l.core.methods.getSyncStatus()).toMatchObject({ waiting: 0, parked: 1 }));
    expect(hub.applied.get(first!.id)).toBe(1);
    expect((await l.core.methods.listParkedEvents()).map((e) => e.id)).toEqual([second!.id]);
    expect(audit('sync_parked_resent')).toMatchObject([
      { detail: { eventId: first!.id, type: 'sale.completed', reason: 'PAYLOAD_INVALID' } },
    ]);
  });

  it('a dropped event leaves the terminal, never reaches the hub, and its content stays in the audit log', async () => {
    const [first] = await parkTwoSales();
    const payload = l.repos.outbox.parkedEvent(first!.id)!.payload;
    hub.rejectType = null;
    const status = await l.core.methods.dropParkedEvent({ id: first!.id });
    expect(status).toMatchObject({ parked: 1, waiting: 0 });
    // More sales later: the dropped one is not among what goes.
    await l.core.methods.checkout(cashSale(l));
    await until(async () => expect(await l.core.methods.getSyncStatus()).toMatchObject({ waiting: 0 }));
    expect(hub.applied.has(first!.id)).toBe(false);
    const [entry] = audit('sync_parked_dropped');
    expect(entry).toMatchObject({
      staffId: (await l.core.methods.getSession()).staff!.id,
      detail: { event: { id: first!.id, type: 'sale.completed', reason: 'PAYLOAD_INVALID', payload } },
    });
    // Twice: refused, and nothing more is written.
    await expect(l.core.methods.dropParkedEvent({ id: first!.id })).rejects.toMatchObject({
      code: 'SYNC_PARKED_UNKNOWN',
    });
    await expect(l.core.methods.resendParkedEvent({ id: first!.id })).rejects.toMatchObject({
      code: 'SYNC_PARKED_UNKNOWN',
    });
    expect(audit('sync_parked_dropped')).toHaveLength(1);
    expect(audit('sync_parked_resent')).toHaveLength(0);
  });

  it('a cashier can neither resend nor drop', async () => {
    const [first] = await parkTwoSales();
    await l.core.methods.logout();
    await loginAs(l.core, 'cashier');
    for (const call of [l.core.methods.resendParkedEvent, l.core.methods.dropParkedEvent])
      await expect(call({ id: first!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(l.repos.outbox.counts().parked).toBe(2);
  });

  it('an event parked after the outbox emptied does not collide with one parked before', async () => {
    const [first, second] = await parkTwoSales();
    // The outbox is empty now; new events must not take the seq of a parked one.
    await l.core.methods.checkout(cashSale(l));
    await until(async () => expect(await l.core.methods.getSyncStatus()).toMatchObject({ waiting: 0, parked: 3 }));
    const parked = await l.core.methods.listParkedEvents();
    expect(parked.slice(0, 2).map((e) => e.id)).toEqual([first!.id, second!.id]);
    expect(await l.core.methods.getSyncStatus()).toMatchObject({ lastError: null });
  });
});
