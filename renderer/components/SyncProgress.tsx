import { useTranslation } from 'react-i18next';
import type { SyncPullProgress } from '../../contract';
import '../styles/sync-progress.css';

/** Whole percent of a catch-up still running, or null when nothing is being caught up. */
export function pullPercent(progress: SyncPullProgress | null | undefined): number | null {
  if (!progress || progress.remaining <= 0) return null;
  // Never 100 % before the last page: the bar reaches the end when the hub says nothing remains.
  return Math.min(99, Math.floor(progress.fraction * 100));
}

/** The sync screen's progress bar while the terminal catches up with the hub (a bootstrap of a million members takes a while). */
export function SyncProgress({ progress }: { progress: SyncPullProgress | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!progress) return null;
  const percent = pullPercent(progress);
  const count = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="sync-progress" data-testid="sync-progress" data-remaining={progress.remaining}>
      <div
        className="sync-progress__track"
        role="progressbar"
        aria-label={t('syncProgress.title')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? 100}
      >
        <span className="sync-progress__bar" style={{ width: `${percent ?? 100}%` }} />
      </div>
      <p className="sync-progress__text muted">
        {percent === null
          ? t('syncProgress.done', { applied: count(progress.applied) })
          : t('syncProgress.detail', { applied: count(progress.applied), remaining: count(progress.remaining) })}
      </p>
    </div>
  );
}
