// The terminal's push path against a hub double on 127.0.0.1 (test/support/hub-double.ts): real
// sales at a real SQLite core reach the hub once, through dropped answers, refusals, busy answers,
// a revoked credential and a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinliError } from '../contract';
import type { SyncTiming } from '../features/sync/outbox-relay';
import { startHubDouble, type HubDouble } from './support/hub-double';
import { cashSale, openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { enrolment, tempDir } from './support/temp-core';

// Short polls and back-off so each test takes well under a second of waiting (a Retry-After of
// one second is the longest wait here); the relay's defaults are seconds to minutes.
const fast: SyncTiming = { pollMs: 50, backoffBaseMs: 20, backoffCapMs: 200, requestTimeoutMs: 3000 };

/** Waits (bounded) until the check passes; fails with the check's last complaint otherwise. */
async function until(check: () => void | Promise<void>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await p;
  } catch (error) {
    if (error instanceof LinliError) return { code: error.code, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
  throw new Error('expected a refusal');
}

vi.setConfig({ testTimeout: 20_000 });

let dir: ReturnType<typeof tempDir>;
let hub: HubDouble;
let l: LoyaltyCore;

beforeEach(async () => {
  dir = tempDir('linli-sync-');
  hub = await startHubDouble();
  hub.addCode('CODE-1');
  l = await openLoyaltyCore(dir.dir, 'manager', { syncTiming: fast });
});

afterEach(async () => {
  await l.close();
  await hub.close();
  dir.remove();
});

const register = (core = l.core, code = 'CODE-1') =>
  core.methods.registerWithHub({ hubUrl: hub.url, code, terminalName: '翠湖店 收银 1' });

/** How often the hub answered `applied` for each id, over every attempt. */
function appliedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of hub.attempts)
    if (a.answer === 200)
      for (const r of a.results) if (r.status === 'applied') counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  return counts;
}

describe('registration', () => {
  it('stores the credential without showing it, and a replayed code shows the hub’s answer', async () => {
    expect(await l.core.methods.getSyncStatus()).toMatchObject({ registered: false, online: null });
    const status = await register();
    expect(status).toMatchObject({ registered: true, hubUrl: hub.url, hubTerminalId: 'HT1', hubStoreName: '翠湖店' });
    const credential = l.repos.settings.get('hub.credential')!;
    expect(credential).toMatch(/^credential-1-/);
    expect(JSON.stringify(status)).not.toContain(credential);

    // A second terminal with the same code: the hub says it was used, beside the code field.
    const other = tempDir('linli-sync-other-');
    const second = await openLoyaltyCore(other.dir, 'manager', { syncTiming: fast });
    try {
      expect(await refusal(register(second.core))).toEqual({ code: 'HUB_CODE_USED', field: 'code' });
      expect(await refusal(register(second.core, 'NO-SUCH-CODE'))).toEqual({ code: 'HUB_CODE_UNKNOWN', field: 'code' });
      expect(
        await refusal(second.core.methods.registerWithHub({ hubUrl: 'ftp://hub', code: 'X', terminalName: 'T' })),
      ).toEqual({ code: 'HUB_URL_INVALID', field: 'hubUrl' });
      const closed = await startHubDouble();
      await closed.close();
      expect(
        await refusal(second.core.methods.registerWithHub({ hubUrl: closed.url, code: 'X', terminalName: 'T' })),
      ).toEqual({ code: 'HUB_UNREACHABLE', field: 'hubUrl' });
      expect((await second.core.methods.getSyncStatus()).registered).toBe(false);
    } finally {
      await second.close();
      other.remove();
    }
  });
});

