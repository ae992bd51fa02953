// npm run bench:sync — the hub against the real PostgreSQL (127.0.0.1:5432, db `test`), as a child
// process on a fresh schema (dropped afterwards), so every figure includes HTTP and JSON:
//   ingest         simulated terminals push sale/enrolment batches of 500 to one hub process;
//   ingest200      200 terminals push at once;
//   propagation    A pushes an enrolment while B long-polls: push sent → B's answer, p50/p95;
//   polls          1,000 terminals long-poll at once: the hub's resident memory (VmRSS);
//   backlog        a real terminal core (SQLite) with 100k events in its outbox after a week
//                  offline registers, and its outbox relay drains them;
//   bootstrap      the hub's change log holds 1M members (seeded with generate_series); an empty
//                  terminal core registers and its pull applier brings all of them into SQLite.
// Prints one line per phase and one JSON line. Never fails on a missed goal: figures only.
// Sizes: LINLI_BENCH_SCALE=0.1 scales every count (a quick run); LINLI_BENCH_MEMBERS,
// LINLI_BENCH_BACKLOG, LINLI_BENCH_INGEST_EVENTS, LINLI_BENCH_POLLS set one each;
// LINLI_BENCH_PHASES=ingest,polls runs some phases only; LINLI_BENCH_DATABASE_URL another server.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import type { PushRequest, PushResponse, PullResponse } from '../contract';
import { syncSchemaVersion } from '../contract';
import { databaseFileName, openLinli, type LinliCore } from '../features/app';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { pullCursorKey } from '../features/sync/pull-apply';
import { loginAs } from '../test/support/temp-core';
import { enrolment, eventSource, seedMembersSql } from './sync-events';
import {
  call,
  endCursor,
  percentile,
  registerTerminals,
  registrationCode,
  createStore,
  sleep,
  startBenchHub,
  type BenchHub,
  type SimTerminal,
} from './sync-wire';

const env = process.env;
const scale = Number(env.LINLI_BENCH_SCALE ?? 1);
const sized = (name: string, full: number, min = 1) => Math.max(min, Number(env[name] ?? Math.round(full * scale)));
const size = {
  ingestEvents: sized('LINLI_BENCH_INGEST_EVENTS', 200_000, 500),
  ingestTerminals: 8,
  crowdTerminals: 200,
  crowdEventsEach: sized('LINLI_BENCH_CROWD_EVENTS', 1000, 50),
  propagationSamples: sized('LINLI_BENCH_PROPAGATION', 200, 20),
  polls: sized('LINLI_BENCH_POLLS', 1000, 10),
  backlog: sized('LINLI_BENCH_BACKLOG', 100_000, 500),
  members: sized('LINLI_BENCH_MEMBERS', 1_000_000, 1000),
};
const phases = new Set((env.LINLI_BENCH_PHASES ?? 'ingest,ingest200,propagation,polls,backlog,bootstrap').split(','));
const batchSize = 500;

const log = (line: string) => console.log(line);
const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/** Pushes one batch; a 429 waits as long as the hub asked and sends the same batch again. */
async function pushBatch(hub: BenchHub, t: SimTerminal, request: PushRequest): Promise<{ applied: number }> {
  for (;;) {
    const answer = await call(`${hub.url}/v1/push`, { token: t.credential, body: request });
    if (answer.status === 429) {
      await sleep(Number(answer.headers['retry-after'] ?? 1) * 1000);
      continue;
    }
    if (answer.status !== 200) throw new Error(`push: ${answer.status} ${JSON.stringify(answer.body)}`);
    const { results } = answer.body as PushResponse;
    return { applied: results.filter((r) => r.status === 'applied').length };
  }
}

