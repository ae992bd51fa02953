// The next three community events on the attract loop: a tap opens the event, no scan needed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../contract';
import { useSelfService } from '../self-service-context';
import { eventTitle, eventWhen } from './event-text';

export function AttractEvents() {
  const { t, i18n } = useTranslation();
  const { api, navigate } = useSelfService();
  const [events, setEvents] = useState<EventSummary[]>([]);

  useEffect(() => {
    let live = true;
    // The attract screen never shows an error: without events it simply shows none.
    const load = () =>
      api.upcomingEvents().then(
        (list) => live && setEvents(list.slice(0, 3)),
        () => undefined,
      );
    void load();
    const off = api.on('catalogueChanged', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [api]);

  if (events.length === 0) return null;
  return (
    <section className="ss-card ss-attract-events" data-testid="ss-attract-events" aria-labelledby="ss-attract-events">
      <h2 id="ss-attract-events">{t('events.attract.title')}</h2>
      <ul className="ss-list">
        {events.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="ss-button ss-button--ghost ss-attract-events__item"
              data-testid={`ss-attract-event-${e.id}`}
              onClick={() => navigate({ name: 'event', eventId: e.id })}
            >
              <strong>{eventTitle(e, i18n.language)}</strong>
              <span>{eventWhen(e, i18n.language)}</span>
              <span className="muted">
                {e.seatsLeft > 0 ? t('events.seatsLeft', { count: e.seatsLeft }) : t('events.full')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
