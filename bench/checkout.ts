// npm run bench:checkout — a complete checkout commit on a terminal holding 1M members and 10M
// points-ledger entries, against two references measured in the same run, on the same file, with
// the same pragmas (WAL, synchronous=FULL, foreign_keys=ON):
//  - a bare one-row INSERT commit: what any commit costs (the fsync). `ratio` = checkout / bare
//    (goal ≤ 1.5: a sale should cost little more than the fsync every commit pays);
//  - the same-rows floor: exactly the rows one real checkout wrote, replayed as raw prepared
//    statements in one transaction. `ratioToFloor` = checkout / floor is what the use case adds on
//    top of writing its rows; floor / bare is what the way a sale is stored costs (rows, b-trees,
//    pages). The rows are captured from a real sale and the floor is built from the schema at run
//    time (PRAGMA table_list, table_xinfo, index_list, index_xinfo, foreign_key_list), never from
//    table names, so it stays right when the way a sale is stored changes.
// Also prints the WAL pages each commit writes, the rows per table and the b-trees a sale touches,
// the time to compute a balance from 1,000 entries, and one JSON line. Never fails on a slow
// machine: figures only. LINLI_BENCH_MEMBERS / LINLI_BENCH_ENTRIES / LINLI_BENCH_SAMPLES for a
// smaller run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFileName, openLinli } from '../features/app';
import { demoStaff } from '../features/demo/demo';
import { openDatabase, type Db } from '../db/open';
import { createRepositories } from '../db/repositories';
import { generate, memberId, seedDemoStore } from './seed';

const members = Number(process.env.LINLI_BENCH_MEMBERS ?? 1_000_000);
const entries = Number(process.env.LINLI_BENCH_ENTRIES ?? 10_000_000);
const samples = Number(process.env.LINLI_BENCH_SAMPLES ?? 1000);

function xorshift(seed: number) {
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
}
const rand = xorshift(0x9e3779b9);
// The order of checkout, bare and floor within a round is random: whichever commit comes first
// after a leaf filled pays for the new leaf (a sale's big rows fit two to a page), so a fixed
// order would hand that cost to the same one every time.
const orderRand = xorshift(0x85ebca6b);
// Picks the random existing rows the floor's copies reference (see buildFloor).
const floorRand = xorshift(0xc2b2ae35);
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(orderRand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95) };
}
const ms = (n: number) => Number(n.toFixed(3));

// ---- The same-rows floor ------------------------------------------------------------------------

type Value = string | number | bigint | Buffer | null;
type Row = Record<string, Value>;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pragma = <T>(db: Db, text: string) => db.pragma(text) as T[];
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const captureTable = 'bench_capture';

interface BTree {
  name: string;
  /** How the report names it: the columns, and what made it (PRIMARY KEY, UNIQUE, partial). */
  label: string;
  /** Key columns; null for an expression. */
  columns: (string | null)[];
  /** WHERE of a partial index: a row outside it writes nothing to it. */
  where: string | null;
}

interface TableShape {
  name: string;
  withoutRowid: boolean;
  /** Stored columns a copy gives values to (generated and hidden ones are computed by SQLite). */
  columns: string[];
  /** How a captured row is found again: the PRIMARY KEY of a WITHOUT ROWID table, else the rowid. */
  keyColumns: string[] | null;
  /** Everything a duplicate would violate: PRIMARY KEY, UNIQUE constraints and UNIQUE indexes. */
  uniques: (string | null)[][];
  /** The b-trees besides the table's own (for WITHOUT ROWID the PRIMARY KEY index is the table). */
  indexes: BTree[];
  /** Columns some index starts with: their newest value is found without a scan. */
  leading: Set<string>;
  /** Column → the parent column it references; such a value follows its parent, never its own. */
  references: Map<string, { table: string; column: string; single: boolean }>;
}

