// Upcoming community events, open without a scan, and the check-in where a ticket is scanned.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../contract';
import { useSelfService } from '../self-service-context';
import { CheckInPanel } from './CheckInPanel';
import { eventTitle, eventWhen } from './event-text';

export function EventsScreen() {
  const { t, i18n } = useTranslation();
  const { api, navigate, showError } = useSelfService();
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [checkIn, setCheckIn] = useState(false);
  const lng = i18n.language;

  useEffect(() => {
    let live = true;
    const load = () => api.upcomingEvents().then((list) => live && setEvents(list), showError);
    void load();
    // Events and seats pulled from the hub (other terminals' sign-ups) show without a reload.
    const off = api.on('catalogueChanged', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [api, showError]);

  return (
    <div className="ss-events" data-testid="ss-events-screen">
      <div className="ss-events__head">
        <h1>{t('events.title')}</h1>
        <button
          type="button"
          className="ss-button ss-button--primary"
          data-testid="ss-checkin-open"
          onClick={() => setCheckIn(true)}
        >
          {t('events.checkIn.button')}
        </button>
      </div>
      {checkIn && <CheckInPanel onClose={() => setCheckIn(false)} />}
      {events?.length === 0 && <p className="ss-card muted">{t('events.empty')}</p>}
      <ul className="ss-list">
        {events?.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="ss-card ss-event"
              data-testid={`ss-event-${e.id}`}
              onClick={() => navigate({ name: 'event', eventId: e.id })}
            >
              <strong className="ss-event__title">{eventTitle(e, lng)}</strong>
              <span>{eventWhen(e, lng)}</span>
              {e.place && <span className="muted">{t('events.place', { place: e.place })}</span>}
              <span className="ss-event__facts">
                {e.scope === 'chain' && <span className="ss-chip">{t('events.chain')}</span>}
                <span className="ss-chip" data-testid="ss-event-seats">
                  {e.seatsLeft > 0 ? t('events.seatsLeft', { count: e.seatsLeft }) : t('events.full')}
                </span>
                {e.points > 0 && <span className="ss-chip">{t('events.points', { points: e.points })}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
