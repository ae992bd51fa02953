import { createApiClient, type KioskApi } from '../../contract';
import { createBrowserClient, takeLaunchToken } from './browser-client';

let api: KioskApi | null = null;

/** In Electron the preload gives us window.linliBridge; in a plain browser we talk to the browser host. */
export function getApi(): KioskApi {
  if (!api) {
    const bridge = window.linliBridge;
    api = bridge ? createApiClient(bridge.invoke, bridge.subscribe) : createBrowserClient(takeLaunchToken());
  }
  return api;
}