function describeSchema(db: Db): Map<string, TableShape> {
  const shapes = new Map<string, TableShape>();
  const sqlOf = db.prepare<[string], { sql: string | null }>(
    `SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`,
  );
  // Ordinary tables only. Shadow tables (a virtual table's storage, e.g. the FTS member names)
  // refuse triggers: a sale writing one would show as floor pages below checkout pages.
  const tables = pragma<{ schema: string; name: string; type: string; wr: number }>(db, 'table_list').filter(
    (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && t.name !== captureTable,
  );
  for (const t of tables) {
    const info = pragma<{ name: string; type: string; pk: number; hidden: number }>(db, `table_xinfo(${q(t.name)})`);
    const pk = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const withoutRowid = t.wr === 1;
    const uniques: (string | null)[][] = [];
    // INTEGER PRIMARY KEY is the rowid itself: no index of its own, but a key all the same.
    if (!withoutRowid && pk.length === 1 && info.find((c) => c.name === pk[0])!.type.toUpperCase() === 'INTEGER')
      uniques.push([pk[0]!]);
    const indexes: BTree[] = [];
    const leading = new Set<string>();
    type IndexRow = { name: string; unique: number; origin: string; partial: number };
    for (const ix of pragma<IndexRow>(db, `index_list(${q(t.name)})`)) {
      const columns = pragma<{ cid: number; name: string | null; key: number }>(db, `index_xinfo(${q(ix.name)})`)
        .filter((c) => c.key === 1)
        .map((c) => (c.cid === -2 ? null : c.cid === -1 ? 'rowid' : c.name));
      const where = ix.partial ? (/\)\s*WHERE\s+([\s\S]+)$/i.exec(sqlOf.get(ix.name)?.sql ?? '')?.[1] ?? null) : null;
      if (ix.unique) uniques.push(columns);
      if (columns[0]) leading.add(columns[0]);
      if (withoutRowid && ix.origin === 'pk') continue;
      const what = ix.origin === 'pk' ? 'PRIMARY KEY ' : ix.unique ? 'UNIQUE ' : '';
      const label = `${ix.name} (${what}${columns.map((c) => c ?? '<expr>').join(', ')}${where ? ` WHERE ${where.trim()}` : ''})`;
      indexes.push({ name: ix.name, label, columns, where });
    }
    const references = new Map<string, { table: string; column: string; single: boolean }>();
    const fks = pragma<{ id: number; table: string; from: string; to: string | null }>(
      db,
      `foreign_key_list(${q(t.name)})`,
    );
    for (const fk of fks) {
      // REFERENCES parent without a column means the parent's PRIMARY KEY.
      const parentPk =
        fk.to ??
        pragma<{ name: string; pk: number }>(db, `table_info(${q(fk.table)})`).find((c) => c.pk === 1)?.name ??
        'rowid';
      references.set(fk.from, {
        table: fk.table,
        column: parentPk,
        single: fks.filter((k) => k.id === fk.id).length === 1,
      });
    }
    shapes.set(t.name, {
      name: t.name,
      withoutRowid,
      columns: info.filter((c) => c.hidden === 0).map((c) => c.name),
      keyColumns: withoutRowid ? pk : null,
      uniques,
      indexes,
      leading,
      references,
    });
  }
  return shapes;
}

interface CapturedRow {
  table: TableShape;
  op: 'insert' | 'update' | 'delete';
  /** SQL condition that finds the row again (rowid = …, or (pk…) = (…) as quote() wrote it). */
  where: string;
  /** Updates: the columns the sale changed, with their value before the sale. */
  before: Map<string, Value>;
  values: Row;
  /** The b-trees this row wrote to. */
  bTrees: string[];
}

/**
 * Runs one real checkout with temporary AFTER INSERT/UPDATE/DELETE triggers on every table, so the
 * capture is exactly what that sale wrote, whatever the schema. Triggers live in the main schema
 * (the checkout runs on the app's own connection) and are dropped before anything is measured.
 */
