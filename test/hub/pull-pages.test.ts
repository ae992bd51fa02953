// Paging through a stream whose sequence numbers grow a digit (9 → 10, 99 → 100): every change comes
// exactly once and in order, and the count of what remains goes down to nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../contract';
import { pull, push, type AuthenticatedTerminal } from '../../hub/features';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { adjusted, batch, enrolled, registeredTerminal } from './fixtures';

describe.each(await testEngines())('pull pages on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let a: AuthenticatedTerminal;
  let b: AuthenticatedTerminal;
  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
  });
  afterAll(() => dispose());

  it('gives 120 points entries in pages of 7, each once and in order, and counts down what remains', async () => {
    const member = enrolled();
    const entries = Array.from({ length: 120 }, (_, i) => adjusted(member.aggregateId, i + 1));
    await push(storage, a, batch([member, ...entries]));

    const points: number[] = [];
    const remaining: number[] = [];
    let cursor = '';
    for (;;) {
      const page: PullResponse = await pull(storage, b, {
        stream: 'members',
        after: cursor,
        limit: 7,
        wait: 0,
        count: true,
      });
      for (const c of page.changes) if (c.kind === 'points') points.push(c.data.points);
      remaining.push(page.remaining!);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(points).toEqual(entries.map((_, i) => i + 1));
    expect(remaining.at(-1)).toBe(0);
    expect(remaining).toEqual([...remaining].sort((x, y) => y - x));
  });
});
