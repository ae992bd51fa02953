// A terminal killed (SIGKILL) after the hub committed its batch and before the acknowledgement was
// stored. The terminal runs in a child process (test/support/terminal-child.ts) and pushes through
// a loopback proxy that forwards the push to the hub and, when the hub's answer comes back, kills
// the child instead of delivering it: the hub has the events, the terminal's outbox still has them
// too. Opened again on the same SQLite file, the terminal sends them again, the hub answers
// `duplicate` for each, nothing is counted twice and the outbox empties. On PGlite and PostgreSQL.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { databaseFileName } from '../features/app';
import { testEngines } from './hub/engines';
import { startFaultProxy, type Exchange, type FaultProxy } from './support/fault-proxy';
import { openLoyaltyCore } from './support/loyalty';
import { fastSync, hubBalances, hubRowCounts, startTestHub, until, type TestHub } from './support/sync-hub';
import { tempDir } from './support/temp-core';

vi.setConfig({ testTimeout: 90_000 });
const root = resolve(import.meta.dirname, '..');
const engines = await testEngines();

interface ChildReport {
  memberId: string;
  pending: string[];
  balance: number;
}

/** Runs the terminal child until it dies; answers what it printed and the signal that ended it. */
function runTerminalUntilKilled(
  dataDir: string,
  hubUrl: string,
  code: string,
  onStart: (pid: number) => void,
): Promise<{ report: ChildReport; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/terminal-child.ts', dataDir, hubUrl, code], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onStart(child.pid!);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the terminal child was not killed by the proxy within 60 s:\n${output}`));
    }, 60_000);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (!line) return fail(new Error(`the terminal child printed no report:\n${output}`));
      ok({ report: JSON.parse(line) as ChildReport, signal, output });
    });
  });
}

const pushResults = (e: Exchange) =>
  (JSON.parse(e.answerBody!) as { results: { id: string; status: string }[] }).results;

describe.each(engines)('SIGKILL after the hub committed, before the ack was stored, on $name', (engine) => {
  const dir = tempDir('linli-kill-');
  let dispose: () => Promise<void>;
  let hub: TestHub;
  let proxy: FaultProxy;
  let childPid = 0;
  let killing = true;

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    hub = await startTestHub(opened.storage);
    proxy = await startFaultProxy({
      target: hub.url,
      // The hub's answer to the first push is back here: the terminal dies before it can read it.
      beforeDeliver(exchange) {
        if (!killing || exchange.path !== '/v1/push' || exchange.status !== 200) return true;
        killing = false;
        process.kill(childPid, 'SIGKILL');
        return false;
      },
    });
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await hub?.close();
    await dispose?.();
    dir.remove();
  });

  it('re-sends after the restart, the hub answers duplicate, nothing is counted twice', async () => {
    const code = await hub.registrationCode('KILL-A', '翠湖店');
    const { report, signal } = await runTerminalUntilKilled(dir.dir, proxy.url, code, (pid) => (childPid = pid));
    expect(signal).toBe('SIGKILL');
    expect(report.pending.length).toBeGreaterThan(5);

    // The hub committed every event of that push...
    const [killedPush] = proxy.log.filter((e) => e.path === '/v1/push');
    expect(killedPush!.delivered).toBe(false);
    const sent = pushResults(killedPush!);
    expect(sent.map((r) => r.status)).toEqual(report.pending.map(() => 'applied'));
    const { rows } = await hub.storage.query<{ id: string }>("SELECT id FROM stores WHERE code = 'KILL-A'");
    const storeId = rows[0]!.id;
    const atHub = await hubRowCounts(hub.storage, storeId);
    expect(atHub.events).toBe(report.pending.length);
    // ...and the terminal, dead before the answer, still holds all of them.
    const db = openDatabase(join(dir.dir, databaseFileName));
    expect(
      createRepositories(db)
        .outbox.pending()
        .map((e) => e.id),
    ).toEqual(report.pending);
    db.close();

    // Restarted on the same file: the events go again and come back `duplicate`.
    const l = await openLoyaltyCore(dir.dir, 'manager', fastSync);
    try {
      await until(() => expect(l.repos.outbox.counts()).toEqual({ waiting: 0, parked: 0 }));
      const resent = proxy.log.filter((e) => e.path === '/v1/push' && e.delivered).flatMap(pushResults);
      expect(resent.filter((r) => report.pending.includes(r.id)).map((r) => [r.id, r.status])).toEqual(
        report.pending.map((id) => [id, 'duplicate']),
      );
      // Nothing counted twice: the hub's rows are what the first push made, and the member's
      // ledger at the hub sums to the balance the counter showed.
      expect(await hubRowCounts(hub.storage, storeId)).toEqual(atHub);
      expect(await hubBalances(hub.storage, [report.memberId])).toEqual({ [report.memberId]: report.balance });
      expect((await l.core.methods.getMemberLoyalty({ memberId: report.memberId })).balance).toBe(report.balance);
      expect(await l.core.methods.getSyncStatus()).toMatchObject({ online: true, waiting: 0, lastError: null });
    } finally {
      await l.close();
    }
  });
});