async function captureRows(
  db: Db,
  shapes: Map<string, TableShape>,
  run: () => Promise<unknown>,
  settle: () => Promise<void>,
): Promise<CapturedRow[]> {
  db.exec(
    `CREATE TABLE ${captureTable} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, key TEXT NOT NULL, changed TEXT)`,
  );
  const triggers: string[] = [];
  let log: { tbl: string; op: 'insert' | 'update' | 'delete'; key: string; changed: string | null }[];
  try {
    [...shapes.values()].forEach((t, i) => {
      const key = (row: 'NEW' | 'OLD') =>
        t.keyColumns ? t.keyColumns.map((c) => `quote(${row}.${q(c)})`).join(` || ',' || `) : `quote(${row}.rowid)`;
      // Each changed column as name \x1e quote(old value) \x1f.
      const changed = t.columns
        .map(
          (c) =>
            `CASE WHEN OLD.${q(c)} IS NOT NEW.${q(c)} THEN ${lit(c)} || char(30) || quote(OLD.${q(c)}) || char(31) ELSE '' END`,
        )
        .join(' || ');
      const on = `ON main.${q(t.name)} BEGIN INSERT INTO ${captureTable} (tbl, op, key, changed) VALUES (${lit(t.name)}`;
      for (const [suffix, sql] of [
        ['i', `AFTER INSERT ${on}, 'insert', ${key('NEW')}, NULL); END`],
        ['u', `AFTER UPDATE ${on}, 'update', ${key('NEW')}, ${changed || 'NULL'}); END`],
        ['d', `AFTER DELETE ${on}, 'delete', ${key('OLD')}, NULL); END`],
      ] as const) {
        const name = `bench_capture_${i}_${suffix}`;
        db.exec(`CREATE TRIGGER ${name} ${sql}`);
        triggers.push(name);
      }
    });
    await run();
    log = db.prepare(`SELECT tbl, op, key, changed FROM ${captureTable} ORDER BY seq`).all() as typeof log;
  } finally {
    for (const name of triggers) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    db.exec(`DROP TABLE IF EXISTS ${captureTable}`);
  }
  // Values are read once the app is idle again: a receipt's print job is then a finished job, so its
  // copies are never picked up and printed by the queue (a queued copy would add print commits).
  await settle();

  const evaluate = (literal: string) =>
    (db.prepare(`SELECT ${literal} AS v`).safeIntegers(true).get() as { v: Value }).v;
  // One entry per row, in the order the sale first wrote it (parents before children, as the app
  // wrote them with foreign keys on). A row inserted and deleted again within the sale is dropped.
  const rows = new Map<string, CapturedRow & { inserted: boolean; last: string }>();
  for (const entry of log) {
    const table = shapes.get(entry.tbl)!;
    const id = `${entry.tbl}\u0000${entry.key}`;
    const where = table.keyColumns
      ? `(${table.keyColumns.map(q).join(', ')}) = (${entry.key})`
      : `rowid = ${entry.key}`;
    let row = rows.get(id);
    if (!row)
      rows.set(
        id,
        (row = { table, op: 'update', where, before: new Map(), values: {}, bTrees: [], inserted: false, last: '' }),
      );
    if (entry.op === 'insert') row.inserted = true;
    row.last = entry.op;
    // Only changes to a row that existed before the sale matter: a new row is copied as it ends up.
    if (entry.op === 'update' && !row.inserted) {
      for (const part of (entry.changed ?? '').split('\u001f').filter(Boolean)) {
        const [column, old] = part.split('\u001e') as [string, string];
        if (!row.before.has(column)) row.before.set(column, evaluate(old));
      }
    }
  }
  const kept: CapturedRow[] = [];
  for (const { inserted, last, ...row } of rows.values()) {
    if (last === 'delete' && inserted) continue;
    kept.push({ ...row, op: last === 'delete' ? 'delete' : inserted ? 'insert' : 'update' });
  }
  for (const row of kept) {
    if (row.op === 'delete') continue;
    const t = row.table;
    const found = db
      .prepare(`SELECT ${t.columns.map(q).join(', ')} FROM ${q(t.name)} WHERE ${row.where}`)
      .safeIntegers(true)
      .get() as Row | undefined;
    if (!found) {
      row.op = 'delete'; // gone again since (not by this sale): nothing to copy
      continue;
    }
    row.values = found;
    // Which b-trees the row wrote: its table, and each index it is in (inserts) or whose columns
    // changed (updates). A partial index is checked against the row itself.
    row.bTrees.push(t.name);
    for (const ix of t.indexes) {
      if (row.op === 'update' && !ix.columns.some((c) => c === null || row.before.has(c))) continue;
      if (ix.where) {
        try {
          const inside = db.prepare(`SELECT (${ix.where}) AS inside FROM ${q(t.name)} WHERE ${row.where}`).get() as {
            inside: number | null;
          };
          if (!inside.inside) continue;
        } catch {
          // Not evaluable here: count it as written.
        }
      }
      row.bTrees.push(ix.name);
    }
  }
  return kept;
}

