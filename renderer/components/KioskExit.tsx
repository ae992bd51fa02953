import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, KioskApi, StaffSummary } from '../../contract';
import { toErrorShape } from '../errors';
import { noTaps, registerTap, type ExitGestureState } from '../kiosk-exit-gesture';
import { Dialog } from './kit/Dialog';
import { Field } from './kit/Field';
import { PinPad } from './PinPad';
import '../styles/kiosk-exit.css';

/**
 * The staff way out of the locked kiosk, on every screen (counter and self-service): five quick taps
 * in the top-left corner open a prompt for a manager's PIN. The core checks it (with the login's
 * lockout) and asks the host to close the window.
 */
export function KioskExit({ api }: { api: KioskApi }) {
  const [open, setOpen] = useState(false);
  const taps = useRef<ExitGestureState>(noTaps);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const next = registerTap(taps.current, { x: event.clientX, y: event.clientY, at: event.timeStamp });
      taps.current = next.state;
      if (next.open) setOpen(true);
    };
    // Capture: the taps count whatever lies in the corner.
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, []);
  return open ? <KioskExitDialog api={api} onClose={() => setOpen(false)} /> : null;
}

function KioskExitDialog({ api, onClose }: { api: KioskApi; onClose(): void }) {
  const { t } = useTranslation();
  const [managers, setManagers] = useState<StaffSummary[]>([]);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<'closing' | 'nothing' | null>(null);

  useEffect(() => {
    api
      .listStaff()
      .then((staff) => {
        const list = staff.filter((s) => s.role === 'manager');
        setManagers(list);
        setStaffId((id) => id || (list[0]?.id ?? ''));
      })
      .catch((e: unknown) => setError(toErrorShape(e)));
  }, [api]);

  const submit = () => {
    setBusy(true);
    api
      .exitKiosk({ staffId, pin })
      .then((r) => setResult(r.closing ? 'closing' : 'nothing'))
      .catch((e: unknown) => {
        setPin('');
        setError(toErrorShape(e));
      })
      .finally(() => setBusy(false));
  };

  if (result)
    return (
      <div className="dialog-backdrop">
        <div className="dialog" role="status" data-testid="kiosk-exit-result" data-result={result}>
          <h2>{t('kioskExit.title')}</h2>
          <p>{t(result === 'closing' ? 'kioskExit.closing' : 'kioskExit.nothingToClose')}</p>
          {result === 'nothing' && (
            <div className="actions">
              <button type="button" className="button button--primary" onClick={onClose}>
                {t('app.dismiss')}
              </button>
            </div>
          )}
        </div>
      </div>
    );

  return (
    <Dialog
      title={t('kioskExit.title')}
      testId="kiosk-exit"
      onSubmit={submit}
      onCancel={onClose}
      error={error}
      busy={busy}
      confirmLabel={t('kioskExit.confirm')}
    >
      {/* Landscape: the fields beside the PIN pad, so the buttons stay on a 1280×800 screen. */}
      <div className="kiosk-exit__body">
        <div className="kiosk-exit__fields">
          <p className="muted">{t('kioskExit.lead')}</p>
          <Field label={t('kioskExit.manager')} field="staffId">
            <select
              className="input"
              data-testid="kiosk-exit-manager"
              value={staffId}
              onChange={(e) => {
                setError(null);
                setStaffId(e.target.value);
              }}
            >
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          {/* The dialog's own line shows why a PIN was refused (the PIN itself is cleared). */}
          <Field label={t('login.pinLabel')} field="pin">
            <input
              className="input input--pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              data-testid="kiosk-exit-pin"
              value={pin}
              onChange={(e) => {
                setError(null);
                setPin(e.target.value);
              }}
            />
          </Field>
        </div>
        <PinPad setPin={setPin} testIdPrefix="kiosk-exit-pin" />
      </div>
    </Dialog>
  );
}
