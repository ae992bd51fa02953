// Community events at the counter: a manager creates, edits and cancels the shop's events; staff
// see who signed up and check tickets in (a scanner types the code into the check-in field).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, EventAttendee, EventInput, EventSummary } from '../../../contract';
import { useApp } from '../../app-context';
import { Field } from '../../components/kit/Field';
import { fieldErrorsOf } from '../../components/kit/field-errors';
import { InlineError } from '../../components/kit/InlineError';
import { toErrorShape } from '../../errors';
import { formatDateTime } from '../../format';
import { eventTitle, eventWhen } from '../../self-service/events/event-text';

/** datetime-local values are the store's wall time (its UTC offset), whatever the terminal's OS zone. */
const toLocalInput = (iso: string, offsetMinutes: number) =>
  new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16);
function fromLocalInput(value: string, offsetMinutes: number): string {
  if (!value) return '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${value}:00${sign}${hh}:${mm}`;
}

interface Draft {
  id?: string;
  titleZh: string;
  titleEn: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  points: string;
}

const emptyDraft: Draft = {
  titleZh: '',
  titleEn: '',
  description: '',
  place: '',
  startsAt: '',
  endsAt: '',
  capacity: '20',
  points: '0',
};

const draftOf = (e: EventSummary, offset: number): Draft => ({
  id: e.id,
  titleZh: e.title.zh,
  titleEn: e.title.en,
  description: e.description,
  place: e.place,
  startsAt: toLocalInput(e.startsAt, offset),
  endsAt: toLocalInput(e.endsAt, offset),
  capacity: String(e.capacity),
  points: String(e.points),
});

const numberOr = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

