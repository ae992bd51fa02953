// A regression found by the fault proxy (test/sync-fault-proxy.test.ts): the pull ordered its page
// by the text of txid and seq, so "10" came before "9" and a page cut between them moved the cursor
// past changes it never returned. One transaction with more than nine changes, pulled in small
// pages, must give every change once, in the order they were written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../contract';
import { pull, push } from '../../hub/features';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { adjusted, batch, enrolled, registeredTerminal } from './fixtures';

describe.each(await testEngines())('pull order on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
  });
  afterAll(() => dispose());

  it('pages through a transaction of many changes without skipping any', async () => {
    const a = await registeredTerminal(storage);
    const b = await registeredTerminal(storage);
    const member = enrolled();
    // Enough changes that their numbers cross a power of ten however the sequence stands.
    const entries = Array.from({ length: 120 }, (_, i) => adjusted(member.aggregateId, i + 1));
    await push(storage, a, batch([member, ...entries.slice(0, 60)]));
    await push(storage, a, batch(entries.slice(60)));

    const seen: PullResponse['changes'] = [];
    let cursor = '';
    for (let pages = 0; pages < 200; pages++) {
      const page = await pull(storage, b, { stream: 'members', after: cursor, limit: 7, wait: 0 });
      seen.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) break;
    }
    const points = seen.flatMap((c) => (c.kind === 'points' ? [c.data.points] : []));
    expect(points).toEqual(entries.map((_, i) => i + 1));
  });
});
