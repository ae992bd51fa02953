import { describe, expect, it } from 'vitest';
import { gate } from './gate';

describe('gate', () => {
  it('lets at most the limit run at once and the rest in order as they finish', async () => {
    const run = gate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) =>
      run(async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        order.push(n);
        running--;
        return n;
      });
    expect(await Promise.all([1, 2, 3, 4, 5].map(task))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it('gives the slot back when a task fails', async () => {
    const run = gate(1);
    await expect(run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await run(() => Promise.resolve('next'))).toBe('next');
  });
});
