import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idleSecondsRange, type ApiErrorShape, type TerminalRole } from '../../contract';
import { useApp } from '../app-context';
import { toErrorShape } from '../errors';
import { Field } from './kit/Field';
import { fieldErrorsOf } from './kit/field-errors';
import { InlineError } from './kit/InlineError';

/** A manager makes this terminal a counter or a self-service one, and sets the idle timeout. */
export function TerminalRolePanel() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [role, setRole] = useState<TerminalRole>('counter');
  const [idle, setIdle] = useState(String(idleSecondsRange.default));
  const [refused, setRefused] = useState<ApiErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const bad = fieldErrorsOf(refused);

  useEffect(() => {
    api
      .getSelfServiceSettings()
      .then((s) => {
        setRole(s.role);
        setIdle(String(s.idleSeconds));
      })
      .catch(() => undefined);
  }, [api]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.setSelfServiceSettings({ role, idleSeconds: /^\d+$/.test(idle) ? Number(idle) : NaN });
      setRefused(null);
      setSaved(true);
    } catch (e) {
      setRefused(toErrorShape(e));
      setSaved(false);
    }
  };

  return (
    <form className="panel form" onSubmit={(e) => void save(e)} data-testid="role-form">
      <h2>{t('selfService.role.title')}</h2>
      <p className="muted">{t('selfService.role.lead')}</p>
      <div className="radio-row">
        {(['counter', 'self-service'] as const).map((r) => (
          <label key={r} className="check">
            <input
              type="radio"
              name="terminal-role"
              checked={role === r}
              data-testid={`role-${r}`}
              onChange={() => setRole(r)}
            />
            {t(r === 'counter' ? 'selfService.role.counter' : 'selfService.role.selfService')}
          </label>
        ))}
      </div>
      <Field label={t('selfService.role.idleSeconds')} field="idleSeconds" error={bad.idleSeconds}>
        <input
          className="input"
          inputMode="numeric"
          value={idle}
          data-testid="role-idle"
          onChange={(e) => setIdle(e.target.value)}
        />
      </Field>
      <InlineError error={refused && !bad.idleSeconds ? refused : null} testId="role-error" />
      {saved && <p className="notice">{t('selfService.role.saved')}</p>}
      <button type="submit" className="button button--primary" data-testid="role-save">
        {t('selfService.role.save')}
      </button>
    </form>
  );
}
