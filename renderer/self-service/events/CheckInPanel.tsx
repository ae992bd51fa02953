// Ticket check-in at the self-service terminal: while open, every scan is a ticket (not a member
// card), and the code can be typed too. Attendance awards the event's points once.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '../../../contract';
import { KioskTextInput } from '../keyboard/KioskTextInput';
import { useSelfScanReceiver, useSelfService } from '../self-service-context';
import { eventTitle } from './event-text';

export function CheckInPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { api, home, refreshHome, showError, clearError } = useSelfService();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [busy, setBusy] = useState(false);

  const checkIn = useCallback(
    (text: string) => {
      if (busy) return;
      setBusy(true);
      setResult(null);
      api.checkInTicket({ code: text }).then(
        (done) => {
          clearError();
          setResult(done);
          setCode('');
          setBusy(false);
          if (home) void refreshHome();
        },
        (e: unknown) => {
          setBusy(false);
          showError(e);
        },
      );
    },
    [api, busy, home, refreshHome, showError, clearError],
  );
  useSelfScanReceiver(checkIn);
  // Set after the receiver is in place (effects run in order): from then on a scan is a ticket.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  return (
    <section
      className="ss-card ss-checkin"
      data-testid="ss-checkin"
      data-ready={ready}
      aria-labelledby="ss-checkin-title"
    >
      <h2 id="ss-checkin-title">{t('events.checkIn.title')}</h2>
      <p>{t('events.checkIn.prompt')}</p>
      <div className="ss-checkin__row">
        <KioskTextInput
          value={code}
          onChange={setCode}
          layout="latin"
          label={t('events.checkIn.code')}
          testId="ss-checkin-code"
          maxLength={20}
        />
        <button
          type="button"
          className="ss-button ss-button--primary"
          data-testid="ss-checkin-submit"
          disabled={busy || !code.trim()}
          onClick={() => checkIn(code)}
        >
          {t('events.checkIn.submit')}
        </button>
      </div>
      {result && (
        <div className="ss-checkin__done" role="status" data-testid="ss-checkin-done">
          <strong>{t('events.checkIn.done', { title: eventTitle(result, i18n.language) })}</strong>
          {result.points > 0 && (
            <p data-testid="ss-checkin-points">
              {t('events.checkIn.awarded', { name: result.maskedName, points: result.points })}
            </p>
          )}
        </div>
      )}
      <button type="button" className="ss-button" data-testid="ss-checkin-close" onClick={onClose}>
        {t('events.checkIn.close')}
      </button>
    </section>
  );
}
