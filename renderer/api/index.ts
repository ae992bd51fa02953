import type { KioskApi } from '../../core/contract';
import { createBrowserClient, takeLaunchToken } from './browser-client';

let api: KioskApi | null = null;

/** The Electron preload puts the API on window.linli; in a plain browser we talk to the browser host. */
export function getApi(): KioskApi {
  if (!api) api = window.linli ?? createBrowserClient(takeLaunchToken());
  return api;
}
