import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../contract';
import { pull, push, type AuthenticatedTerminal, type PullInput } from '../../hub/features';
import { openHubStorage, type HubStorage } from '../../hub/storage';
import { testEngines, type TestStorageConfig } from './engines';
import { adjusted, batch, enrolled, registeredTerminal, sale } from './fixtures';

const members = (after: string, more: Partial<PullInput> = {}): PullInput => ({
  stream: 'members',
  after,
  limit: 500,
  wait: 0,
  ...more,
});

/** Pulls until the hub says there is no more, as a terminal does. */
async function pullAll(storage: HubStorage, t: AuthenticatedTerminal, after: string, limit = 500) {
  const changes: PullResponse['changes'] = [];
  let cursor = after;
  for (;;) {
    const page = await pull(storage, t, members(cursor, { limit }));
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

const memberIds = (changes: PullResponse['changes']) =>
  changes.flatMap((c) => (c.kind === 'member' ? [c.data.id] : []));

describe.each(await testEngines())('pull on $name', (engine) => {
  let storage: HubStorage;
  let config: TestStorageConfig;
  let dispose: () => Promise<void>;
  let a: AuthenticatedTerminal;
  let b: AuthenticatedTerminal;
  beforeAll(async () => {
    ({ storage, dispose, config } = await engine.open());
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
  });
  afterAll(() => dispose());

  it('gives terminal B a member enrolled at A, with the card and the points, and gives A none of its own', async () => {
    const startB = (await pullAll(storage, b, '')).cursor;
    const startA = (await pullAll(storage, a, '')).cursor;
    const member = enrolled(randomUUID(), '+8613900000001');
    const memberId = member.aggregateId;
    const card = {
      id: randomUUID(),
      type: 'member.card_issued',
      aggregateId: memberId,
      createdAt: member.createdAt,
      payload: { memberId, number: `C${randomUUID().slice(0, 8)}`, at: member.createdAt, staffId: 's' },
    };
    await push(storage, a, batch([member, card, sale(memberId, { pointsEarned: 30 }), adjusted(memberId, 5)]));

    const atB = await pullAll(storage, b, startB);
    expect(memberIds(atB.changes)).toEqual([memberId]);
    const pulledMember = atB.changes.find((c) => c.kind === 'member')!.data;
    expect(pulledMember).toMatchObject({ name: '王芳', phone: '+8613900000001', homeStoreId: a.storeId });
    expect(pulledMember).not.toHaveProperty('consents');
    expect(atB.changes.filter((c) => c.kind === 'card').map((c) => c.data)).toEqual([
      expect.objectContaining({ number: card.payload.number, memberId, status: 'active' }),
    ]);
    const points = atB.changes.flatMap((c) => (c.kind === 'points' ? [c.data.points] : []));
    expect(points.reduce((s, p) => s + p, 0)).toBe(35);

    const atA = await pullAll(storage, a, startA);
    expect(atA.changes).toEqual([]);
    // A's cursor still moves past its own changes, so it does not read them again and again.
    expect(atA.cursor).not.toBe(startA);
    // Pulled again from the cursor it was given, B receives nothing twice.
    expect((await pullAll(storage, b, atB.cursor)).changes).toEqual([]);
  });

  it('pages in order: small pages together hold every change once', async () => {
    const start = (await pullAll(storage, b, '')).cursor;
    const ids = [1, 2, 3, 4, 5].map(() => randomUUID());
    for (const [i, id] of ids.entries()) await push(storage, a, batch([enrolled(id, `+861370000000${i}`)]));
    expect(memberIds((await pullAll(storage, b, start, 2)).changes)).toEqual(ids);
  });

  it('refuses a cursor it never answered', async () => {
    await expect(pull(storage, b, members('12'))).rejects.toMatchObject({ status: 400 });
  });

  // PGlite has one connection: two transactions never overlap there, so this runs on PostgreSQL only.
  if (engine.name !== 'pglite')
    it('never skips a change committed late: a pull between two out-of-order commits, then another, sees both', async () => {
      const { cursor: start } = await pullAll(storage, b, '');
      const pgConfig = config as Extract<TestStorageConfig, { engine: 'postgres' }>;
      const connect = async () => {
        const c = new pg.Client({
          connectionString: pgConfig.databaseUrl,
          options: `-c search_path=${pgConfig.schema}`,
        });
        await c.connect();
        return c;
      };
      const [early, late] = [await connect(), await connect()];
      const insert = (c: pg.Client, id: ReturnType<typeof randomUUID>) =>
        c.query(
          `INSERT INTO changes (stream, kind, data, store_id, terminal_id, event_id) VALUES ('members', 'member', $1::jsonb, $2, $3, $4)`,
          [
            JSON.stringify({ ...(enrolled(id).payload as object), homeStoreId: a.storeId }),
            a.storeId,
            a.terminalId,
            randomUUID(),
          ],
        );
      const [slow, quick] = [randomUUID(), randomUUID()];
      try {
        // The slow transaction takes its seq first and commits last.
        await early.query('BEGIN');
        await insert(early, slow);
        await late.query('BEGIN');
        await insert(late, quick);
        await late.query('COMMIT');
        const between = await pullAll(storage, b, start);
        await early.query('COMMIT');
        const after = await pullAll(storage, b, between.cursor);
        const seen = [...memberIds(between.changes), ...memberIds(after.changes)];
        expect(seen.sort()).toEqual([slow, quick].sort());
      } finally {
        await early.query('ROLLBACK').catch(() => {});
        await early.end();
        await late.end();
      }
    });

  it('a long-poll answers with the change another terminal pushes while it waits', async () => {
    const { cursor } = await pullAll(storage, b, '');
    const memberId = randomUUID();
    const waiting = pull(storage, b, members(cursor, { wait: 20 }));
    // Pushed a moment later, so the poll is (most likely) already waiting; either way it must answer with it.
    await new Promise((r) => setTimeout(r, 200));
    await push(storage, a, batch([enrolled(memberId, '+8613600000009')]));
    expect(memberIds((await waiting).changes)).toEqual([memberId]);
  });

  it('a long-poll with nothing new answers empty once its wait is over, with a cursor to go on from', async () => {
    const { cursor } = await pullAll(storage, b, '');
    const answer = await pull(storage, b, members(cursor, { wait: 1 }));
    expect(answer).toEqual({ changes: [], cursor, more: false });
  });

  // PGlite has one connection: two transactions never overlap there, so this runs on PostgreSQL only.
  if (engine.name !== 'pglite')
    it('a long-poll on one hub process wakes when another process on the same database commits', async () => {
      const other = await openHubStorage(config as Extract<TestStorageConfig, { engine: 'postgres' }>);
      try {
        const { cursor } = await pullAll(storage, b, '');
        const memberId = randomUUID();
        const waiting = pull(storage, b, members(cursor, { wait: 20 }));
        await new Promise((r) => setTimeout(r, 200));
        await push(other, a, batch([enrolled(memberId, '+8613600000010')]));
        expect(memberIds((await waiting).changes)).toEqual([memberId]);
      } finally {
        await other.close();
      }
    });
});
