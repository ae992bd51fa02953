import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PulledChange } from '../../contract';
import { openDatabase, type Db } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import type { TerminalStore } from '../../db/store';
import { formatHlc, hlcAfter } from '../../domain/hlc';
import { hlcSettingKey } from '../members/member-clock';
import { pulledAt, pulledMember } from '../../test/support/pulled';
import { applyPulledPage } from './pull-apply';

const at = pulledAt;
const t0 = Date.parse(at);
const hlc = (ms: number, node: string) => formatHlc({ wallMs: ms, counter: 0, node });

const member = (id: string, referralCode: string, phone = '+8613955501234'): PulledChange =>
  pulledMember({ id, referralCode, phone, hlc: hlc(t0, 'A') });
const profile = (name: string, clock: string): PulledChange => ({
  kind: 'member_profile',
  data: {
    memberId: 'M-A1',
    name,
    birthday: '1990-05-01',
    gender: 'female',
    community: '翠湖花园',
    interests: ['茶艺'],
    updatedAt: at,
    hlc: clock,
  },
});
const points = (id: string, memberId: string, n: number, reason = 'sale'): PulledChange => ({
  kind: 'points',
  data: { id, memberId, kind: 'adjust', points: n, reason, sourceId: id, storeId: 's', terminalId: 'hub', at },
});

let db: Db;
let store: TerminalStore;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = createRepositories(db);
  store.settings.set('terminal_id', 'B');
});
afterEach(() => db.close());

describe('pulled members', () => {
  it('applies a profile edit only when its clock is later, and moves the local clock past every one seen', () => {
    applyPulledPage(store, [member('M-A1', 'REFA01'), profile('陈静静', hlc(t0 + 2000, 'A'))], '1.1');
    expect(store.members.get('M-A1')).toMatchObject({ name: '陈静静', community: '翠湖花园', interests: ['茶艺'] });
    expect(store.members.findByName('"静"*', 5).map((m) => m.name)).toEqual(['陈静静']);
    // An older edit heard later loses.
    expect(applyPulledPage(store, [profile('陈老', hlc(t0 + 1000, 'C'))], '1.2')).toBe(0);
    expect(store.members.get('M-A1')?.name).toBe('陈静静');
    expect(hlcAfter(store.settings.get(hlcSettingKey), hlc(t0 + 2000, 'A'))).toBe(true);
  });

  it('a merge re-points the cards, hands the phone to the survivor that claimed it, and leads lookups there', () => {
    // Here, M-B9 had the phone first; M-A1 arrived with it and was kept as a claim.
    applyPulledPage(store, [member('M-B9', 'REFB09')], '1.1');
    applyPulledPage(
      store,
      [
        member('M-A1', 'REFA01'),
        { kind: 'card', data: { number: '8800001', memberId: 'M-B9', status: 'active', at, reason: null } },
        points('E1', 'M-B9', 25),
        points('E2', 'M-A1', 40),
      ],
      '1.2',
    );
    expect(store.members.findByPhone('+8613955501234')?.id).toBe('M-B9');
    const merge: PulledChange[] = [
      points('X-out', 'M-B9', -25, 'merge'),
      points('X-in', 'M-A1', 25, 'merge'),
      { kind: 'merge', data: { mergeId: 'X', survivorId: 'M-A1', mergedId: 'M-B9', at } },
    ];
    expect(applyPulledPage(store, merge, '1.3')).toBe(3);
    expect(store.members.findByPhone('+8613955501234')).toMatchObject({ id: 'M-A1', phoneClaimed: false });
    expect(store.members.get('M-B9')).toMatchObject({ mergedInto: 'M-A1', phone: '+8613955501234' });
    expect(store.cards.get('8800001')?.memberId).toBe('M-A1');
    expect(store.points.balance('M-A1')).toBe(65);
    expect(store.points.balance('M-B9')).toBe(0);
    // The same merge again changes nothing.
    expect(applyPulledPage(store, merge, '1.3')).toBe(0);
  });
});