/** One line per table: rows the sale wrote, and each b-tree (table or index) they wrote to. */
function writesReport(captured: CapturedRow[]): { lines: string[]; bTrees: number; tables: number } {
  const tables = [...new Set(captured.map((r) => r.table))];
  const width = Math.max(0, ...tables.map((t) => t.name.length));
  let bTrees = 0;
  let written = 0;
  const lines = tables.map((table) => {
    const rows = captured.filter((r) => r.table === table);
    const count = (op: CapturedRow['op']) => rows.filter((r) => r.op === op).length;
    const changed = [...new Set(rows.flatMap((r) => [...r.before.keys()]))].join(', ');
    const ops = [
      count('insert') ? `${count('insert')} inserted` : '',
      count('update') ? `${count('update')} updated (${changed})` : '',
      count('delete') ? `${count('delete')} deleted` : '',
    ].filter(Boolean);
    const names = [...new Set(rows.flatMap((r) => r.bTrees))];
    bTrees += names.length;
    if (names.length) written++;
    const label = (name: string) =>
      name === table.name
        ? `${name} (table, ${table.withoutRowid ? `WITHOUT ROWID: ${table.keyColumns!.join(', ')}` : 'rowid'})`
        : table.indexes.find((ix) => ix.name === name)!.label;
    return `  ${table.name.padEnd(width)}  ${ops.join(', ')}; ${names.length} b-tree${names.length === 1 ? '' : 's'}: ${names.map(label).join('; ')}`;
  });
  return { lines, bTrees, tables: written };
}

interface Floor {
  run(): void;
  /** What the floor could not replay (deletes, keys it cannot make fresh). */
  notReplayed: string[];
}

/**
 * The floor transaction: the captured rows inserted again as copies, the captured updates done
 * again, on a connection of its own. A copy gets a fresh value wherever a duplicate would violate
 * a PRIMARY KEY or UNIQUE constraint, and every old key value is mapped to its fresh value
 * consistently across tables (text by value, integers through the declared foreign keys), so the
 * copies reference each other as the originals do: sale_id of a copied line is the copied sale.
 * Every other value is the captured one, except references to rows that existed before the sale
 * (see below). Statements are prepared once; a run binds fresh values and commits.
 */
