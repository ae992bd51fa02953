import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type SessionInfo, type StaffSummary } from '../../contract';
import { useApp } from '../app-context';
import { useAction } from '../components/use-action';
import { PinPad } from '../components/PinPad';
import { TerminalSetup } from './TerminalSetup';

export function LoginScreen({ onLoggedIn }: { onLoggedIn(session: SessionInfo): void }) {
  const { t } = useTranslation();
  const { api, showError, clearError } = useApp();
  const [staff, setStaff] = useState<StaffSummary[] | null>(null);
  const [chosen, setChosen] = useState<StaffSummary | null>(null);
  const [pin, setPin] = useState('');
  const action = useAction();
  const pinInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    api
      .listStaff()
      .then((list) => live && setStaff(list))
      .catch((e: unknown) => {
        if (!live) return;
        setStaff([]);
        showError(e);
      });
    return () => {
      live = false;
    };
  }, [api, showError]);

  useEffect(() => {
    if (chosen) pinInput.current?.focus();
  }, [chosen]);

  const choose = (person: StaffSummary | null) => {
    clearError();
    setPin('');
    setChosen(person);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen) return;
    // Read the field itself: a key replayed by the scanner hook may not have re-rendered yet.
    const value = pinInput.current?.value ?? pin;
    await action.run(async () => onLoggedIn(await api.login({ staffId: chosen.id, pin: value })), {
      onError: (e) => {
        setPin('');
        showError(e);
        pinInput.current?.focus();
      },
    });
  };

  if (staff?.length === 0) return <TerminalSetup onDone={onLoggedIn} />;

  if (!chosen) {
    return (
      <section className="screen login" aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="lead">{t('login.chooseStaff')}</p>
        {staff === null && <p className="muted">{t('app.loading')}</p>}
        <div className="tiles">
          {staff?.map((person) => (
            <button
              key={person.id}
              type="button"
              className="tile"
              data-testid={`staff-tile-${person.id}`}
              onClick={() => choose(person)}
            >
              <span className="tile__name">{person.name}</span>
              <span className="tile__role">{t(`roles.${person.role}`)}</span>
            </button>
          ))}
        </div>
      </section>
    );
  }

  return (
    <section className="screen login" aria-labelledby="pin-title">
      <h1 id="pin-title">{t('login.enterPin', { name: chosen.name })}</h1>
      <form className="pin-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field__label">{t('login.pinLabel')}</span>
          <input
            ref={pinInput}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            data-testid="pin-input"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <PinPad setPin={setPin} />
        <div className="actions">
          <button type="button" className="button button--ghost" data-testid="login-back" onClick={() => choose(null)}>
            {t('login.changeStaff')}
          </button>
          <button type="submit" className="button button--primary" data-testid="login-submit" disabled={action.busy}>
            {t('login.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
