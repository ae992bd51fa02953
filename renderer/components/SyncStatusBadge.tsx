import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../contract';
import { useApp } from '../app-context';
import { translateError } from '../errors';
import { syncLight } from './sync-light';
import { pullPercent } from './SyncProgress';
import '../styles/sync.css';

/** Online or offline, events waiting and refused, at a glance; only once a hub is registered. */
export function SyncStatusBadge() {
  const { t } = useTranslation();
  const { api, session, navigate } = useApp();
  const [status, setStatus] = useState<SyncStatus | null>(null);

  useEffect(() => {
    let live = true;
    api
      .getSyncStatus()
      .then((s) => live && setStatus(s))
      .catch(() => undefined);
    const off = api.on('syncStatus', (s) => setStatus(s));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const light = syncLight(status);
  if (!status || light === 'none') return null;
  const percent = pullPercent(status.pull);
  const state =
    status.online === false
      ? t('syncStatus.offline')
      : percent !== null
        ? t('syncProgress.badge', { percent })
        : t('syncStatus.online');
  const waiting = status.waiting > 0 ? t('syncStatus.waiting', { count: status.waiting }) : null;
  const parked = status.parked > 0 ? t('syncStatus.parked', { count: status.parked }) : null;
  const title = [state, waiting, parked, status.lastError ? translateError(t, { code: status.lastError }) : null]
    .filter(Boolean)
    .join(' · ');
  const manager = session?.staff?.role === 'manager';
  return (
    <button
      type="button"
      className={`printer-badge sync-badge printer-badge--${light}`}
      data-testid="sync-status"
      data-light={light}
      title={title}
      disabled={!manager}
      onClick={() => navigate({ name: 'sync' })}
    >
      <span className="printer-badge__dot" aria-hidden="true" />
      <span className="printer-badge__text">{state}</span>
      {waiting && <span className="printer-badge__queued">{waiting}</span>}
      {parked && <span className="sync-badge__parked">{parked}</span>}
    </button>
  );
}
