// The HubHttp port over Node's fetch. Tests use it too, against a hub double on 127.0.0.1.
import type { HubAnswer, HubHttp } from '../ports';

export const fetchHubHttp: HubHttp = {
  async post(url, body, { credential, timeoutMs, signal }): Promise<HubAnswer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
    });
    // Reading the body may fail too (the connection dropped mid-answer): that rejects like no answer.
    const text = await response.text();
    const { headers } = response;
    return {
      status: response.status,
      retryAfter: headers.get('retry-after'),
      date: headers.get('date'),
      body: parseJson(text),
    };
  },
};

/** A body that is not JSON (a proxy's error page) reads as null: the caller treats it as no answer. */
function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}
