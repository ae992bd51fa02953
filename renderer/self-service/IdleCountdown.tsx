import { useTranslation } from 'react-i18next';
import { countdownSeconds } from './use-idle-timeout';

/** The last seconds before the terminal forgets the customer: a touch anywhere keeps them. */
export function IdleCountdown({ left }: { left: number | null }) {
  const { t } = useTranslation();
  if (left === null) return null;
  return (
    <div className="ss-idle" role="alertdialog" aria-live="assertive" data-testid="ss-idle-countdown">
      <p className="ss-idle__title">{t('selfService.idle.title', { seconds: left })}</p>
      <div className="ss-idle__track" aria-hidden="true">
        <div className="ss-idle__fill" style={{ width: `${(left / countdownSeconds) * 100}%` }} />
      </div>
      <p>{t('selfService.idle.hint')}</p>
    </div>
  );
}
