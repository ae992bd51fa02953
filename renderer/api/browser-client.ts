import { LinliError, createApiClient, type Envelope, type KioskApi, type KioskEventName } from '../../contract';

const tokenKey = 'linli.token';

/**
 * The per-launch token arrives in the URL: `?token=` from the link the host prints, or `#token=` from
 * the kiosk's launch file (a fragment is never sent to the server, decision 0033). Keep it for this
 * tab and take it out of the address bar so it is not bookmarked, shown or kept in the history.
 */
export function takeLaunchToken(): string {
  const { token, address } = splitLaunchToken(window.location.href);
  if (token) {
    sessionStorage.setItem(tokenKey, token);
    window.history.replaceState(null, '', address);
    return token;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

/** The token in `href` (query first, then fragment) and the same address without it (path onwards). */
export function splitLaunchToken(href: string): { token: string | null; address: string } {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const token = url.searchParams.get('token') || fragment.get('token') || null;
  url.searchParams.delete('token');
  fragment.delete('token');
  const hash = fragment.size > 0 ? `#${fragment.toString()}` : '';
  return { token, address: url.pathname + url.search + hash };
}

export function createBrowserClient(token: string): KioskApi {
  return createApiClient(
    async (method, input) => {
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ input: input ?? null }),
        });
      } catch {
        throw new LinliError('HOST_UNREACHABLE');
      }
      try {
        return (await response.json()) as Envelope;
      } catch {
        throw new LinliError('HOST_UNREACHABLE');
      }
    },
    (listener) => {
      let socket: WebSocket | null = null;
      let closed = false;
      let attempt = 0;
      const connect = () => {
        const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
        socket = new WebSocket(`${scheme}://${window.location.host}/events?token=${encodeURIComponent(token)}`);
        socket.onopen = () => {
          attempt = 0;
        };
        socket.onmessage = (message) => {
          try {
            const { event, payload } = JSON.parse(String(message.data)) as { event: KioskEventName; payload: unknown };
            listener(event, payload);
          } catch {
            // A malformed frame is dropped; the next one may be fine.
          }
        };
        socket.onclose = () => {
          if (closed) return;
          // Full jitter so many tabs do not reconnect in step after a host restart.
          const delay = Math.random() * Math.min(10_000, 250 * 2 ** attempt++);
          setTimeout(connect, delay);
        };
      };
      connect();
      return () => {
        closed = true;
        socket?.close();
      };
    },
  );
}
