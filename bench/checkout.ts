// npm run bench:checkout — a complete checkout commit on a terminal holding 1M members and 10M
// points-ledger entries, against a bare one-row INSERT commit measured in the same run, on the same
// file, with the same pragmas (WAL, synchronous=FULL). Prints p50/p95 of both, their ratio (goal
// ≤ 1.5: a sale should cost little more than the fsync every commit pays), the time to compute a
// balance from 1,000 entries, and one JSON line. Never fails on a slow machine: figures only.
// LINLI_BENCH_MEMBERS / LINLI_BENCH_ENTRIES / LINLI_BENCH_SAMPLES for a smaller run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFileName, openLinli } from '../features/app';
import { demoStaff } from '../features/demo/demo';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';

const members = Number(process.env.LINLI_BENCH_MEMBERS ?? 1_000_000);
const entries = Number(process.env.LINLI_BENCH_ENTRIES ?? 10_000_000);
const samples = Number(process.env.LINLI_BENCH_SAMPLES ?? 1000);
const heavyEntries = 1000;

let seed = 0x9e3779b9;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95) };
}
const ms = (n: number) => Number(n.toFixed(3));
const memberId = (i: number) => `M${String(i).padStart(12, '0')}`;

/** Bulk generation: raw prepared INSERTs in large transactions, synchronous=OFF (generation only). */
function generate(file: string) {
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  const repos = createRepositories(db);
  const storeId = repos.settings.get('store_id');
  const terminalId = repos.settings.get('terminal_id')!;
  const at = '2026-03-01T02:00:00.000Z';
  const insertMember =
    db.prepare(`INSERT INTO members (id, name, phone_e164, phone_last4, phone_national, gender, interests, referral_code,
    store_id, enrolled_at, updated_at) VALUES (?, ?, ?, ?, ?, 'unspecified', '[]', ?, ?, ?, ?)`);
  const insertEntry =
    db.prepare(`INSERT INTO points_ledger (id, member_id, kind, points, reason, store_id, terminal_id, at, expires_on)
    VALUES (?, ?, ?, ?, 'sale', ?, ?, ?, ?)`);
  const batch = 100_000;
  for (let start = 0; start < members; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(members, start + batch); i++) {
        const phone = `+86139${String((i * 7_654_321) % 100_000_000).padStart(8, '0')}`;
        insertMember.run(
          memberId(i),
          `会员${i}`,
          phone,
          phone.slice(-4),
          phone,
          `B${i.toString(32).toUpperCase().padStart(7, '0')}`,
          storeId,
          at,
          at,
        );
      }
    })();
    process.stdout.write(`\r  members ${Math.round((100 * Math.min(members, start + batch)) / members)}%`);
  }
  process.stdout.write('\n');
  // Member 0 gets exactly 1,000 entries (the balance figure); the rest are spread evenly.
  const rest = Math.max(0, entries - heavyEntries);
  const perMember = Math.floor(rest / Math.max(1, members - 1));
  const extra = rest - perMember * Math.max(1, members - 1);
  const quota = (m: number) => (m === 0 ? heavyEntries : perMember + (m - 1 < extra ? 1 : 0));
  let written = 0;
  let member = 0;
  let k = 0;
  while (written < entries && member < members) {
    db.transaction(() => {
      for (let n = 0; n < batch && written < entries && member < members; n++) {
        const earn = k % 5 !== 4;
        const day = 1 + (k % 27);
        insertEntry.run(
          `L${String(written).padStart(12, '0')}`,
          memberId(member),
          earn ? 'earn' : 'redeem',
          earn ? 40 + (k % 60) : -30,
          storeId,
          terminalId,
          `2026-0${1 + (k % 5)}-${String(day).padStart(2, '0')}T03:00:00.000Z`,
          earn ? '2027-12-31' : null,
        );
        written++;
        k++;
        if (k >= quota(member)) {
          member++;
          k = 0;
        }
      }
    })();
    process.stdout.write(`\r  ledger ${Math.round((100 * written) / entries)}%`);
  }
  process.stdout.write('\n');
  db.exec('CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return written;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-checkout-'));
  const file = join(dir, databaseFileName);
  try {
    console.log(
      `Generating ${members.toLocaleString('en')} members and ${entries.toLocaleString('en')} ledger entries in ${dir} …`,
    );
    const started = performance.now();
    // First open seeds the demo store (products, prices, tiers, coupons) exactly as the app does.
    await openLinli({ dataDir: dir, demo: true, host: 'browser' }).close();
    const written = generate(file);
    const generationSeconds = (performance.now() - started) / 1000;
    const bytes = statSync(file).size;

    const core = openLinli({ dataDir: dir, demo: true, host: 'browser' });
    const cashier = (await core.methods.listStaff()).find((s) => s.role === 'cashier')!;
    await core.methods.login({ staffId: cashier.id, pin: demoStaff[0].pin });
    const products = await core.methods.listProducts();
    const tea = products.find((p) => p.sku === 'TEA-001')!.id;
    const cake = products.find((p) => p.sku === 'SNK-001')!.id;
    // The bare commit: a second connection to the same file, opened the way the app opens it.
    const bare = openDatabase(file);
    const bareInsert = bare.prepare('INSERT INTO bench_bare (at) VALUES (?)');
    const bareRepos = createRepositories(bare);

    let n = 0;
    const checkoutOnce = async () => {
      const who = memberId(1 + Math.floor(rand() * (members - 1)));
      const t0 = performance.now();
      await core.methods.checkout({
        requestId: `bench-${process.pid}-${n++}`,
        memberId: who,
        lines: [
          { productId: tea, quantity: 1 + (n % 3) },
          { productId: cake, quantity: 1 },
        ],
        couponCodes: [],
        pointsToRedeem: 0,
        tenders: [{ method: 'cash', amountMinor: 50_000 }],
      });
      return performance.now() - t0;
    };
    const bareOnce = () => {
      const t0 = performance.now();
      bareInsert.run(new Date().toISOString());
      return performance.now() - t0;
    };

    for (let i = 0; i < 30; i++) {
      await checkoutOnce();
      bareOnce();
    }
    const checkoutTimes: number[] = [];
    const bareTimes: number[] = [];
    // Interleaved, so both see the same disk, cache and WAL size.
    for (let i = 0; i < samples; i++) {
      checkoutTimes.push(await checkoutOnce());
      bareTimes.push(bareOnce());
      // Let the print queue (a simulated printer in demo mode) work between sales, as at a counter.
      await new Promise((resolve) => setImmediate(resolve));
    }

    // Why a sale costs more than a bare commit: WAL frames (pages) each commit writes and syncs.
    const settle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const framesOf = async (run: () => Promise<unknown> | unknown) => {
      let total = 0;
      for (let i = 0; i < 20; i++) {
        await settle();
        bare.pragma('wal_checkpoint(TRUNCATE)');
        await run();
        total += (bare.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
      }
      return total / 20;
    };
    const checkoutFrames = await framesOf(checkoutOnce);
    const bareFrames = await framesOf(bareOnce);

    const balanceTimes: number[] = [];
    const loyaltyTimes: number[] = [];
    let heavyBalance = 0;
    for (let i = 0; i < 200; i++) {
      let t0 = performance.now();
      heavyBalance = bareRepos.points.balance(memberId(0));
      balanceTimes.push(performance.now() - t0);
      t0 = performance.now();
      await core.methods.getMemberLoyalty({ memberId: memberId(0) });
      loyaltyTimes.push(performance.now() - t0);
    }
    const heavyCount = (
      bare.prepare('SELECT count(*) AS n FROM points_ledger WHERE member_id = ?').get(memberId(0)) as { n: number }
    ).n;
    bare.close();
    await new Promise((resolve) => setImmediate(resolve));
    await core.close();

    const c = percentiles(checkoutTimes);
    const b = percentiles(bareTimes);
    const bal = percentiles(balanceTimes);
    const loy = percentiles(loyaltyTimes);
    console.log(
      `members ${members.toLocaleString('en')}, ledger entries ${written.toLocaleString('en')}, database ${(bytes / 1024 / 1024).toFixed(0)} MiB, generated in ${generationSeconds.toFixed(1)} s`,
    );
    console.log(
      `checkout commit   p50 ${ms(c.p50)} ms  p95 ${ms(c.p95)} ms  (${samples} sales: 2 lines, member, cash, points earned, receipt queued)`,
    );
    console.log(`bare INSERT commit p50 ${ms(b.p50)} ms  p95 ${ms(b.p95)} ms  (same file, WAL, synchronous=FULL)`);
    console.log(`ratio p50 ${(c.p50 / b.p50).toFixed(2)}  p95 ${(c.p95 / b.p95).toFixed(2)}  (goal ≤ 1.5)`);
    console.log(
      `pages written per commit: checkout ${checkoutFrames.toFixed(1)}, bare insert ${bareFrames.toFixed(1)}`,
    );
    console.log(
      `balance of a member with ${heavyCount} entries: p50 ${ms(bal.p50)} ms (SUM over the member index), whole member screen p50 ${ms(loy.p50)} ms; balance ${heavyBalance}`,
    );
    console.log(
      JSON.stringify({
        bench: 'checkout',
        members,
        ledgerEntries: written,
        samples,
        dbBytes: bytes,
        generationSeconds: Number(generationSeconds.toFixed(1)),
        checkoutP50Ms: ms(c.p50),
        checkoutP95Ms: ms(c.p95),
        bareInsertP50Ms: ms(b.p50),
        bareInsertP95Ms: ms(b.p95),
        ratio: Number((c.p50 / b.p50).toFixed(2)),
        ratioP95: Number((c.p95 / b.p95).toFixed(2)),
        checkoutWalPages: Number(checkoutFrames.toFixed(1)),
        bareWalPages: Number(bareFrames.toFixed(1)),
        balance1000EntriesP50Ms: ms(bal.p50),
        memberLoyalty1000EntriesP50Ms: ms(loy.p50),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
