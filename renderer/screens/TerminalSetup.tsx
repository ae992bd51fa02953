import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type ApiErrorShape, type SessionInfo, type TerminalSetupInput } from '../../contract';
import { useApp } from '../app-context';
import { FieldError } from '../components/FieldError';
import { useAction } from '../components/use-action';
import { toErrorShape } from '../errors';

const fields = [
  { key: 'storeName', label: 'login.storeName', type: 'text' },
  { key: 'storeCode', label: 'login.storeCode', type: 'text' },
  { key: 'managerName', label: 'login.managerName', type: 'text' },
  { key: 'pin', label: 'login.setupPin', type: 'password' },
] as const;

/** Shown instead of the staff tiles when a terminal started without demo data has no store yet. */
export function TerminalSetup({ onDone }: { onDone(session: SessionInfo): void }) {
  const { t } = useTranslation();
  const { api, showError } = useApp();
  const [values, setValues] = useState<TerminalSetupInput>({ storeName: '', storeCode: '', managerName: '', pin: '' });
  const [fieldError, setFieldError] = useState<ApiErrorShape | null>(null);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => onDone(await api.setupTerminal(values)), {
      onError: (e) => {
        setFieldError(toErrorShape(e));
        showError(e);
      },
    });
  };

  return (
    <section className="screen login" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('login.setupTitle')}</h1>
      <p className="lead">{t('login.setupLead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        {fields.map(({ key, label, type }) => (
          <label className="field" key={key}>
            <span className="field__label">{t(label)}</span>
            <input
              className="input"
              type={type}
              autoComplete="off"
              inputMode={key === 'pin' ? 'numeric' : undefined}
              maxLength={key === 'pin' ? limits.pinMax : 60}
              data-testid={`setup-${key}`}
              value={values[key]}
              onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
            />
            <FieldError field={key} error={fieldError?.field === key ? fieldError : null} />
          </label>
        ))}
        <div className="actions">
          <button type="submit" className="button button--primary" data-testid="setup-submit" disabled={action.busy}>
            {t('login.setupSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
