// npm run bench:lookup — member lookup at the counter with a million members on the terminal.
// Prints p50/p95/p99 per kind of lookup, the database size and generation time, and one JSON line.
// Never fails on a slow machine: figures only. LINLI_BENCH_MEMBERS=N for a smaller run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLinli, databaseFileName } from '../features/app';
import { luhnCheckDigit } from '../domain/card-number';
import { nameIndexText } from '../domain/name-search';
import { demoStaff } from '../features/demo/demo';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';

const total = Number(process.env.LINLI_BENCH_MEMBERS ?? 1_000_000);
const samples = Number(process.env.LINLI_BENCH_SAMPLES ?? 2000);

// A small deterministic generator so every run builds the same database.
let seed = 0x2545f491;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const given = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞宇浩然子涵欣怡梓轩雨萱思远佳琪嘉怡俊杰晓雪晨阳',
];
const firstNames = [
  'Anna',
  'James',
  'Maria',
  'David',
  'Sophie',
  'Lucas',
  'Emma',
  'Oliver',
  'Mia',
  'Noah',
  'Chloe',
  'Ethan',
  'Grace',
  'Leo',
  'Hannah',
  'Daniel',
  'Aiko',
  'Minjun',
  'Priya',
  'Carlos',
];
const lastNames = [
  'Smith',
  'Müller',
  'Johnson',
  'Brown',
  'Garcia',
  'Martin',
  'Rossi',
  'Dubois',
  'Schmidt',
  'Kim',
  'Tanaka',
  'Nguyen',
  'Silva',
  'Novak',
  'Jensen',
  'Walker',
  'Wright',
  'Lopez',
  'Fischer',
  'Okafor',
];

function memberName(i: number): string {
  if (i % 10 === 0) return `${pick(firstNames)} ${pick(lastNames)}`; // one in ten Latin names
  return pick(surnames) + pick(given) + (rand() < 0.7 ? pick(given) : '');
}
// Unique per i: an odd multiplier permutes 0..10^8-1 so numbers do not look sequential.
const mobilePrefixes = ['139', '138', '137', '136', '135', '188', '187', '186', '150', '151'];
const phoneOf = (i: number) => `+86${mobilePrefixes[i % 10]}${String((i * 7_654_321) % 100_000_000).padStart(8, '0')}`;
function cardOf(i: number): string {
  const payload = `88${String((i * 9_999_991) % 10_000_000_000_000).padStart(13, '0')}`;
  return payload + luhnCheckDigit(payload);
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95), p99: at(99) };
}
const ms = (n: number) => Number(n.toFixed(3));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-lookup-'));
  try {
    console.log(`Generating ${total.toLocaleString('en')} members in ${dir} …`);
    const started = performance.now();
    const db = openDatabase(join(dir, databaseFileName));
    db.pragma('synchronous = OFF'); // bulk generation only; the app always runs with FULL
    const repos = createRepositories(db);
    const names: string[] = [];
    const batch = 20_000;
    const at = new Date().toISOString();
    for (let start = 0; start < total; start += batch) {
      repos.transaction(() => {
        for (let i = start; i < Math.min(total, start + batch); i++) {
          const name = memberName(i);
          if (i % 97 === 0) names.push(name);
          const phone = phoneOf(i);
          const id = `M${String(i).padStart(12, '0')}`;
          repos.members.insert({
            id,
            name,
            phone,
            phoneNational: phone,
            phoneLast4: phone.slice(-4),
            nameTokens: nameIndexText(name),
            birthday: null,
            gender: 'unspecified',
            community: null,
            interests: [],
            referralCode: `R${i.toString(32).toUpperCase().padStart(7, '0')}`,
            referredBy: null,
            storeId: null,
            enrolledBy: null,
            enrolledAt: at,
            updatedAt: at,
          });
          repos.cards.insert(cardOf(i), id, at, null);
        }
      });
      if ((start / batch) % 10 === 0) process.stdout.write(`\r  ${Math.round((100 * start) / total)}%`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const generationSeconds = (performance.now() - started) / 1000;
    process.stdout.write('\r  100%\n');
    const bytes = statSync(join(dir, databaseFileName)).size;

    const core = openLinli({ dataDir: dir, demo: true, host: 'browser' });
    const cashier = (await core.methods.listStaff()).find((s) => s.role === 'cashier')!;
    await core.methods.login({ staffId: cashier.id, pin: demoStaff[0].pin });

    async function measure(label: string, query: () => string) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < samples; i++) {
        const q = query();
        const t0 = performance.now();
        const result = await core.methods.searchMembers({ query: q });
        times.push(performance.now() - t0);
        if (result.members.length) found++;
      }
      const p = percentiles(times);
      console.log(
        `${label.padEnd(18)} p50 ${ms(p.p50)} ms  p95 ${ms(p.p95)} ms  p99 ${ms(p.p99)} ms  (${found}/${samples} found)`,
      );
      return p;
    }

    const card = await measure('card', () => cardOf(Math.floor(rand() * total)));
    const phone = await measure('full phone', () => phoneOf(Math.floor(rand() * total)).replace('+86', ''));
    const suffix = await measure('phone suffix', () => String(Math.floor(rand() * 10_000)).padStart(4, '0'));
    const prefix = await measure('name prefix', () => {
      const name = pick(names);
      return /^[A-Za-z]/.test(name) ? name.split(' ')[1]!.slice(0, 3) : name.slice(0, 2);
    });
    await core.close();

    console.log(
      `members ${total.toLocaleString('en')}, database ${(bytes / 1024 / 1024).toFixed(1)} MiB, generated in ${generationSeconds.toFixed(1)} s`,
    );
    console.log(
      JSON.stringify({
        bench: 'lookup',
        members: total,
        samples,
        dbBytes: bytes,
        generationSeconds: Number(generationSeconds.toFixed(1)),
        cardP50Ms: ms(card.p50),
        cardP95Ms: ms(card.p95),
        cardP99Ms: ms(card.p99),
        phoneP50Ms: ms(phone.p50),
        phoneP95Ms: ms(phone.p95),
        phoneP99Ms: ms(phone.p99),
        phoneSuffixP50Ms: ms(suffix.p50),
        phoneSuffixP95Ms: ms(suffix.p95),
        phoneSuffixP99Ms: ms(suffix.p99),
        namePrefixP50Ms: ms(prefix.p50),
        namePrefixP95Ms: ms(prefix.p95),
        namePrefixP99Ms: ms(prefix.p99),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
