import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../contract';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The PIN keys under a PIN field (touch screens have no keyboard): the login and the kiosk exit. */
export function PinPad({
  setPin,
  testIdPrefix = 'pin',
}: {
  setPin: Dispatch<SetStateAction<string>>;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const press = (digit: string) => setPin((p) => (p.length >= limits.pinMax ? p : p + digit));
  const key = (d: string) => (
    <button
      key={d}
      type="button"
      className="button keypad__key"
      data-testid={`${testIdPrefix}-key-${d}`}
      onClick={() => press(d)}
    >
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('login.pinLabel')}>
      {digits.map(key)}
      <button
        type="button"
        className="button keypad__key button--ghost"
        data-testid={`${testIdPrefix}-clear`}
        onClick={() => setPin('')}
      >
        {t('login.clear')}
      </button>
      {key('0')}
      <button
        type="button"
        className="button keypad__key button--ghost"
        data-testid={`${testIdPrefix}-backspace`}
        aria-label={t('login.backspace')}
        onClick={() => setPin((p) => p.slice(0, -1))}
      >
        ⌫
      </button>
    </div>
  );
}
