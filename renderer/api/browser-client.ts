import { LinliError, createApiClient, type Envelope, type KioskApi, type KioskEventName } from '../../contract';

const tokenKey = 'linli.token';

/**
 * The browser host prints a URL with a per-launch token; keep it for this tab and take it out of
 * the address bar so it is not bookmarked or shown.
 */
export function takeLaunchToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
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
