// Where the terminal keeps its hub registration: in settings, so it survives restarts. The
// credential is read only by the relay; nothing returns it to the renderer.
import type { SettingsRepository } from '../../db/store';

export const hubKeys = {
  url: 'hub.url',
  terminalId: 'hub.terminal_id',
  credential: 'hub.credential',
  storeId: 'hub.store_id',
  storeName: 'hub.store_name',
  /** When the hub last acknowledged a batch: written with the acknowledgement. */
  lastSyncAt: 'hub.last_sync_at',
} as const;

export interface HubRegistration {
  url: string;
  terminalId: string;
  credential: string;
  storeName: string;
}

/** The stored registration, or null when the terminal has none (never registered, or unregistered). */
export function readRegistration(settings: SettingsRepository): HubRegistration | null {
  const url = settings.get(hubKeys.url);
  const terminalId = settings.get(hubKeys.terminalId);
  const credential = settings.get(hubKeys.credential);
  if (!url || !terminalId || !credential) return null;
  return { url, terminalId, credential, storeName: settings.get(hubKeys.storeName) ?? '' };
}
