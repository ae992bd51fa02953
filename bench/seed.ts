// The big terminal the benchmarks run against: the demo store as the app seeds it, plus generated
// members and points-ledger entries written with raw prepared INSERTs (bench:checkout, bench:ui).
// Deterministic: the same sizes always give the same rows.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnCheckDigit } from '../domain/card-number';
import { databaseFileName, openLinli } from '../features/app';
import { latestSchemaVersion } from '../db/migrate';
import { openDatabase, type Db } from '../db/open';
import { createRepositories } from '../db/repositories';

/** Member 0 gets exactly this many entries (a balance summed over many rows); the rest are spread evenly. */
export const heavyEntries = 1000;

export const memberId = (i: number) => `M${String(i).padStart(12, '0')}`;

/**
 * The card of a generated member that has one: prefix 881 keeps it clear of the demo member's
 * 880… card, and the Luhn digit makes it a card number the scan router accepts.
 */
export function seededCardNumber(i: number): string {
  const payload = `881${String(i).padStart(12, '0')}`;
  return payload + String(luhnCheckDigit(payload));
}

/** Which generated members have a card when `cards` of `members` do: spread evenly, member 0 first. */
export const cardHolder = (k: number, members: number, cards: number) => Math.floor((k * members) / cards);

export interface SeedSizes {
  members: number;
  entries: number;
  /** Generated members given a card (0: none, as bench:checkout has it). */
  cards?: number;
}

/** First open seeds the demo store (products, prices, tiers, coupons, the gold member) exactly as the app does. */
export async function seedDemoStore(dataDir: string): Promise<void> {
  await openLinli({ dataDir, demo: true, host: 'browser' }).close();
}

/**
 * Bulk generation into a seeded demo store: raw prepared INSERTs in large transactions,
 * synchronous=OFF (generation only). `finish` runs on the same connection before the final
 * checkpoint (a benchmark's own tables). Returns the ledger entries written.
 */
export function generate(file: string, sizes: SeedSizes, finish?: (db: Db) => void): number {
  const { members, entries, cards = 0 } = sizes;
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
  const holders = Math.min(cards, members);
  if (holders > 0) {
    for (let start = 0; start < holders; start += batch) {
      db.transaction(() => {
        for (let c = start; c < Math.min(holders, start + batch); c++) {
          const i = cardHolder(c, members, holders);
          repos.cards.insert(seededCardNumber(i), memberId(i), at, null);
        }
      })();
      process.stdout.write(`\r  cards ${Math.round((100 * Math.min(holders, start + batch)) / holders)}%`);
    }
    process.stdout.write('\n');
  }
  finish?.(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return written;
}

// Bump when generate() writes different rows: a cached file from before must not be reused.
const seedFormat = 1;

export interface CachedSeed {
  /** A fresh data directory holding a copy of the seeded terminal, for this run to write to. */
  dataDir: string;
  /** Where the seeded original is kept between runs. */
  cacheDir: string;
  /** False when this run built it (and how long that took); true when it was reused. */
  cached: boolean;
  buildSeconds: number;
  remove(): void;
}

/**
 * A seeded data directory, built once and kept under the OS temp dir between runs (building a
 * million members and ten million entries takes minutes), keyed by the sizes, the schema version
 * and the seed format. Each run gets its own copy, so sales a benchmark records never reach the cache.
 */
export async function cachedSeed(sizes: SeedSizes, prefix: string): Promise<CachedSeed> {
  const root = join(tmpdir(), 'linli-bench-seed');
  const key = `v${seedFormat}-schema${latestSchemaVersion}-m${sizes.members}-e${sizes.entries}-c${sizes.cards ?? 0}`;
  const cacheDir = join(root, key);
  let cached = true;
  let buildSeconds = 0;
  if (!existsSync(join(cacheDir, databaseFileName))) {
    cached = false;
    mkdirSync(root, { recursive: true });
    // Built beside the cache and renamed into place: an interrupted build is never taken for a cache.
    const building = mkdtempSync(join(root, `${key}.building-`));
    try {
      const started = performance.now();
      await seedDemoStore(building);
      generate(join(building, databaseFileName), sizes);
      buildSeconds = (performance.now() - started) / 1000;
      rmSync(cacheDir, { recursive: true, force: true });
      renameSync(building, cacheDir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw error;
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  // The checkpoint at the end of generate() left everything in the main file; a stray -wal or
  // -shm of an old run is not copied.
  cpSync(cacheDir, dataDir, { recursive: true, filter: (src) => !/-(wal|shm)$/.test(src) });
  return {
    dataDir,
    cacheDir,
    cached,
    buildSeconds,
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
