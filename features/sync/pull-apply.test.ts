import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PulledChange } from '../../contract';
import { openDatabase, type Db } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import type { TerminalStore } from '../../db/store';
import { pulledAt, pulledMember } from '../../test/support/pulled';
import { applyPulledPage, pullCursorKey } from './pull-apply';

const at = pulledAt;
const member = pulledMember();
const card: PulledChange = {
  kind: 'card',
  data: { number: '8800001234567', memberId: 'M-A1', status: 'active', at, reason: null },
};
const earn = (id: string, points: number, memberId = 'M-A1'): PulledChange => ({
  kind: 'points',
  data: {
    id,
    memberId,
    kind: 'earn',
    points,
    reason: 'sale',
    sourceId: `sale-${id}`,
    storeId: 'hub-store-a',
    terminalId: 'hub-terminal-a',
    at,
  },
});

let db: Db;
let store: TerminalStore;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = createRepositories(db);
});
afterEach(() => db.close());

describe('applying a pulled page', () => {
  it('makes the member known, with the card and the balance, and stores the cursor', () => {
    expect(applyPulledPage(store, [member, card, earn('E1', 30), earn('E2', 12)], '7.3')).toBe(4);
    expect(store.members.findByPhone('+8613955501234')).toMatchObject({ name: '陈静', activeCard: '8800001234567' });
    expect(store.points.balance('M-A1')).toBe(42);
    expect(store.settings.get(pullCursorKey)).toBe('7.3');
  });

  it('changes nothing when the same page comes again (a lost answer, a restart)', () => {
    const page = [member, card, earn('E1', 30)];
    applyPulledPage(store, page, '7.3');
    expect(applyPulledPage(store, page, '7.3')).toBe(0);
    expect(store.points.balance('M-A1')).toBe(30);
    expect(store.members.count()).toBe(1);
  });

  it('never writes what it applied to the outbox: it came from the hub', () => {
    applyPulledPage(store, [member, card, earn('E1', 30)], '7.3');
    expect(store.outbox.pending()).toEqual([]);
  });

  it('a card blocked at another shop is refused here too', () => {
    applyPulledPage(store, [member, card], '1.1');
    applyPulledPage(store, [{ kind: 'card', data: { ...card.data, status: 'blocked', reason: 'lost' } }], '1.2');
    expect(store.cards.get('8800001234567')).toMatchObject({ status: 'blocked', blockReason: 'lost' });
  });

  it('keeps the local member on the phone when another one arrives with it, and keeps the other as a claim', () => {
    applyPulledPage(store, [member], '1.1');
    const other: PulledChange = { kind: 'member', data: { ...member.data, id: 'M-B9', referralCode: 'REFB09' } };
    expect(applyPulledPage(store, [other, earn('E3', 5, 'M-B9')], '1.2')).toBe(2);
    expect(store.members.findByPhone('+8613955501234')!.id).toBe('M-A1');
    expect(store.members.get('M-B9')).toMatchObject({ phone: '+8613955501234', phoneClaimed: true });
    expect(store.points.balance('M-B9')).toBe(5);
    expect(store.settings.get(pullCursorKey)).toBe('1.2');
  });
});
