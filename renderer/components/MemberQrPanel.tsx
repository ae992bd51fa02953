import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberQrCode } from '../../contract';
import { useApp } from '../app-context';
import { qrSvgDataUrl } from '../scanner/qr-image';

/**
 * The member's current phone code, as their phone will show it (served by the hub later): for
 * trying it at the counter, and the place to print a welcome slip.
 */
export function MemberQrPanel({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const { api, showError, clearError } = useApp();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<MemberQrCode | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // A flag, not words: the notice follows a language switch.
  const [slipQueued, setSlipQueued] = useState(false);

  useEffect(() => {
    if (!open) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [open]);

  const due = code ? Date.parse(code.refreshAt) : 0;
  const stale = !code || now >= due;
  useEffect(() => {
    if (!open || !stale) return;
    let live = true;
    api
      .getMemberQr({ memberId })
      .then(async (next) => {
        if (!live) return;
        setCode(next);
        setImage(await qrSvgDataUrl(next.token).catch(() => null));
      })
      .catch((e: unknown) => live && showError(e));
    return () => {
      live = false;
    };
  }, [api, memberId, open, stale, showError]);

  const printSlip = async () => {
    try {
      await api.printWelcomeSlip({ memberId });
      clearError();
      setSlipQueued(true);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div className="panel member-qr" data-testid="member-qr-panel">
      <div className="panel__head">
        <h2>{t('memberQr.title')}</h2>
        <div className="row__actions">
          <button type="button" className="button" data-testid="member-qr-toggle" onClick={() => setOpen(!open)}>
            {open ? t('memberQr.hide') : t('memberQr.show')}
          </button>
          <button type="button" className="button" data-testid="welcome-slip-print" onClick={() => void printSlip()}>
            {t('memberQr.printSlip')}
          </button>
        </div>
      </div>
      {slipQueued && (
        <p className="notice" data-testid="welcome-slip-notice">
          {t('memberQr.slipQueued')}
        </p>
      )}
      {open && code && (
        <div className="member-qr__body">
          {image ? (
            <img className="member-qr__image" src={image} alt={code.token} data-testid="member-qr-image" />
          ) : (
            <code className="mono">{code.token}</code>
          )}
          <div>
            <p className="muted">{t('memberQr.hint')}</p>
            <p data-testid="member-qr-countdown">
              {t('memberQr.refreshIn', { seconds: Math.max(0, Math.ceil((due - now) / 1000)) })}
            </p>
            <code className="mono member-qr__token" data-testid="member-qr-token">
              {code.token}
            </code>
          </div>
        </div>
      )}
    </div>
  );
}
