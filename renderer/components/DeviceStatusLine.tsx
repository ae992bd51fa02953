import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../contract';
import { formatDateTime } from '../format';

/** A device's state as a coloured dot and words, the same everywhere. */
export function StatusLine({ status }: { status: DeviceStatus }) {
  const { t, i18n } = useTranslation();
  const light =
    !status.enabled || status.state === 'closed'
      ? 'none'
      : status.state === 'error'
        ? 'bad'
        : status.state === 'busy' || status.health === 'paperNearEnd'
          ? 'warn'
          : 'ok';
  const words = !status.enabled
    ? t('devices.disabled')
    : status.problem
      ? t(`devices.problem.${status.problem}`)
      : status.health
        ? t(`devices.health.${status.health}`)
        : t(`devices.state.${status.state}`);
  return (
    <span className={`status-line status-line--${light}`} data-testid="device-status">
      <span className="status-line__dot" aria-hidden="true" />
      {words}
      <span className="muted status-line__since">
        {t('devices.since', { time: formatDateTime(status.since, i18n.language) })}
      </span>
    </span>
  );
}
