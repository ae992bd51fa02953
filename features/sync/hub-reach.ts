// Whether the hub answered the last time anyone here asked it (a push, a pull, a coupon claim):
// what "online" means at the counter. Any HTTP answer counts as reached, even an error status (the
// hub is there); no answer at all (refused, reset, timed out) counts as not. A request this
// terminal abandoned itself (closing, stopping) says nothing either way.
import type { HubHttp } from '../ports';

export interface HubReach {
  http: HubHttp;
  /** null until a request has ended. */
  reachable(): boolean | null;
}

export function trackHubReach(http: HubHttp): HubReach {
  let reached: boolean | null = null;
  const watch = async <T>(signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> => {
    try {
      const answer = await request();
      reached = true;
      return answer;
    } catch (error) {
      if (!signal?.aborted) reached = false;
      throw error;
    }
  };
  return {
    http: {
      post: (url, body, options) => watch(options.signal, () => http.post(url, body, options)),
      get: (url, options) => watch(options.signal, () => http.get(url, options)),
    },
    reachable: () => reached,
  };
}
