// The contest commands of the admin CLI against a hub process, as the brand's operator runs them:
// create-contest from a file prints each entrant's code; list-contests shows the votes; an entrant
// the hub does not know is explained.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { tempDir } from '../support/temp-core';
import { batch, enrolled } from './fixtures';

const token = 'contest-cli-admin-token-0123456789';

describe('hub admin CLI: contests', () => {
  const dir = tempDir('linli-hub-contest-cli-');
  let hub: HubProcess;

  beforeAll(async () => {
    hub = await startHubProcess({ LINLI_HUB_DATA_DIR: dir.dir }, token);
  }, 90_000);
  afterAll(async () => {
    await hub?.stop();
    dir.remove();
  });

  it('creates a contest from a file, prints the codes, lists the votes', async () => {
    await hub.cli('create-store', '--code', 'CUIHU', '--name', '翠湖店');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(
      (await hub.cli('create-code', '--store', 'CUIHU')).out,
    )?.[1];
    const reg = await fetch(`${hub.url}/v1/terminals/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, terminalName: '翠湖 收银 1' }),
    });
    const { credential } = (await reg.json()) as { credential: string };
    const pushed = await fetch(`${hub.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify(batch([enrolled(undefined, '+8613800138000')])),
    });
    expect(pushed.status).toBe(200);

    const file = join(dir.dir, 'contest.json');
    const contest = {
      id: 'tea-star',
      title: { zh: '翠湖茶艺之星', en: 'Cuihu tea star' },
      startsAt: '2026-06-01T00:00:00+08:00',
      endsAt: '2026-07-01T00:00:00+08:00',
      entrants: [{ phone: '138 0013 8000' }],
    };
    writeFileSync(file, JSON.stringify(contest));
    const made = await hub.cli('create-contest', '--file', file);
    expect(made.ok).toBe(true);
    expect(made.out).toMatch(/Contest saved: tea-star {2}翠湖茶艺之星 \/ Cuihu tea star/);
    expect(made.out).toMatch(/1 per daily vote, 5 per purchase/);
    expect(made.out).toMatch(/ {2}V-[2-9A-HJKMNP-Z]{4} {2}王\*/);
    expect((await hub.cli('list-contests')).out).toMatch(/V-[2-9A-HJKMNP-Z]{4} {2}王\* {2}0 votes/);

    writeFileSync(file, JSON.stringify({ ...contest, id: 'other', entrants: [{ phone: '137 0000 0001' }] }));
    expect(await hub.cli('create-contest', '--file', file)).toEqual({
      ok: false,
      out: expect.stringMatching(/400 BAD_REQUEST.*entrants\.0: no member at the hub/),
    });
  }, 120_000);
});
