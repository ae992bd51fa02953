import { createApiClient, type KioskApi } from '../../contract';
import { createBrowserClient, takeLaunchToken } from './browser-client';

let api: KioskApi | null = null;

/**
 * In Electron the preload gives us window.linliBridge; in a plain browser we talk to the browser
 * host with the launch token. null: a browser tab opened without the token (a bookmark, a new
 * tab), which cannot reach the API at all.
 */
export function getApi(): KioskApi | null {
  if (!api) {
    const bridge = window.linliBridge;
    if (bridge) api = createApiClient(bridge.invoke, bridge.subscribe);
    else {
      const token = takeLaunchToken();
      if (token) api = createBrowserClient(token);
    }
  }
  return api;
}
