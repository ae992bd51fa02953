import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkedEventInfo, SyncStatus } from '../../contract';
import { useApp } from '../app-context';
import { Dialog } from '../components/kit/Dialog';
import { InlineError } from '../components/kit/InlineError';
import { useAction } from '../components/use-action';

/**
 * A manager's two answers to an event the hub refused: send it again (once the cause is fixed at
 * the hub), or drop it for good, after a confirmation that says it will never reach the hub. The
 * terminal audits both; the screen reloads its list from the status answered.
 */
export function SyncParkedActions({ event, onDone }: { event: ParkedEventInfo; onDone(status: SyncStatus): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [confirming, setConfirming] = useState(false);
  const resending = useAction({ inline: true });
  const dropping = useAction({ inline: true });

  const resend = () => void resending.run(async () => onDone(await api.resendParkedEvent({ id: event.id })));
  const drop = () =>
    void dropping.run(async () => {
      const status = await api.dropParkedEvent({ id: event.id });
      setConfirming(false);
      onDone(status);
    });

  return (
    <div className="sync__row-actions">
      <button
        type="button"
        className="button button--ghost"
        data-testid="sync-parked-resend"
        disabled={resending.busy}
        onClick={resend}
      >
        {t('sync.parked.resend')}
      </button>
      <button
        type="button"
        className="button button--ghost"
        data-testid="sync-parked-drop"
        onClick={() => {
          dropping.resetError();
          setConfirming(true);
        }}
      >
        {t('sync.parked.drop')}
      </button>
      <InlineError error={resending.error} testId="sync-parked-resend-error" />
      {confirming && (
        <Dialog
          title={t('sync.parked.dropTitle')}
          testId="sync-drop-dialog"
          danger
          busy={dropping.busy}
          error={dropping.error}
          confirmLabel={t('sync.parked.dropConfirm')}
          onSubmit={drop}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('sync.parked.dropBody', { type: event.type })}</p>
        </Dialog>
      )}
    </div>
  );
}
