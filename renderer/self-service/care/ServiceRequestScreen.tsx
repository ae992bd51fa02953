// A service request at the self-service terminal: the kind (complaint, repair, appointment), what
// is needed (typed on the terminal's keyboard), a preferred time for appointments (big day and time
// buttons, no date picker), then the ticket number, big, as the printer prints it. The member's
// earlier requests show their status and the staff's answer.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  requestDescriptionMax,
  requestKinds,
  type OpenedServiceRequest,
  type RequestKind,
  type ServiceRequestInfo,
} from '../../../contract';
import { formatDateTime } from '../../format';
import { KioskTextInput } from '../keyboard/KioskTextInput';
import { useSelfService } from '../self-service-context';
import './care.css';

const slotHours = [10, 14, 18] as const;
const dayKeys = ['today', 'tomorrow', 'dayAfter'] as const;

/** The next three days' appointment slots at the store's local hours, those still ahead. */
function appointmentSlots(now: number, offsetMinutes: number) {
  const local = new Date(now + offsetMinutes * 60_000);
  return dayKeys.map((key, d) => ({
    key,
    slots: slotHours
      .map((h) => ({
        hour: h,
        at: new Date(
          Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + d, h) - offsetMinutes * 60_000,
        ).toISOString(),
      }))
      .filter((s) => Date.parse(s.at) > now),
  }));
}

export function RequestStatusLine({ request }: { request: ServiceRequestInfo }) {
  const { t } = useTranslation();
  return (
    <span className={`ss-status--${request.status}`} data-testid="ss-request-status" data-status={request.status}>
      {t(`care.request.status.${request.status}`)}
    </span>
  );
}

export function ServiceRequestScreen() {
  const { t, i18n } = useTranslation();
  const { api, session, showError, clearError } = useSelfService();
  const [kind, setKind] = useState<RequestKind | null>(null);
  const [description, setDescription] = useState('');
  const [preferredAt, setPreferredAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<OpenedServiceRequest | null>(null);
  const [mine, setMine] = useState<ServiceRequestInfo[]>([]);
  const lng = i18n.language;

  const load = useCallback(() => api.myServiceRequests().then(setMine, showError), [api, showError]);
  useEffect(() => void load(), [load]);
  // Read once per visit to the screen: the slots do not move while the member chooses.
  const [now] = useState(() => Date.now());
  const days = useMemo(() => appointmentSlots(now, session?.utcOffsetMinutes ?? 480), [now, session]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    setBusy(true);
    try {
      const result = await api.openServiceRequest({
        kind,
        description,
        preferredAt: kind === 'appointment' ? preferredAt : null,
      });
      clearError();
      setOpened(result);
      setKind(null);
      setDescription('');
      setPreferredAt(null);
      await load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ss-requests" data-testid="ss-service-request">
      {opened ? (
        <section className="ss-card ss-thanks" data-testid="ss-request-ticket">
          <h1>{t('care.request.ticketTitle')}</h1>
          <p className="ss-ticket" data-testid="ss-ticket-no">
            {opened.ticketNo}
          </p>
          <p>{t(opened.printJobId ? 'care.request.ticketPrinted' : 'care.request.ticketNotPrinted')}</p>
          <button type="button" className="ss-button" data-testid="ss-request-another" onClick={() => setOpened(null)}>
            {t('care.request.another')}
          </button>
        </section>
      ) : (
        <form className="ss-card ss-form" onSubmit={(e) => void submit(e)}>
          <h1>{t('care.request.title')}</h1>
          <p>{t('care.request.lead')}</p>
          <h2>{t('care.request.kindTitle')}</h2>
          <div className="ss-choices">
            {requestKinds.map((k) => (
              <button
                key={k}
                type="button"
                className="ss-button ss-choice"
                aria-pressed={kind === k}
                data-testid={`ss-request-kind-${k}`}
                onClick={() => setKind(k)}
              >
                {t(`care.request.kinds.${k}`)}
              </button>
            ))}
          </div>
          {kind && (
            <KioskTextInput
              value={description}
              onChange={setDescription}
              layout="chinese"
              multiline
              label={t('care.request.descriptionLabel')}
              testId="ss-request-description"
              maxLength={requestDescriptionMax}
            />
          )}
          {kind === 'appointment' && (
            <>
              <h2>{t('care.request.timeTitle')}</h2>
              {days.map(
                (day) =>
                  day.slots.length > 0 && (
                    <div key={day.key} className="ss-choices" aria-label={t(`care.request.${day.key}`)}>
                      <strong>{t(`care.request.${day.key}`)}</strong>
                      {day.slots.map((s) => (
                        <button
                          key={s.at}
                          type="button"
                          className="ss-button ss-choice"
                          aria-pressed={preferredAt === s.at}
                          data-testid={`ss-slot-${day.key}-${s.hour}`}
                          onClick={() => setPreferredAt(s.at)}
                        >
                          {`${s.hour}:00`}
                        </button>
                      ))}
                    </div>
                  ),
              )}
            </>
          )}
          <button
            type="submit"
            className="ss-button ss-button--primary"
            disabled={busy || !kind}
            data-testid="ss-request-submit"
          >
            {t('care.request.submit')}
          </button>
        </form>
      )}

      <section className="ss-card" data-testid="ss-my-requests">
        <h2>{t('care.request.mine')}</h2>
        {mine.length === 0 && <p className="muted">{t('care.request.none')}</p>}
        <ul className="ss-list">
          {mine.map((r) => (
            <li key={r.id} data-testid="ss-request">
              <div className="ss-status">
                <code className="ss-code">{r.ticketNo}</code>
                <span>{t(`care.request.kinds.${r.kind}`)}</span>
                <span className="muted">{formatDateTime(r.createdAt, lng)}</span>
                <RequestStatusLine request={r} />
              </div>
              <p>{r.description}</p>
              {r.preferredAt && (
                <p className="muted">{t('care.request.preferred', { time: formatDateTime(r.preferredAt, lng) })}</p>
              )}
              {r.answer && <p data-testid="ss-request-answer">{t('care.request.answer', { answer: r.answer })}</p>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