describe('push', () => {
  it('sales reach the hub once, in order, with the schema version and the credential', async () => {
    for (let i = 0; i < 3; i++) await l.core.methods.checkout(cashSale(l));
    const made = l.repos.outbox.pending().map((e) => e.id);
    expect(made.length).toBeGreaterThanOrEqual(3);
    await register();
    await until(async () => expect((await l.core.methods.getSyncStatus()).waiting).toBe(0));

    expect([...appliedCounts().keys()]).toEqual(made);
    expect([...appliedCounts().values()].every((n) => n === 1)).toBe(true);
    expect(hub.attempts[0]).toMatchObject({
      schemaVersion: 1,
      authorization: `Bearer ${l.repos.settings.get('hub.credential')}`,
    });
    const status = await l.core.methods.getSyncStatus();
    expect(status).toMatchObject({ online: true, lastError: null, parked: 0, lastSyncAt: '2026-06-15T04:00:00.000Z' });

    // A sale made now goes on its own, soon after it was recorded.
    await l.core.methods.checkout(cashSale(l));
    await until(() => expect(l.repos.outbox.pending()).toEqual([]));
    expect(hub.applied.size).toBeGreaterThan(made.length);
  });

  it('after an answer lost on the way the events go again, the hub answers duplicate, nothing is counted twice', async () => {
    await l.core.methods.checkout(cashSale(l));
    await l.core.methods.checkout(cashSale(l));
    const made = l.repos.outbox.pending().map((e) => e.id);
    hub.faults.push({ kind: 'dropAfterStore' });
    await register();
    await until(() => expect(l.repos.outbox.counts().waiting).toBe(0));

    expect(hub.attempts.map((a) => a.answer)).toEqual(['dropped', 200]);
    expect(hub.attempts[1]!.ids).toEqual(made);
    expect(hub.attempts[1]!.results.map((r) => r.status)).toEqual(made.map(() => 'duplicate'));
    expect([...hub.applied.keys()]).toEqual(made);
    expect(l.repos.outbox.counts()).toEqual({ waiting: 0, parked: 0 });
  });

  it('a refused event is parked with its reason and listed; the others go through and it is not resent', async () => {
    await l.core.methods.enrolMember(enrolment({ phone: '13900001111' }));
    await l.core.methods.checkout(cashSale(l));
    const made = l.repos.outbox.pending();
    const sale = made.find((e) => e.type === 'sale.completed')!;
    hub.rejectType = 'sale.completed';
    await register();
    await until(async () => expect((await l.core.methods.getSyncStatus()).waiting).toBe(0));

    expect(await l.core.methods.getSyncStatus()).toMatchObject({ parked: 1, online: true });
    expect(await l.core.methods.listParkedEvents()).toEqual([
      {
        id: sale.id,
        type: 'sale.completed',
        createdAt: sale.createdAt,
        parkedAt: '2026-06-15T04:00:00.000Z',
        reason: 'PAYLOAD_INVALID',
        detail: 'no sale.completed today',
      },
    ]);
    expect([...hub.applied.keys()]).toEqual(made.filter((e) => e !== sale).map((e) => e.id));
    // More sales later: the parked one is not among what is sent again.
    hub.rejectType = null;
    await l.core.methods.enrolMember(enrolment({ phone: '13900002222' }));
    await until(() => expect(l.repos.outbox.counts().waiting).toBe(0));
    expect(hub.attempts.flatMap((a) => a.ids).filter((id) => id === sale.id)).toHaveLength(1);
  });

  it('a busy hub is tried again when its Retry-After says (seconds, or a date on the hub’s clock), not at the relay’s back-off', async () => {
    await l.close();
    // A back-off window of a minute: only Retry-After can make the relay try again within this test.
    l = await openLoyaltyCore(dir.dir, 'manager', {
      syncTiming: { ...fast, backoffBaseMs: 60_000, backoffCapMs: 60_000, random: () => 0.99 },
    });
    await l.core.methods.checkout(cashSale(l));
    hub.faults.push(
      { kind: 'status', status: 503, retryAfter: '1' },
      // The terminal's clock is pinned to June 2026; the date is the hub's (this machine's) now.
      { kind: 'status', status: 429, retryAfter: new Date(Date.now() + 1000).toUTCString() },
    );
    await register();
    await until(async () => expect((await l.core.methods.getSyncStatus()).waiting).toBe(0));
    expect(hub.attempts.map((a) => a.answer)).toEqual([503, 429, 200]);
    expect(new Set(hub.attempts.map((a) => a.ids.join()))).toHaveProperty('size', 1);
  });

  it('a revoked credential stops the relay and the status says so', async () => {
    await register();
    await l.core.methods.checkout(cashSale(l));
    await until(() => expect(l.repos.outbox.counts().waiting).toBe(0));
    hub.revokeAll();
    await l.core.methods.checkout(cashSale(l));
    await until(async () =>
      expect(await l.core.methods.getSyncStatus()).toMatchObject({
        registered: true,
        online: false,
        lastError: 'HUB_UNAUTHORIZED',
        waiting: 1,
      }),
    );
    const tries = hub.attempts.length;
    await l.core.methods.checkout(cashSale(l));
    await new Promise((r) => setTimeout(r, 300)); // several polls' worth: none of them may ask the hub
    expect(hub.attempts.length).toBe(tries);
    expect(l.repos.outbox.counts().waiting).toBe(2);
  });

  it('what was pending when the core closed goes out after it opens again on the same file', async () => {
    await register();
    hub.down = true;
    await l.core.methods.checkout(cashSale(l));
    await l.core.methods.checkout(cashSale(l));
    await until(async () =>
      expect(await l.core.methods.getSyncStatus()).toMatchObject({ online: false, lastError: 'HUB_UNREACHABLE' }),
    );
    const pending = l.repos.outbox.pending().map((e) => e.id);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    await l.close();

    hub.down = false;
    l = await openLoyaltyCore(dir.dir, 'manager', { syncTiming: fast });
    await until(() => expect(l.repos.outbox.counts().waiting).toBe(0));
    for (const id of pending) expect(hub.applied.get(id)).toBe(1);
    expect(await l.core.methods.getSyncStatus()).toMatchObject({ registered: true, online: true, lastError: null });
  });
});
