// The admin CLI's event commands against a hub on loopback: publish a chain-wide event, list it
// with its seats, cancel it; a bad value is refused before anything is sent.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubServer } from '../../hub/server/server';
import { runCli } from '../../hub/server/cli-commands';
import { testEngines } from './engines';

const token = 'events-cli-admin-token-0123456789';

describe('hub CLI: create-event and list-events', async () => {
  const [engine] = await testEngines();
  let server: Server;
  let dispose: () => Promise<void>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const opened = await engine!.open();
    dispose = opened.dispose;
    server = createHubServer({ storage: opened.storage, adminToken: token });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    env = { LINLI_HUB_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, LINLI_HUB_ADMIN_TOKEN: token };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  it('publishes, lists and cancels a chain-wide event', async () => {
    const out = await runCli(
      [
        'create-event',
        '--title-zh',
        '品牌茶会',
        '--title-en',
        'Tea party',
        '--starts',
        '2026-07-01T14:00:00+08:00',
        '--ends',
        '2026-07-01T16:00:00+08:00',
        '--capacity',
        '30',
        '--points',
        '50',
        '--place',
        '各门店',
      ],
      env,
    );
    expect(out).toMatch(/^Event \S+ published: .*0\/30 seats {2}\+50 points {2}品牌茶会 \/ Tea party/);
    const id = /^Event (\S+)/.exec(out)![1]!;
    expect(await runCli(['list-events'], env)).toContain(`${id}  2026-07-01T06:00:00.000Z`);
    const cancelled = await runCli(
      [
        'create-event',
        '--id',
        id,
        '--title-zh',
        '品牌茶会',
        '--starts',
        '2026-07-01T14:00:00+08:00',
        '--ends',
        '2026-07-01T16:00:00+08:00',
        '--capacity',
        '30',
        '--cancel',
      ],
      env,
    );
    expect(cancelled).toContain(`Event ${id} cancelled`);
  });

  it('refuses a capacity that is not a number and an end before the start', async () => {
    await expect(
      runCli(
        [
          'create-event',
          '--title-zh',
          '茶会',
          '--starts',
          '2026-07-01T14:00:00+08:00',
          '--ends',
          '2026-07-01T16:00:00+08:00',
          '--capacity',
          'many',
        ],
        env,
      ),
    ).rejects.toThrow('--capacity "many" is not a whole number');
    await expect(
      runCli(
        [
          'create-event',
          '--title-zh',
          '茶会',
          '--starts',
          '2026-07-01T16:00:00+08:00',
          '--ends',
          '2026-07-01T14:00:00+08:00',
          '--capacity',
          '5',
        ],
        env,
      ),
    ).rejects.toThrow(/400 BAD_REQUEST.*endsAt/);
    expect(await runCli(['list-events'], env)).not.toContain('茶会  ');
  });
});
