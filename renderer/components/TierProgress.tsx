import { useTranslation } from 'react-i18next';
import type { TierProgressInfo } from '../../contract';
import { formatMinor } from '../money';

/** How far the member is from the next tier, as a bar people read at a glance. */
export function TierProgress({ progress, currency }: { progress: TierProgressInfo; currency: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const name = (tier: { name: { zh: string; en: string } }) => (lng === 'en' ? tier.name.en : tier.name.zh);
  const percent = Math.round(progress.fraction * 100);
  const fmt = (v: number) => (progress.metric === 'spend' ? formatMinor(v, currency, lng) : String(v));
  return (
    <div className="tier-progress" data-testid="tier-progress">
      <div className="tier-progress__labels">
        <span className="tier-progress__current">{name(progress.current)}</span>
        <span className="muted">
          {progress.next ? t('loyalty.progressTo', { tier: name(progress.next) }) : t('loyalty.topTier')}
        </span>
      </div>
      <div
        className="tier-progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={progress.next ? t('loyalty.progressTo', { tier: name(progress.next) }) : t('loyalty.topTier')}
        data-testid="tier-progress-bar"
      >
        <div className="tier-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      {progress.next && progress.target !== null && (
        <span className="muted tier-progress__detail" data-testid="tier-progress-detail">
          {t(progress.metric === 'spend' ? 'loyalty.progressSpend' : 'loyalty.progressPoints', {
            value: fmt(progress.value),
            target: fmt(progress.target),
          })}
        </span>
      )}
    </div>
  );
}
