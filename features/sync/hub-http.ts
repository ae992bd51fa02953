// The HubHttp port over Node's fetch. Tests use it too, against a hub double on 127.0.0.1.
import type { HubAnswer, HubHttp } from '../ports';

type Options = Parameters<HubHttp['get']>[1];

async function request(url: string, body: unknown, { credential, timeoutMs, signal }: Options): Promise<HubAnswer> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      accept: 'application/json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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
}

export const fetchHubHttp: HubHttp = {
  post: (url, body, options) => request(url, body, options),
  get: (url, options) => request(url, undefined, options),
};

/** A body that is not JSON (a proxy's error page) reads as null: the caller treats it as no answer. */
function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}