export function EventsTab() {
  const { t, i18n } = useTranslation();
  const { api, session } = useApp();
  const lng = i18n.language;
  const manager = session?.staff?.role === 'manager';
  const offset = session?.utcOffsetMinutes ?? 480;
  const [events, setEvents] = useState<EventSummary[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [formError, setFormError] = useState<ApiErrorShape | null>(null);
  const [listError, setListError] = useState<ApiErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [attendees, setAttendees] = useState<EventAttendee[]>([]);
  const [code, setCode] = useState('');
  const [checkInError, setCheckInError] = useState<ApiErrorShape | null>(null);
  const [checkedIn, setCheckedIn] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.listEvents().then(setEvents, (e: unknown) => setListError(toErrorShape(e)));
  }, [api]);
  useEffect(reload, [reload]);

  const showAttendees = useCallback(
    (eventId: string | null) => {
      setOpen(eventId);
      if (eventId) api.eventAttendees({ eventId }).then(setAttendees, (e: unknown) => setListError(toErrorShape(e)));
    },
    [api],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const input: EventInput = {
      ...(draft.id ? { id: draft.id } : {}),
      titleZh: draft.titleZh,
      titleEn: draft.titleEn,
      description: draft.description,
      place: draft.place,
      startsAt: fromLocalInput(draft.startsAt, offset),
      endsAt: fromLocalInput(draft.endsAt, offset),
      capacity: numberOr(draft.capacity),
      points: numberOr(draft.points),
    };
    api.saveEvent(input).then(
      () => {
        setDraft(null);
        setFormError(null);
        setSaved(true);
        reload();
      },
      (err: unknown) => setFormError(toErrorShape(err)),
    );
  };

  const cancelEvent = (eventId: string) =>
    api.cancelEvent({ eventId }).then(reload, (e: unknown) => setListError(toErrorShape(e)));

  const checkIn = (e: FormEvent) => {
    e.preventDefault();
    setCheckedIn(null);
    api.checkInAtCounter({ code }).then(
      (r) => {
        setCheckInError(null);
        setCode('');
        const event = events.find((x) => x.id === r.eventId);
        setCheckedIn(
          t('events.counter.checkedIn', {
            name: r.maskedName,
            title: event ? eventTitle(event, lng) : r.title.zh,
            points: r.points,
          }),
        );
        reload();
        if (open === r.eventId) showAttendees(r.eventId);
      },
      (err: unknown) => setCheckInError(toErrorShape(err)),
    );
  };

  const errors = fieldErrorsOf(formError);
  const formLevel = formError && !formError.field ? formError : null;
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => (d ? { ...d, [key]: e.target.value } : d));

  return (
    <div className="community-events" data-testid="community-events">
      <form className="panel form" onSubmit={checkIn}>
        <Field label={t('events.counter.checkInLabel')} field="code" error={checkInError}>
          <input
            className="input mono"
            autoComplete="off"
            data-testid="event-checkin-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <button
          type="submit"
          className="button button--primary"
          data-testid="event-checkin-submit"
          disabled={!code.trim()}
        >
          {t('events.counter.checkIn')}
        </button>
        {checkedIn && (
          <p role="status" data-testid="event-checkin-done">
            {checkedIn}
          </p>
        )}
      </form>

      {manager && !draft && (
        <button
          type="button"
          className="button button--primary"
          data-testid="event-new"
          onClick={() => {
            setSaved(false);
            setFormError(null);
            setDraft(emptyDraft);
          }}
        >
          {t('events.counter.new')}
        </button>
      )}
      {saved && !draft && (
        <p role="status" data-testid="event-saved">
          {t('events.counter.saved')}
        </p>
      )}

      {draft && (
        <form className="panel form" noValidate onSubmit={submit} data-testid="event-form">
          <div className="form__grid">
            <Field label={t('events.counter.titleZh')} field="titleZh" error={errors.titleZh} required>
              <input className="input" data-testid="event-title-zh" value={draft.titleZh} onChange={set('titleZh')} />
            </Field>
            <Field label={t('events.counter.titleEn')} field="titleEn" error={errors.titleEn}>
              <input className="input" data-testid="event-title-en" value={draft.titleEn} onChange={set('titleEn')} />
            </Field>
            <Field label={t('events.counter.startsAt')} field="startsAt" error={errors.startsAt} required>
              <input
                className="input"
                type="datetime-local"
                data-testid="event-starts"
                value={draft.startsAt}
                onChange={set('startsAt')}
              />
            </Field>
            <Field label={t('events.counter.endsAt')} field="endsAt" error={errors.endsAt} required>
              <input
                className="input"
                type="datetime-local"
                data-testid="event-ends"
                value={draft.endsAt}
                onChange={set('endsAt')}
              />
            </Field>
            <Field label={t('events.counter.place')} field="place" error={errors.place}>
              <input className="input" data-testid="event-place" value={draft.place} onChange={set('place')} />
            </Field>
            <Field label={t('events.counter.capacity')} field="capacity" error={errors.capacity} required>
              <input
                className="input"
                inputMode="numeric"
                data-testid="event-capacity"
                value={draft.capacity}
                onChange={set('capacity')}
              />
            </Field>
            <Field label={t('events.counter.points')} field="points" error={errors.points}>
              <input
                className="input"
                inputMode="numeric"
                data-testid="event-points"
                value={draft.points}
                onChange={set('points')}
              />
            </Field>
            <Field label={t('events.counter.description')} field="description" error={errors.description} grow>
              <textarea
                className="input"
                data-testid="event-description"
                value={draft.description}
                onChange={set('description')}
              />
            </Field>
          </div>
          <InlineError error={formLevel} testId="event-form-error" />
          <div className="actions">
            <button type="submit" className="button button--primary" data-testid="event-save">
              {t('events.counter.save')}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {t('events.counter.cancelForm')}
            </button>
          </div>
        </form>
      )}

      <section className="panel" aria-labelledby="community-events-list">
        <h2 id="community-events-list">{t('events.counter.list')}</h2>
        <InlineError error={listError} testId="event-list-error" />
        {events.length === 0 && <p className="muted">{t('events.counter.none')}</p>}
        <ul className="community-events__list" data-testid="event-list">
          {events.map((e) => (
            <li key={e.id} data-testid={`event-row-${e.id}`} data-status={e.status}>
              <div>
                <strong>{eventTitle(e, lng)}</strong>{' '}
                <span className="muted">
                  {e.scope === 'chain' ? t('events.counter.scopeChain') : t('events.counter.scopeShop')}
                  {e.status === 'cancelled' ? ` · ${t('events.counter.cancelled')}` : ''}
                </span>
              </div>
              <div className="muted">
                {eventWhen(e, lng)}
                {e.place ? ` · ${e.place}` : ''}
              </div>
              <div data-testid="event-seats">
                {t('events.counter.seats', { taken: e.taken, capacity: e.capacity, waiting: e.waiting })}
                {e.points > 0 ? ` · +${e.points}` : ''}
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  data-testid="event-attendees"
                  onClick={() => showAttendees(open === e.id ? null : e.id)}
                >
                  {open === e.id ? t('events.counter.hideAttendees') : t('events.counter.attendees')}
                </button>
                {manager && e.scope === 'shop' && e.status === 'open' && (
                  <>
                    <button
                      type="button"
                      className="button"
                      data-testid="event-edit"
                      onClick={() => {
                        setSaved(false);
                        setFormError(null);
                        setDraft(draftOf(e, offset));
                      }}
                    >
                      {t('events.counter.edit')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      data-testid="event-cancel"
                      onClick={() => void cancelEvent(e.id)}
                    >
                      {t('events.counter.cancelEvent')}
                    </button>
                  </>
                )}
              </div>
              {open === e.id && (
                <ul className="community-events__list" data-testid="event-attendee-list">
                  {attendees.length === 0 && <li className="muted">{t('events.counter.noAttendees')}</li>}
                  {attendees.map((a) => (
                    <li key={a.signupId} data-status={a.status}>
                      {a.name} {a.maskedPhone} · <code className="mono">{a.code}</code> ·{' '}
                      {t(`events.status.${a.status}`)}
                      {a.position !== null ? ` #${a.position}` : ''}
                      {a.checkedInAt ? ` · ${formatDateTime(a.checkedInAt, lng)}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
