// One community event: details, seats left, sign-up (a scanned member; full → the waiting list),
// and the member's ticket as text and QR (the same ticket is printed on the receipt printer).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../contract';
import { toErrorShape } from '../../errors';
import { qrSvgDataUrl } from '../../scanner/qr-image';
import { useSelfScanReceiver, useSelfService } from '../self-service-context';
import { eventTitle, eventWhen } from './event-text';

export function EventScreen({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const { api, home, setHome, refreshHome, showError, clearError } = useSelfService();
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [offerWaitlist, setOfferWaitlist] = useState(false);
  const [busy, setBusy] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const lng = i18n.language;
  const memberId = home?.memberId ?? null;

  useEffect(() => {
    let live = true;
    const load = () => api.eventDetail({ eventId }).then((e) => live && setEvent(e), showError);
    void load();
    // Seats taken at other terminals arrive from the hub: the count follows.
    const off = api.on('catalogueChanged', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [api, eventId, memberId, showError]);

  const code = event?.mine?.code ?? null;
  useEffect(() => {
    let live = true;
    setQr(null);
    if (code)
      void qrSvgDataUrl(code).then(
        (url) => live && setQr(url),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [code]);

  // Without a member yet, a card scanned here identifies the customer and stays on this event.
  const identify = useCallback(
    (text: string) => {
      api.startCustomer({ text, source: 'wedge' }).then((next) => {
        clearError();
        setHome(next);
      }, showError);
    },
    [api, setHome, showError, clearError],
  );
  useSelfScanReceiver(home ? null : identify);

  const act = (run: () => Promise<EventDetail>) => {
    setBusy(true);
    run().then(
      (next) => {
        clearError();
        setEvent(next);
        setOfferWaitlist(false);
        setBusy(false);
        void refreshHome();
      },
      (e: unknown) => {
        setBusy(false);
        const shape = toErrorShape(e);
        if (shape.code === 'EVENT_FULL') setOfferWaitlist(true);
        showError(shape);
        // The seats may have changed under us: show what the terminal knows now.
        api.eventDetail({ eventId }).then(setEvent, () => undefined);
      },
    );
  };

  if (!event) return null;
  const mine = event.mine;
  return (
    <article className="ss-event-detail" data-testid="ss-event-detail">
      <section className="ss-card">
        <h1 data-testid="ss-event-title">{eventTitle(event, lng)}</h1>
        <p>{eventWhen(event, lng)}</p>
        {event.place && <p className="muted">{t('events.place', { place: event.place })}</p>}
        {event.description && <p>{event.description}</p>}
        <p className="ss-event__facts">
          {event.scope === 'chain' && <span className="ss-chip">{t('events.chain')}</span>}
          <span className="ss-chip" data-testid="ss-event-seats">
            {event.seatsLeft > 0 ? t('events.seatsLeft', { count: event.seatsLeft }) : t('events.full')}
          </span>
          {event.waiting > 0 && <span className="ss-chip">{t('events.waitingCount', { count: event.waiting })}</span>}
          {event.points > 0 && <span className="ss-chip">{t('events.points', { points: event.points })}</span>}
        </p>
      </section>

      {!home && (
        <p className="ss-card" data-testid="ss-event-scan-first">
          {t('events.scanToSignUp')}
        </p>
      )}

      {home && !mine && (
        <section className="ss-card">
          {(offerWaitlist || event.seatsLeft === 0) && <p data-testid="ss-event-full-hint">{t('events.fullHint')}</p>}
          {event.seatsLeft > 0 && !offerWaitlist ? (
            <button
              type="button"
              className="ss-button ss-button--primary"
              data-testid="ss-event-signup"
              disabled={busy}
              onClick={() => act(() => api.signUpForEvent({ eventId }))}
            >
              {t('events.signUp')}
            </button>
          ) : (
            <button
              type="button"
              className="ss-button ss-button--primary"
              data-testid="ss-event-waitlist"
              disabled={busy}
              onClick={() => act(() => api.signUpForEvent({ eventId, waitlist: true }))}
            >
              {t('events.joinWaitlist')}
            </button>
          )}
        </section>
      )}

      {home && mine && (
        <section className="ss-card ss-ticket" data-testid="ss-ticket" data-status={mine.status}>
          <h2>{t('events.ticket')}</h2>
          <p className="ss-chip" data-testid="ss-ticket-status">
            {t(`events.status.${mine.status}`)}
          </p>
          {mine.status === 'waiting' && mine.position !== null && (
            <p data-testid="ss-ticket-position">{t('events.waitingPosition', { position: mine.position })}</p>
          )}
          {qr && <img className="ss-ticket__qr" src={qr} alt={mine.code} data-testid="ss-ticket-qr" />}
          <code className="ss-code" data-testid="ss-ticket-code">
            {mine.code}
          </code>
          <p className="muted">{t('events.ticketHint')}</p>
          {mine.status !== 'attended' && (
            <button
              type="button"
              className="ss-button"
              data-testid="ss-event-cancel"
              disabled={busy}
              onClick={() => act(() => api.cancelEventSignUp({ eventId }))}
            >
              {t('events.cancelSignUp')}
            </button>
          )}
        </section>
      )}
    </article>
  );
}
