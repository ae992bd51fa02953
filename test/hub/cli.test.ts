// The admin CLI end to end: a hub started as `npm run hub` starts it (PGlite, a free port), and the
// CLI run as a separate process, as an operator would.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { tempDir } from '../support/temp-core';
import { batch, enrolled } from './fixtures';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const token = 'cli-test-admin-token-0123456789';

describe('hub admin CLI against a hub process', () => {
  const dir = tempDir('linli-hub-cli-');
  let hub: HubProcess;
  let url: string;

  beforeAll(async () => {
    hub = await startHubProcess({ LINLI_HUB_DATA_DIR: dir.dir }, token);
    url = hub.url;
  }, 90_000);

  afterAll(async () => {
    await hub?.stop();
    dir.remove();
  });

  const cli = (...args: string[]) => hub.cli(...args);

  it('creates a store and a code, lists and revokes the terminal registered with it', async () => {
    expect(await cli('create-store', '--code', 'CUIHU', '--name', '翠湖店')).toEqual({
      ok: true,
      out: expect.stringMatching(/Store CUIHU "翠湖店" created/),
    });
    const made = await cli('create-code', '--store', 'CUIHU');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(made.out)?.[1];
    expect(code).toBeDefined();
    const reg = await fetch(`${url}/v1/terminals/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, terminalName: '翠湖 收银 1' }),
    });
    const { terminalId } = (await reg.json()) as { terminalId: string };
    const listed = await cli('list-terminals');
    expect(listed.out).toContain(terminalId);
    expect(listed.out).toContain('翠湖 收银 1');
    expect((await cli('revoke', '--terminal', terminalId)).out).toMatch(/revoked/);
    expect((await cli('list-terminals', '--store', 'CUIHU')).out).toMatch(/REVOKED/);
  }, 120_000);

  it('says clearly when the admin token is wrong or the store exists', async () => {
    expect(await cli('create-store', '--code', 'CUIHU', '--name', '翠湖店')).toEqual({
      ok: false,
      out: expect.stringMatching(/409 ALREADY_EXISTS/),
    });
    expect(await cli('list-terminals', '--token', 'wrong-token')).toEqual({
      ok: false,
      out: expect.stringMatching(/401 UNAUTHORIZED/),
    });
  }, 60_000);

  it('lists a phone claimed twice and merges the two members, once', async () => {
    await cli('create-store', '--code', 'MERGE', '--name', '合并店');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await cli('create-code', '--store', 'MERGE')).out)?.[1];
    const reg = await fetch(`${url}/v1/terminals/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, terminalName: '合并 收银 1' }),
    });
    const { credential } = (await reg.json()) as { credential: string };
    const first = enrolled(undefined, '+8613600136000');
    const second = enrolled(undefined, '+8613600136000');
    const pushed = await fetch(`${url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify(batch([first, second])),
    });
    expect(pushed.status).toBe(200);
    const listed = await cli('list-conflicts');
    expect(listed.out).toMatch(/phone_claimed {2}\+8613600136000 {2}store MERGE {2}OPEN/);
    const merge = ['merge-members', '--survivor', first.aggregateId, '--merged', second.aggregateId];
    expect((await cli(...merge)).out).toMatch(new RegExp(`${second.aggregateId} merged into ${first.aggregateId}`));
    expect((await cli('list-conflicts')).out).not.toContain('+8613600136000');
    expect(await cli(...merge)).toEqual({ ok: false, out: expect.stringMatching(/409 CONFLICT.*already/) });
  }, 60_000);

  it('keeps the catalogue: a product, a price typed in yuan, a tier from a file; a wrong price is explained', async () => {
    const tier = join(dir.dir, 'tier.json');
    writeFileSync(
      tier,
      JSON.stringify({ code: 'gold', name: { zh: '金卡' }, rank: 2, qualifyMetric: 'spend', threshold: 200_000 }),
    );
    expect((await cli('upsert-tier', '--file', tier)).out).toMatch(/Tier saved: 2 {2}gold/);
    expect(
      (await cli('upsert-product', '--sku', 'tea-001', '--name-zh', '桂花乌龙茶', '--price', '68', '--category', 'tea'))
        .out,
    ).toMatch(/Product saved: TEA-001 {2}桂花乌龙茶 \/ 桂花乌龙茶 {2}¥68\.00/);
    expect((await cli('set-price', '--sku', 'TEA-001', '--price', '12.50')).out).toMatch(/list price set to ¥12\.50/);
    expect((await cli('set-price', '--sku', 'TEA-001', '--price', '9.9', '--tier', 'GOLD')).out).toMatch(
      /gold member price set to ¥9\.90/,
    );
    expect((await cli('list-products')).out).toContain('TEA-001  桂花乌龙茶 / 桂花乌龙茶  ¥12.50  (gold ¥9.90)  tea');
    for (const price of ['12.505', 'abc', '-3', '12,50元'])
      expect(await cli('set-price', '--sku', 'TEA-001', `--price=${price}`)).toEqual({
        ok: false,
        out: expect.stringMatching(/is not a price: type it in yuan, e\.g\. 12\.50/),
      });
    expect(await cli('set-price', '--sku', 'NOPE-1', '--price', '1')).toEqual({
      ok: false,
      out: expect.stringMatching(/404 NOT_FOUND.*no product has the SKU NOPE-1/),
    });
    expect((await cli('list-products')).out).toContain('¥12.50  (gold ¥9.90)');
  }, 120_000);

  it('refuses a second hub on the same data directory', async () => {
    const second = await run(process.execPath, ['--import', 'tsx', 'hub/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        LINLI_HUB_PORT: '0',
        LINLI_HUB_DATA_DIR: dir.dir,
        LINLI_HUB_ADMIN_TOKEN: token,
      },
      timeout: 30_000,
    }).catch((error: { stderr: string; code: number }) => error);
    expect(second).toMatchObject({ code: 1, stderr: expect.stringMatching(/another hub is running/) });
  }, 60_000);
});