/** Every terminal pushes its `each` events in batches of 500, one batch after another, all terminals at once. */
async function ingest(hub: BenchHub, terminals: SimTerminal[], each: number): Promise<number> {
  // Made before the clock starts: the bench measures the hub, not the generator.
  const batches = terminals.map(() => {
    const source = eventSource();
    const out: PushRequest[] = [];
    for (let left = each; left > 0; left -= batchSize)
      out.push({ schemaVersion: syncSchemaVersion, events: source.take(Math.min(batchSize, left)) });
    return out;
  });
  const started = performance.now();
  const applied = await Promise.all(
    terminals.map(async (t, i) => {
      let n = 0;
      for (const b of batches[i]!) n += (await pushBatch(hub, t, b)).applied;
      return n;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = applied.reduce((a, b) => a + b, 0);
  if (total !== terminals.length * each) log(`  (only ${total} of ${terminals.length * each} events applied)`);
  return total / seconds;
}

function pull(hub: BenchHub, t: SimTerminal, after: string, wait: number, agent?: Agent) {
  const query = new URLSearchParams({ stream: 'members', after, wait: String(wait) });
  return call(`${hub.url}/v1/pull?${query}`, { token: t.credential, ...(agent ? { agent } : {}) });
}

async function propagation(hub: BenchHub, a: SimTerminal, b: SimTerminal, samples: number) {
  let cursor = await endCursor(hub);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const polling = pull(hub, b, cursor, 25);
    // B's request has reached the hub and is waiting on its LISTEN before A pushes; the pause also
    // keeps A and B under the hub's rate limit (10 requests a second per terminal).
    await sleep(120 + (i % 5) * 10);
    const event = enrolment();
    const sent = performance.now();
    await pushBatch(hub, a, { schemaVersion: syncSchemaVersion, events: [event] });
    let answer = await polling;
    if (answer.status !== 200) throw new Error(`pull: ${answer.status} ${JSON.stringify(answer.body)}`);
    // A page without the enrolment (an older change) means B asks again at once, as a terminal does.
    while (!(answer.body as PullResponse).changes.some((c) => c.kind === 'member' && c.data.id === event.aggregateId)) {
      cursor = (answer.body as PullResponse).cursor;
      answer = await pull(hub, b, cursor, 25);
    }
    times.push(performance.now() - sent);
    cursor = (answer.body as PullResponse).cursor;
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function polls(hub: BenchHub, terminals: SimTerminal[], pusher: SimTerminal) {
  const cursor = await endCursor(hub);
  const before = hub.memory().rssMb;
  // One socket per terminal, as a thousand shops each hold one open.
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const waiting = terminals.map((t) => pull(hub, t, cursor, 25, agent));
  let answered = 0;
  for (const w of waiting) void w.then(() => answered++);
  // The hub has taken them all in when its memory stops growing; sample a while and keep the peak.
  let rssMb = 0;
  for (let i = 0; i < 20; i++) {
    await sleep(250);
    rssMb = Math.max(rssMb, hub.memory().rssMb);
  }
  const early = answered;
  const woke = performance.now();
  await pushBatch(hub, pusher, { schemaVersion: syncSchemaVersion, events: [enrolment()] });
  const answers = await Promise.all(waiting);
  const wakeAllMs = performance.now() - woke;
  agent.destroy();
  const failed = answers.filter((a) => a.status !== 200).length;
  return { rssMb, before, early, failed, wakeAllMs };
}

interface TerminalCore {
  core: LinliCore;
  repos: ReturnType<typeof createRepositories>;
  close(): Promise<void>;
}

/** A real terminal on a SQLite file of its own, a manager logged in, not yet registered. */
async function terminalCore(): Promise<TerminalCore> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-sync-'));
  // The relay's and the pull applier's own timing: batches of 500, pages of 5,000.
  const core = openLinli({ dataDir: dir, demo: true, host: 'browser' });
  await loginAs(core, 'manager');
  const db = openDatabase(join(dir, databaseFileName));
  return {
    core,
    repos: createRepositories(db),
    async close() {
      db.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function register(hub: BenchHub, t: TerminalCore, name: string) {
  const code = await registrationCode(hub, await createStore(hub));
  await t.core.methods.registerWithHub({ hubUrl: hub.url, code, terminalName: name });
}

async function backlog(hub: BenchHub, count: number): Promise<number> {
  const t = await terminalCore();
  try {
    // A week of a busy shop offline: enrolments and sales already in the outbox, as checkout wrote them.
    const source = eventSource();
    t.repos.transaction(() => {
      for (const e of source.take(count)) t.repos.outbox.append({ ...e, type: e.type as 'sale.completed' });
    });
    const started = performance.now();
    await register(hub, t, '积压 收银 1');
    while (t.repos.outbox.counts().waiting > 0) await sleep(50);
    const seconds = (performance.now() - started) / 1000;
    const { parked } = t.repos.outbox.counts();
    if (parked) log(`  (${parked} events parked)`);
    return seconds;
  } finally {
    await t.close();
  }
}

async function bootstrap(hub: BenchHub, members: number) {
  const [seeder] = await registerTerminals(hub, 1);
  let started = performance.now();
  await hub.sql.query(seedMembersSql, [members, seeder!.storeId, seeder!.terminalId]);
  await hub.sql.query('VACUUM ANALYZE changes');
  const seedSeconds = (performance.now() - started) / 1000;
  const end = await endCursor(hub);
  const t = await terminalCore();
  try {
    started = performance.now();
    await register(hub, t, '新店 收银 1');
    let shown = -1;
    while (t.repos.settings.get(pullCursorKey) !== end) {
      await sleep(100);
      const progress = (await t.core.methods.getSyncStatus()).pull;
      const percent = progress ? Math.floor(progress.fraction * 100) : -1;
      if (percent >= 0 && percent !== shown && percent % 10 === 0) log(`  bootstrap ${(shown = percent)} %`);
    }
    const seconds = (performance.now() - started) / 1000;
    const count = t.repos.members.count();
    if (count < members) log(`  (only ${count} members at the terminal)`);
    return { seconds, seedSeconds };
  } finally {
    await t.close();
  }
}

/** Runs a phase; one that breaks is reported and the others still run (the bench never fails a build). */
async function phase(name: string, fn: () => Promise<void>): Promise<void> {
  if (!phases.has(name)) return;
  try {
    await fn();
  } catch (error) {
    log(`${name}: could not finish: ${(error as Error).stack ?? String(error)}`);
  }
}

async function main() {
  log(`bench:sync on ${cpus().length} cores, scale ${scale}: ${JSON.stringify(size)}`);
  const result = {
    ingestEventsPerSec: null,
    ingest200TerminalsEventsPerSec: null,
    propagationP50Ms: null,
    propagationP95Ms: null,
    hubRssMbIdle: null,
    hubRssMbAt1000Polls: null,
    wake1000PollsMs: null,
    backlog100kSeconds: null,
    bootstrap1MSeconds: null,
  } as Record<
    | 'ingestEventsPerSec'
    | 'ingest200TerminalsEventsPerSec'
    | 'propagationP50Ms'
    | 'propagationP95Ms'
    | 'hubRssMbIdle'
    | 'hubRssMbAt1000Polls'
    | 'wake1000PollsMs'
    | 'backlog100kSeconds'
    | 'bootstrap1MSeconds',
    number | null
  >;
  const hub = await startBenchHub('a');
  try {
    // First, while the change log is empty: the backlog terminal's pull applier has nothing to fetch.
    await phase('backlog', async () => {
      const seconds = await backlog(hub, size.backlog);
      result.backlog100kSeconds = round((seconds * 100_000) / size.backlog, 1);
      log(`backlog: ${size.backlog} events drained by the outbox relay in ${seconds.toFixed(1)} s`);
    });
    await phase('propagation', async () => {
      const [a, b] = await registerTerminals(hub, 2, 1);
      const p = await propagation(hub, a!, b!, size.propagationSamples);
      result.propagationP50Ms = round(p.p50, 1);
      result.propagationP95Ms = round(p.p95, 1);
      log(
        `propagation A → B (long-poll), ${size.propagationSamples} samples: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`,
      );
    });
    await phase('polls', async () => {
      // Before the ingest phases: a hub that has just taken 200 pushes at once holds their memory a while.
      const [pusher, ...pollers] = await registerTerminals(hub, size.polls + 1);
      const p = await polls(hub, pollers, pusher!);
      result.hubRssMbIdle = round(p.before, 1);
      result.hubRssMbAt1000Polls = round(p.rssMb, 1);
      result.wake1000PollsMs = round(p.wakeAllMs);
      log(
        `polls: ${pollers.length} long-polls held: hub RSS ${p.rssMb.toFixed(1)} MB (${p.before.toFixed(1)} MB before); ` +
          `one push woke all in ${p.wakeAllMs.toFixed(0)} ms` +
          (p.early ? `; ${p.early} answered before the push` : '') +
          (p.failed ? `; ${p.failed} not 200` : ''),
      );
    });
    await phase('ingest', async () => {
      const terminals = await registerTerminals(hub, size.ingestTerminals);
      const each = Math.ceil(size.ingestEvents / terminals.length / batchSize) * batchSize;
      const rate = await ingest(hub, terminals, each);
      result.ingestEventsPerSec = round(rate);
      log(`ingest: ${terminals.length} terminals × ${each} events, batches of ${batchSize}: ${round(rate)} events/s`);
    });
    await phase('ingest200', async () => {
      const crowd = await registerTerminals(hub, size.crowdTerminals);
      const rate = await ingest(hub, crowd, size.crowdEventsEach);
      result.ingest200TerminalsEventsPerSec = round(rate);
      log(`ingest200: ${crowd.length} terminals × ${size.crowdEventsEach} events at once: ${round(rate)} events/s`);
    });
  } finally {
    await hub.stop();
  }
  await phase('bootstrap', async () => {
    // A hub of its own: the bootstrapping terminal pulls the million members and nothing else.
    const hubB = await startBenchHub('b');
    try {
      const b = await bootstrap(hubB, size.members);
      result.bootstrap1MSeconds = round((b.seconds * 1_000_000) / size.members, 1);
      log(
        `bootstrap: ${size.members} members to an empty terminal in ${b.seconds.toFixed(1)} s (seeded in ${b.seedSeconds.toFixed(1)} s)`,
      );
    } finally {
      await hubB.stop();
    }
  });

  const goals: [string, boolean | null][] = [
    ['ingest ≥ 20,000 events/s', result.ingestEventsPerSec === null ? null : result.ingestEventsPerSec >= 20_000],
    ['bootstrap 1M ≤ 30 s', result.bootstrap1MSeconds === null ? null : result.bootstrap1MSeconds <= 30],
    ['propagation p95 ≤ 100 ms', result.propagationP95Ms === null ? null : result.propagationP95Ms <= 100],
    ['backlog 100k ≤ 30 s', result.backlog100kSeconds === null ? null : result.backlog100kSeconds <= 30],
    ['1,000 long-polls < 300 MB', result.hubRssMbAt1000Polls === null ? null : result.hubRssMbAt1000Polls < 300],
  ];
  for (const [goal, met] of goals) if (met !== null) log(`${met ? 'met   ' : 'MISSED'} ${goal}`);
  if (scale !== 1) log(`(scale ${scale}: per-100k and per-1M figures are extrapolated from the smaller run)`);
  console.log(JSON.stringify(result));
}

main()
  .catch((error: unknown) => {
    // A broken bench is still no failed build: say what broke.
    console.error('bench:sync could not finish:', error);
  })
  .finally(() => process.exit(0));
