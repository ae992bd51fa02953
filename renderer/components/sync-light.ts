import type { SyncStatus } from '../../contract';

/**
 * The header's sync light: nothing while no hub is registered; red when the last attempt did not
 * get through (offline, busy, revoked); amber while events wait or the hub refused some; green when
 * everything is up.
 */
export function syncLight(status: SyncStatus | null): 'ok' | 'warn' | 'bad' | 'none' {
  if (!status?.registered) return 'none';
  if (status.online === false) return 'bad';
  if (status.parked > 0 || status.waiting > 0) return 'warn';
  return 'ok';
}
