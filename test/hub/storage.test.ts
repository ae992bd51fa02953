import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrations, type HubStorage } from '../../hub/storage';
import { testEngines } from './engines';

describe.each(await testEngines())('hub storage on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
  });
  afterAll(() => dispose());

  it('migrates once: running the migrations again applies nothing and keeps the data', async () => {
    await storage.query(`INSERT INTO stores (id, code, name) VALUES ('s1', 'KEEP', '留')`);
    expect(await migrate(storage)).toEqual({ applied: [] });
    const { rows } = await storage.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect((await storage.query(`SELECT 1 FROM stores WHERE code = 'KEEP'`)).rows).toHaveLength(1);
  });

  it('refuses to edit or delete a points entry: the ledger is append-only', async () => {
    await storage.query(`INSERT INTO stores (id, code, name) VALUES ('s2', 'LEDG', '账')`);
    await storage.query(
      `INSERT INTO points_entries (id, member_id, store_id, terminal_id, kind, points, reason, at, event_id)
       VALUES ('p1', 'm1', 's2', 't1', 'earn', 10, 'sale', 'now', 'e1')`,
    );
    await expect(storage.query(`UPDATE points_entries SET points = 1000 WHERE id = 'p1'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(storage.query(`DELETE FROM points_entries WHERE id = 'p1'`)).rejects.toThrow(/append-only/);
    expect(
      (await storage.query<{ points: number }>(`SELECT points FROM points_entries WHERE id = 'p1'`)).rows[0]?.points,
    ).toBe(10);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      storage.transaction(async (tx) => {
        await tx.query(`INSERT INTO stores (id, code, name) VALUES ('s3', 'GONE', '无')`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await storage.query(`SELECT 1 FROM stores WHERE code = 'GONE'`)).rows).toHaveLength(0);
  });

  it('delivers a notification to a listener', async () => {
    const heard = new Promise<string>((resolve) => void storage.listen('linli_test_channel', resolve));
    // The listener is registered before the notification is sent.
    await new Promise((r) => setTimeout(r, 50));
    await storage.notify('linli_test_channel', 'hello');
    expect(await heard).toBe('hello');
  });
});
