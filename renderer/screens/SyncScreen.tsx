import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkedEventInfo, SyncStatus } from '../../contract';
import { useApp } from '../app-context';
import { Field } from '../components/kit/Field';
import { SyncProgress } from '../components/SyncProgress';
import { InlineError } from '../components/kit/InlineError';
import { fieldErrorsOf, isFormLevel } from '../components/kit/field-errors';
import { useAction } from '../components/use-action';
import { translateError } from '../errors';
import { formatDateTime } from '../format';
import { SyncParkedActions } from './SyncParkedActions';
import '../styles/sync.css';

const registerFields = ['hubUrl', 'code', 'terminalName'] as const;
type RegisterForm = Record<(typeof registerFields)[number], string>;
const knownReasons = [
  'UNKNOWN_EVENT_TYPE',
  'FUTURE_SCHEMA_VERSION',
  'PAYLOAD_INVALID',
  'OTHER_STORE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
] as const;

/** Managers: register this terminal with the brand's hub, see how sync goes, and what the hub refused. */
export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [parked, setParked] = useState<ParkedEventInfo[]>([]);
  const [form, setForm] = useState<RegisterForm>({ hubUrl: '', code: '', terminalName: '' });
  // What happened, not the words: the notice follows a language switch.
  const [notice, setNotice] = useState<{ hub: string } | 'unregistered' | null>(null);
  const load = useAction();
  const registering = useAction({ inline: true });
  const unregistering = useAction({ inline: true });

  const refresh = useCallback(
    () =>
      load.run(async () => {
        const [s, p] = await Promise.all([api.getSyncStatus(), api.listParkedEvents()]);
        setStatus(s);
        setParked(p);
      }),
    [api, load],
  );

  useEffect(() => {
    void refresh();
    return api.on('syncStatus', (s) => {
      setStatus(s);
      // A new refusal shows in the list without a reload.
      void api.listParkedEvents().then(setParked, () => undefined);
    });
  }, [api, refresh]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void registering.run(async () => {
      const s = await api.registerWithHub(form);
      setStatus(s);
      setForm({ hubUrl: '', code: '', terminalName: '' });
      setNotice({ hub: s.hubUrl ?? '' });
    });
  };
  const unregister = () =>
    void unregistering.run(async () => {
      setStatus(await api.unregisterFromHub());
      setNotice('unregistered');
    });

  // A resent or dropped event leaves the list: the status and the list are read again.
  const afterDecision = (s: SyncStatus) => {
    setStatus(s);
    void api.listParkedEvents().then(setParked, () => undefined);
  };

  const errors = fieldErrorsOf(registering.error);
  const change = (name: keyof RegisterForm) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [name]: e.target.value }));
    registering.resetError();
  };
  const reason = (r: string) =>
    (knownReasons as readonly string[]).includes(r)
      ? t(`sync.reasons.${r as (typeof knownReasons)[number]}`)
      : t('sync.reasons.other', { reason: r });

  return (
    <section className="screen sync" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <p className="lead muted">{t('sync.lead')}</p>
      {notice && (
        <p className="notice" data-testid="sync-notice">
          {notice === 'unregistered' ? t('sync.unregistered') : t('sync.register.done', { hub: notice.hub })}
        </p>
      )}

      {status?.registered && (
        <div className="panel sync__panel" data-testid="sync-status-panel">
          <h2>{t('sync.status.title')}</h2>
          <SyncProgress progress={status.pull} />
          <dl className="sync__facts">
            <dt>{t('sync.status.hub')}</dt>
            <dd data-testid="sync-hub-url">{status.hubUrl}</dd>
            <dt>{t('sync.status.store')}</dt>
            <dd>{status.hubStoreName ?? '—'}</dd>
            <dt>{t('sync.status.terminal')}</dt>
            <dd>{status.hubTerminalId}</dd>
            <dt>{t('sync.status.connection')}</dt>
            <dd data-testid="sync-connection">
              {status.online === null
                ? t('sync.status.unknown')
                : status.online
                  ? t('syncStatus.online')
                  : t('syncStatus.offline')}
            </dd>
            <dt>{t('sync.status.waiting')}</dt>
            <dd data-testid="sync-waiting">{status.waiting}</dd>
            <dt>{t('sync.status.parked')}</dt>
            <dd data-testid="sync-parked">{status.parked}</dd>
            <dt>{t('sync.status.lastSync')}</dt>
            <dd>{status.lastSyncAt ? formatDateTime(status.lastSyncAt, i18n.language) : t('syncStatus.never')}</dd>
            {status.lastError && (
              <>
                <dt>{t('sync.status.lastError')}</dt>
                <dd className="sync__error" data-testid="sync-last-error" data-code={status.lastError}>
                  {translateError(t, { code: status.lastError })}
                </dd>
              </>
            )}
          </dl>
          <div className="sync__actions">
            <button
              type="button"
              className="button button--ghost"
              data-testid="sync-unregister"
              disabled={unregistering.busy}
              onClick={unregister}
            >
              {t('sync.unregister')}
            </button>
            <InlineError error={unregistering.error} testId="sync-unregister-error" />
          </div>
        </div>
      )}

      {status && !status.registered && (
        <form className="panel form sync__panel" onSubmit={submit} noValidate data-testid="sync-register">
          <h2>{t('sync.register.title')}</h2>
          <Field
            label={t('sync.register.hubUrl')}
            field="hubUrl"
            error={errors.hubUrl}
            hint={t('sync.register.hubUrlHint')}
            required
          >
            <input
              className="input"
              data-testid="sync-hub-url-input"
              inputMode="url"
              autoComplete="off"
              value={form.hubUrl}
              onChange={change('hubUrl')}
            />
          </Field>
          <Field
            label={t('sync.register.code')}
            field="code"
            error={errors.code}
            hint={t('sync.register.codeHint')}
            required
          >
            <input
              className="input"
              data-testid="sync-code-input"
              autoComplete="off"
              value={form.code}
              onChange={change('code')}
            />
          </Field>
          <Field
            label={t('sync.register.terminalName')}
            field="terminalName"
            error={errors.terminalName}
            hint={t('sync.register.terminalNameHint')}
            required
          >
            <input
              className="input"
              data-testid="sync-terminal-name-input"
              value={form.terminalName}
              onChange={change('terminalName')}
            />
          </Field>
          <div className="sync__actions">
            <button
              type="submit"
              className="button button--primary"
              data-testid="sync-register-submit"
              disabled={registering.busy}
            >
              {registering.busy ? t('sync.register.working') : t('sync.register.submit')}
            </button>
            {isFormLevel(registering.error, registerFields) && (
              <InlineError error={registering.error} testId="sync-register-error" />
            )}
          </div>
        </form>
      )}

      <div className="panel sync__panel" data-testid="sync-parked-panel">
        <h2>{t('sync.parked.title')}</h2>
        {parked.length === 0 ? (
          <p className="muted">{t('sync.parked.empty')}</p>
        ) : (
          <>
            <p className="muted">{t('sync.parked.lead')}</p>
            <div className="sync__scroll">
              <table className="sync__table" data-testid="sync-parked-table">
                <thead>
                  <tr>
                    <th>{t('sync.parked.type')}</th>
                    <th>{t('sync.parked.createdAt')}</th>
                    <th>{t('sync.parked.parkedAt')}</th>
                    <th>{t('sync.parked.reason')}</th>
                    <th>{t('sync.parked.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {parked.map((e) => (
                    <tr key={e.id} data-testid="sync-parked-row">
                      <td>
                        <code>{e.type}</code>
                      </td>
                      <td>{formatDateTime(e.createdAt, i18n.language)}</td>
                      <td>{formatDateTime(e.parkedAt, i18n.language)}</td>
                      <td>
                        {reason(e.reason)}
                        {e.detail && <span className="sync__detail">{e.detail}</span>}
                      </td>
                      <td>
                        <SyncParkedActions event={e} onDone={afterDecision} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
