// Service requests and feedback at the counter: staff answer a request (the member sees the answer
// at the self-service terminal) and close it; feedback shows its average and a chart of ratings.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, FeedbackSummary, StaffServiceRequestInfo } from '../../../contract';
import { requestAnswerMax } from '../../../contract';
import { useApp } from '../../app-context';
import { BarChart } from '../../components/BarChart';
import { InlineError } from '../../components/kit/InlineError';
import { toErrorShape } from '../../errors';
import { formatDateTime } from '../../format';

const statusBadge = { open: 'badge--warn', answered: 'badge--ok', closed: '' } as const;

function RequestRow({ request, onChanged }: { request: StaffServiceRequestInfo; onChanged: (note: string) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [answer, setAnswer] = useState('');
  const [refused, setRefused] = useState<ApiErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const lng = i18n.language;

  const act = async (what: 'answer' | 'close') => {
    setBusy(true);
    try {
      if (what === 'answer') await api.answerServiceRequest({ requestId: request.id, answer });
      else await api.closeServiceRequest({ requestId: request.id });
      setRefused(null);
      setAnswer('');
      onChanged(t(what === 'answer' ? 'care.counter.answered' : 'care.counter.closed'));
    } catch (e) {
      setRefused(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="row" data-testid="request-row" data-ticket={request.ticketNo} data-status={request.status}>
      <div className="row__main">
        <code className="badge">{request.ticketNo}</code>
        <span className={`badge ${statusBadge[request.status]}`}>{t(`care.request.status.${request.status}`)}</span>
        <strong>{t(`care.request.kinds.${request.kind}`)}</strong>
        <span>
          {t('care.counter.member')}: {request.memberName} · {request.maskedPhone}
        </span>
        <span className="muted">{formatDateTime(request.createdAt, lng)}</span>
        <span>{request.description}</span>
        {request.preferredAt && (
          <span>{t('care.request.preferred', { time: formatDateTime(request.preferredAt, lng) })}</span>
        )}
        {request.answer && (
          <span data-testid="request-answer">{t('care.request.answer', { answer: request.answer })}</span>
        )}
      </div>
      {request.status !== 'closed' && (
        <div className="actions">
          <textarea
            className="input"
            aria-label={t('care.counter.answerLabel')}
            placeholder={t('care.counter.answerLabel')}
            value={answer}
            maxLength={requestAnswerMax}
            data-testid="request-answer-input"
            onChange={(e) => setAnswer(e.target.value)}
          />
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            data-testid="request-answer-send"
            onClick={() => void act('answer')}
          >
            {t('care.counter.sendAnswer')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="request-close"
            onClick={() => void act('close')}
          >
            {t('care.counter.close')}
          </button>
        </div>
      )}
      <InlineError error={refused} testId="request-error" />
    </li>
  );
}

function FeedbackPanel({ summary }: { summary: FeedbackSummary }) {
  const { t, i18n } = useTranslation();
  const bars = summary.byRating
    .map((n, i) => ({
      key: String(i + 1),
      label: t('care.counter.stars', { n: i + 1 }),
      value: n,
      display: n.toLocaleString(i18n.language),
    }))
    .reverse();
  return (
    <section className="panel" data-testid="feedback-panel">
      <h2>{t('care.counter.feedbackTitle')}</h2>
      {summary.count === 0 ? (
        <p className="muted">{t('care.counter.noFeedback')}</p>
      ) : (
        <>
          <p data-testid="feedback-average">
            {t('care.counter.average', { average: summary.average?.toFixed(1) ?? '', count: summary.count })}
          </p>
          <BarChart bars={bars} title={t('care.counter.chartTitle')} testId="feedback-chart" />
          <h3>{t('care.counter.recent')}</h3>
          <ul className="rows">
            {summary.recent.map((f) => (
              <li key={f.id} className="row" data-testid="feedback-row" data-rating={f.rating}>
                <div className="row__main">
                  <strong>{t('care.counter.stars', { n: f.rating })}</strong>
                  <span>{f.memberName}</span>
                  {f.tags.map((tag) => (
                    <span key={tag} className="badge">
                      {t(`care.feedback.tags.${tag}`)}
                    </span>
                  ))}
                  {f.comment && <span data-testid="feedback-comment">{f.comment}</span>}
                  <span className="muted">{formatDateTime(f.at, i18n.language)}</span>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function RequestsTab() {
  const { t } = useTranslation();
  const { api, showError } = useApp();
  const [openOnly, setOpenOnly] = useState(true);
  const [requests, setRequests] = useState<StaffServiceRequestInfo[] | null>(null);
  const [summary, setSummary] = useState<FeedbackSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([api.listServiceRequests({ status: openOnly ? 'open' : 'all' }), api.feedbackSummary()]).then(
        ([r, s]) => {
          setRequests(r);
          setSummary(s);
        },
        showError,
      ),
    [api, openOnly, showError],
  );
  useEffect(() => void load(), [load]);

  return (
    <div className="community-requests" data-testid="requests-tab">
      <section className="panel">
        <h2>{t('care.counter.requestsTitle')}</h2>
        <div className="tabs" role="tablist">
          {[true, false].map((only) => (
            <button
              key={String(only)}
              type="button"
              role="tab"
              aria-selected={openOnly === only}
              className={`button nav-button${openOnly === only ? ' nav-button--current' : ''}`}
              data-testid={`requests-filter-${only ? 'open' : 'all'}`}
              onClick={() => setOpenOnly(only)}
            >
              {t(only ? 'care.counter.openOnly' : 'care.counter.all')}
            </button>
          ))}
        </div>
        {notice && (
          <p className="notice" role="status" data-testid="requests-notice">
            {notice}
          </p>
        )}
        {requests?.length === 0 && <p className="muted">{t('care.counter.none')}</p>}
        <ul className="rows">
          {requests?.map((r) => (
            <RequestRow
              key={r.id}
              request={r}
              onChanged={(note) => {
                setNotice(note);
                void load();
              }}
            />
          ))}
        </ul>
      </section>
      {summary && <FeedbackPanel summary={summary} />}
    </div>
  );
}
