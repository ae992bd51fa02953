import { describe, expect, it } from 'vitest';
import type { HubAnswer, HubHttp } from '../ports';
import { trackHubReach } from './hub-reach';

const answer: HubAnswer = { status: 503, retryAfter: null, date: null, body: null };

function fakeHttp(outcomes: ('answer' | 'refused')[]): HubHttp {
  const next = () =>
    outcomes.shift() === 'answer' ? Promise.resolve(answer) : Promise.reject(new Error('ECONNREFUSED'));
  return { post: () => next(), get: () => next() };
}

describe('whether the hub answered the last request', () => {
  it('is unknown at first, then follows each request: any HTTP answer is reached, none is not', async () => {
    const reach = trackHubReach(fakeHttp(['answer', 'refused', 'answer']));
    expect(reach.reachable()).toBeNull();
    await reach.http.get('http://hub/v1/pull', { timeoutMs: 10 });
    expect(reach.reachable()).toBe(true);
    await expect(reach.http.post('http://hub/v1/push', {}, { timeoutMs: 10 })).rejects.toThrow();
    expect(reach.reachable()).toBe(false);
    await reach.http.post('http://hub/v1/coupons/claim', {}, { timeoutMs: 10 });
    expect(reach.reachable()).toBe(true);
  });

  it('says nothing when this terminal abandoned the request itself (closing)', async () => {
    const reach = trackHubReach(fakeHttp(['refused']));
    const stop = new AbortController();
    stop.abort();
    await expect(reach.http.get('http://hub/v1/pull', { timeoutMs: 10, signal: stop.signal })).rejects.toThrow();
    expect(reach.reachable()).toBeNull();
  });
});