function buildFloor(db: Db, shapes: Map<string, TableShape>, captured: CapturedRow[]): Floor {
  const notReplayed: string[] = [];
  // Every value that gets a fresh copy has a slot: text keys by value (a sale id is the same string
  // wherever it appears), integer keys by table.column=value (an integer is only followed through a
  // declared foreign key, never matched by value: 1 is a quantity as often as an id).
  const textSlots = new Map<string, number>();
  const textOld: { value: string; table: TableShape; column: string }[] = [];
  const intSlots = new Map<string, number>();
  const intMax: { table: string; column: string }[] = [];
  const intKey = (table: string, column: string, value: Value) => `${table}.${column}=${String(value)}`;
  const inserts = captured.filter((r) => r.op === 'insert');

  const slotOf = (row: CapturedRow, column: string): { text: number } | { int: number } | null => {
    const value = row.values[column] ?? null;
    if (typeof value === 'string' && textSlots.has(value)) return { text: textSlots.get(value)! };
    if (typeof value === 'number' || typeof value === 'bigint') {
      const parent = row.table.references.get(column);
      const slot =
        intSlots.get(intKey(row.table.name, column, value)) ??
        (parent ? intSlots.get(intKey(parent.table, parent.column, value)) : undefined);
      if (slot !== undefined) return { int: slot };
    }
    return null;
  };
  const makeFresh = (row: CapturedRow, column: string): boolean => {
    if (row.table.references.has(column)) return false; // a reference follows its parent
    const value = row.values[column] ?? null;
    if (typeof value === 'string') {
      textSlots.set(value, textOld.length);
      textOld.push({ value, table: row.table, column });
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      intSlots.set(intKey(row.table.name, column, value), intMax.length);
      intMax.push({ table: row.table.name, column });
    } else return false;
    return true;
  };
  // A NULL never collides in a UNIQUE index; a constraint is met once one of its columns is fresh.
  const met = (row: CapturedRow, unique: (string | null)[]) =>
    unique.some((c) => c !== null && c !== 'rowid' && ((row.values[c] ?? null) === null || slotOf(row, c) !== null));
  // Single-column keys first (ids, request ids, receipt numbers); then a composite constraint that
  // is still unmet (none of its columns references a fresh row) gets one of its columns made fresh.
  for (const row of inserts) {
    for (const unique of row.table.uniques)
      if (unique.length === 1 && unique[0] && unique[0] !== 'rowid' && !met(row, unique)) makeFresh(row, unique[0]);
  }
  const stuck = new Set<CapturedRow>();
  for (const row of inserts) {
    for (const unique of row.table.uniques) {
      if (met(row, unique)) continue;
      if (!unique.some((c) => c !== null && c !== 'rowid' && makeFresh(row, c))) stuck.add(row);
    }
  }
  for (const row of stuck) notReplayed.push(`${row.table.name}: an inserted row whose keys cannot be made fresh`);
  for (const row of captured) if (row.op === 'delete') notReplayed.push(`${row.table.name}: a deleted row`);

  // References to rows that existed before the sale (member, cashier, products) point at a random
  // existing row of the same table in each copy, as the bench's sales are for random members: a
  // copy always for the captured member would pile its index entries up at one spot of
  // (member_id, …) indexes, which splits pages far more often than sales spread over the members.
  // Same mapping in every table of one copy (text by value, integers through the foreign key).
  const refSlots = new Map<string, number>();
  const refPick: (() => Value)[] = [];
  const refKey = (value: Value, parent: { table: string; column: string }) =>
    typeof value === 'string' ? `text:${value}` : `int:${parent.table}.${parent.column}=${String(value)}`;
  const refOf = (row: CapturedRow, column: string): number | undefined => {
    const value = row.values[column] ?? null;
    if (typeof value === 'string') return refSlots.get(`text:${value}`);
    const parent = row.table.references.get(column);
    return parent && value !== null ? refSlots.get(refKey(value, parent)) : undefined;
  };
  for (const row of inserts) {
    for (const [column, parent] of row.table.references) {
      const value = row.values[column] ?? null;
      const parentShape = shapes.get(parent.table);
      // Composite keys and WITHOUT ROWID parents (no cheap random row) keep the captured value.
      if (
        value === null ||
        !parent.single ||
        !parentShape ||
        parentShape.withoutRowid ||
        slotOf(row, column) ||
        refSlots.has(refKey(value, parent))
      )
        continue;
      const range = db.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${q(parent.table)}`).get() as {
        lo: number | null;
        hi: number | null;
      };
      const probe = db
        .prepare(`SELECT ${q(parent.column)} AS v FROM ${q(parent.table)} WHERE rowid >= ? ORDER BY rowid LIMIT 1`)
        .safeIntegers(true);
      const { lo, hi } = range;
      refSlots.set(refKey(value, parent), refPick.length);
      refPick.push(() =>
        lo === null || hi === null
          ? value
          : ((probe.get(lo + Math.floor(floorRand() * (hi - lo + 1))) as { v: Value } | undefined)?.v ?? value),
      );
    }
  }

  // Where a copy's key goes decides how many pages it writes: keys appended at the end of a b-tree
  // fill its pages, keys added over and over at one spot in the middle split pages far more often.
  // So a fresh key is the newest real value of its column (the sale's ids and receipt numbers grow
  // with time) followed by '!' and a counter: it sorts right after that value and before the next
  // real one, so the copy lands where the next real sale will, and the real sales keep appending
  // at the end as they do without the floor. No real key holds a '!'. "Newest" is the greatest
  // value since the captured one that starts with the same character and holds no '!', read
  // through an index; a column no index starts with keeps the captured value as its base.
  const newest = textOld.map(({ value, table, column }) =>
    table.leading.has(column) && value.length > 0
      ? db.prepare<[string, string], { v: string }>(
          `SELECT ${q(column)} AS v FROM ${q(table.name)} WHERE ${q(column)} >= ? AND ${q(column)} < ? AND instr(${q(column)}, '!') = 0 ORDER BY ${q(column)} DESC LIMIT 1`,
        )
      : null,
  );
  const freshText = (slot: number, n: number) => {
    const { value } = textOld[slot]!;
    const base = newest[slot]?.get(value, String.fromCodePoint(value.codePointAt(0)! + 1))?.v ?? value;
    return `${base}!${n.toString(36).padStart(6, '0')}`;
  };
  const maxOf = intMax.map(({ table, column }) =>
    db.prepare(`SELECT coalesce(max(${q(column)}), 0) AS m FROM ${q(table)}`).safeIntegers(true),
  );

  type Fresh = { text: string[]; int: bigint[]; ref: Value[] };
  type Step = { stmt: { run(...params: unknown[]): unknown }; args: (fresh: Fresh) => Value[] };
  const steps: Step[] = [];
  for (const row of captured) {
    if (row.op === 'delete' || stuck.has(row)) continue;
    const t = row.table;
    const cell = (column: string): ((f: Fresh) => Value) => {
      const value = row.values[column] ?? null;
      const slot = slotOf(row, column);
      if (slot && 'text' in slot) return (f) => f.text[slot.text]!;
      if (slot) return (f) => f.int[slot.int]!;
      const ref = row.op === 'insert' ? refOf(row, column) : undefined;
      if (ref !== undefined) return (f) => f.ref[ref] ?? null;
      return () => value;
    };
    if (row.op === 'insert') {
      const cells = t.columns.map(cell);
      const stmt = db.prepare(
        `INSERT INTO ${q(t.name)} (${t.columns.map(q).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`,
      );
      steps.push({ stmt, args: (f) => cells.map((c) => c(f)) });
      continue;
    }
    // A row that existed before the sale (a counter) is changed again, only in the columns the sale
    // changed. Integers move by the sale's own step (last + 1); other values swap between before
    // and after, because an UPDATE to the value already stored writes no page at all.
    const changed = [...row.before.keys()];
    if (changed.length === 0) continue;
    const current = db
      .prepare(`SELECT ${changed.map(q).join(', ')} FROM ${q(t.name)} WHERE ${row.where}`)
      .safeIntegers(true);
    const stmt = db.prepare(
      `UPDATE ${q(t.name)} SET ${changed.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${row.where}`,
    );
    const cells = changed.map(cell);
    const same = (a: Value, b: Value) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b);
    steps.push({
      stmt,
      args: (f) => {
        const now = (current.get() ?? {}) as Row;
        return changed.map((c, i) => {
          const before = row.before.get(c) ?? null;
          const after = row.values[c] ?? null;
          const stored = now[c] ?? null;
          if (slotOf(row, c)) return cells[i]!(f);
          if (typeof before === 'bigint' && typeof after === 'bigint' && typeof stored === 'bigint' && after !== before)
            return stored + (after - before);
          return same(stored, after) ? before : after;
        });
      },
    });
  }

  let copies = 0;
  const transaction = db.transaction((argsList: Value[][]) => {
    steps.forEach((s, i) => s.stmt.run(...argsList[i]!));
  });
  return {
    notReplayed,
    run() {
      // Fresh values are worked out before the transaction: the floor times the writes only.
      const n = copies++;
      const fresh: Fresh = {
        text: textOld.map((_, slot) => freshText(slot, n * textOld.length + slot)),
        ref: refPick.map((pick) => pick()),
        // Past the current maximum, one apart for two new rows keyed in the same column.
        int: maxOf.map(
          (max, slot) =>
            BigInt((max.get() as { m: bigint }).m) +
            1n +
            BigInt(
              intMax.slice(0, slot).filter((x) => x.table === intMax[slot]!.table && x.column === intMax[slot]!.column)
                .length,
            ),
        ),
      };
      transaction(steps.map((s) => s.args(fresh)));
    },
  };
}

// ---- The run ------------------------------------------------------------------------------------

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-checkout-'));
  const file = join(dir, databaseFileName);
  try {
    console.log(
      `Generating ${members.toLocaleString('en')} members and ${entries.toLocaleString('en')} ledger entries in ${dir} …`,
    );
    const started = performance.now();
    await seedDemoStore(dir);
    // The bare commit's table is made with the rows, before the final checkpoint.
    const written = generate(file, { members, entries }, (db) =>
      db.exec('CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, at TEXT NOT NULL)'),
    );
    const generationSeconds = (performance.now() - started) / 1000;
    const bytes = statSync(file).size;

    const core = openLinli({ dataDir: dir, demo: true, host: 'browser' });
    let printing = 0;
    const idleWaiters: (() => void)[] = [];
    core.subscribe((event, payload) => {
      if (event !== 'printJob') return;
      const { status } = payload as { status: string };
      if (status === 'queued') printing++;
      if (status === 'done' || status === 'failed') printing = Math.max(0, printing - 1);
      if (printing === 0) for (const wake of idleWaiters.splice(0)) wake();
    });
    const printQueueIdle = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (printing > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    };
    const cashier = (await core.methods.listStaff()).find((s) => s.role === 'cashier')!;
    await core.methods.login({ staffId: cashier.id, pin: demoStaff[0].pin });
    const products = await core.methods.listProducts();
    const tea = products.find((p) => p.sku === 'TEA-001')!.id;
    const cake = products.find((p) => p.sku === 'SNK-001')!.id;
    // The bare commit: a second connection to the same file, opened the way the app opens it.
    const bare = openDatabase(file);
    const bareInsert = bare.prepare('INSERT INTO bench_bare (at) VALUES (?)');
    const bareRepos = createRepositories(bare);
    // The floor: a third connection, opened the same way (WAL, synchronous=FULL, foreign_keys=ON).
    const floorDb = openDatabase(file);

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
    const settle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };

    for (let i = 0; i < 30; i++) {
      await checkoutOnce();
      bareOnce();
    }
    // One more sale, in the steady state (the receipt counter exists, caches are warm), captured.
    await settle();
    // A floor that cannot be built or run is reported, never fatal: the other figures still count.
    let captured: CapturedRow[] = [];
    let floor: Floor | null = null;
    let floorError: string | null = null;
    try {
      const shapes = describeSchema(bare);
      captured = await captureRows(bare, shapes, checkoutOnce, settle);
      floor = buildFloor(floorDb, shapes, captured);
    } catch (error) {
      floorError = (error as Error).message;
    }
    const floorOnce = () => {
      if (!floor) return null;
      try {
        const t0 = performance.now();
        floor.run();
        return performance.now() - t0;
      } catch (error) {
        floorError = (error as Error).message;
        floor = null;
        return null;
      }
    };
    const checkoutTimes: number[] = [];
    const bareTimes: number[] = [];
    const floorTimes: number[] = [];
    const round = async (record: boolean) => {
      for (const step of shuffled(['checkout', 'bare', 'floor'] as const)) {
        if (step === 'checkout') {
          const t = await checkoutOnce();
          if (record) checkoutTimes.push(t);
        } else if (step === 'bare') {
          const t = bareOnce();
          if (record) bareTimes.push(t);
        } else {
          const t = floorOnce();
          if (record && t !== null) floorTimes.push(t);
        }
      }
      // Let the print queue (a simulated printer in demo mode) finish between sales, as at a counter:
      // otherwise the previous receipt's printing (its own commits) lands inside the next sample.
      await printQueueIdle();
    };
    // Warm-up for the floor, then the samples: interleaved, so all three see the same disk, cache
    // and WAL size, and each floor copy has a real sale next to it (see buildFloor).
    for (let i = 0; i < 30; i++) await round(false);
    for (let i = 0; i < samples; i++) await round(true);

    // Why a sale costs more than a bare commit: WAL frames (pages) each commit writes and syncs.
    // Page splits make single commits vary, hence 50 of each, in the same shuffled rounds. The
    // floor may write a page or two more than the sale: its copies keep the captured sale's times
    // (and the bench's request ids are not in time order), so an index such as (terminal_id, at)
    // takes them all at one spot, where pages split more often than at the end of the index.
    const frameSamples = 50;
    const framesOf = async (run: () => Promise<unknown> | unknown) => {
      await settle();
      bare.pragma('wal_checkpoint(TRUNCATE)');
      await run();
      return (bare.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
    };
    let checkoutFrames = 0;
    let bareFrames = 0;
    let floorFrames: number | null = 0;
    for (let i = 0; i < frameSamples; i++) {
      for (const step of shuffled(['checkout', 'bare', 'floor'] as const)) {
        if (step === 'checkout') checkoutFrames += (await framesOf(checkoutOnce)) / frameSamples;
        else if (step === 'bare') bareFrames += (await framesOf(bareOnce)) / frameSamples;
        else if (floor) floorFrames += (await framesOf(floorOnce)) / frameSamples;
      }
    }
    if (!floor) floorFrames = null;

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
    floorDb.close();
    bare.close();
    await new Promise((resolve) => setImmediate(resolve));
    await core.close();

    const c = percentiles(checkoutTimes);
    const b = percentiles(bareTimes);
    const f = floor ? percentiles(floorTimes) : null;
    const bal = percentiles(balanceTimes);
    const loy = percentiles(loyaltyTimes);
    const rowsPerSale: Record<string, number> = {};
    for (const row of captured) rowsPerSale[row.table.name] = (rowsPerSale[row.table.name] ?? 0) + 1;
    const rowCount = captured.filter((r) => r.op !== 'delete').length;
    const writes = writesReport(captured);

    console.log(
      `members ${members.toLocaleString('en')}, ledger entries ${written.toLocaleString('en')}, database ${(bytes / 1024 / 1024).toFixed(0)} MiB, generated in ${generationSeconds.toFixed(1)} s`,
    );
    console.log(
      `checkout commit    p50 ${ms(c.p50)} ms  p95 ${ms(c.p95)} ms  (${samples} sales: 2 lines, member, cash, points earned, receipt queued)`,
    );
    console.log(`bare INSERT commit p50 ${ms(b.p50)} ms  p95 ${ms(b.p95)} ms  (same file, WAL, synchronous=FULL)`);
    if (f)
      console.log(
        `same-rows floor    p50 ${ms(f.p50)} ms  p95 ${ms(f.p95)} ms  (the ${rowCount} rows of one sale as raw prepared statements, one transaction, same file and pragmas)`,
      );
    else console.log(`same-rows floor    not measured: ${floorError}`);
    console.log(
      `ratio p50 ${(c.p50 / b.p50).toFixed(2)}  p95 ${(c.p95 / b.p95).toFixed(2)}  (checkout / bare; goal ≤ 1.5)`,
    );
    if (f)
      console.log(
        `ratioToFloor p50 ${(c.p50 / f.p50).toFixed(2)}  p95 ${(c.p95 / f.p95).toFixed(2)}  (checkout / same-rows floor: what the use case adds to writing its rows; floor / bare p50 ${(f.p50 / b.p50).toFixed(2)}: what writing them costs)`,
      );
    console.log(
      `pages written per commit: checkout ${checkoutFrames.toFixed(1)}, same-rows floor ${floorFrames === null ? '-' : floorFrames.toFixed(1)}, bare insert ${bareFrames.toFixed(1)}`,
    );
    console.log(`rows one checkout writes, and the b-trees they write to (captured from one sale):`);
    for (const line of writes.lines) console.log(line);
    console.log(
      `b-trees written per sale: ${writes.bTrees} (${writes.tables} tables and ${writes.bTrees - writes.tables} indexes)`,
    );
    for (const note of floor?.notReplayed ?? []) console.log(`  not in the floor: ${note}`);
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
        floorP50Ms: f ? ms(f.p50) : null,
        floorP95Ms: f ? ms(f.p95) : null,
        ratio: Number((c.p50 / b.p50).toFixed(2)),
        ratioP95: Number((c.p95 / b.p95).toFixed(2)),
        ratioToFloor: f ? Number((c.p50 / f.p50).toFixed(2)) : null,
        ratioToFloorP95: f ? Number((c.p95 / f.p95).toFixed(2)) : null,
        checkoutWalPages: Number(checkoutFrames.toFixed(1)),
        floorWalPages: floorFrames === null ? null : Number(floorFrames.toFixed(1)),
        bareWalPages: Number(bareFrames.toFixed(1)),
        rowsPerSale,
        bTreesPerSale: writes.bTrees,
        balance1000EntriesP50Ms: ms(bal.p50),
        memberLoyalty1000EntriesP50Ms: ms(loy.p50),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
