// My referral code and its QR, the friends I brought (masked) and the points earned from them; a
// member who joined without a code may name the friend who invited them before their first purchase.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyReferrals } from '../../../contract';
import '../../styles/contests.css';
import { formatDate } from '../../format';
import { qrSvgDataUrl } from '../../scanner/qr-image';
import { KioskTextInput } from '../keyboard/KioskTextInput';
import { useSelfService } from '../self-service-context';

export function ReferralsScreen() {
  const { t, i18n } = useTranslation();
  const { api, showError, refreshHome } = useSelfService();
  const [mine, setMine] = useState<MyReferrals | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [named, setNamed] = useState(false);
  const lng = i18n.language;

  useEffect(() => {
    api.myReferrals().then(setMine).catch(showError);
  }, [api, showError]);
  useEffect(() => {
    if (!mine) return;
    let live = true;
    qrSvgDataUrl(mine.qrPayload)
      .then((url) => live && setQr(url))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [mine]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setMine(await api.nameReferrer({ code }));
      setCode('');
      setNamed(true);
      await refreshHome();
    } catch (error) {
      showError(error);
    }
  };

  if (!mine) return null;
  return (
    <div className="ss-referrals" data-testid="ss-referrals">
      <h1>{t('referrals.title')}</h1>
      <p>{t('referrals.lead', { referrer: mine.rule.referrerPoints, friend: mine.rule.friendPoints })}</p>
      <section className="ss-card ss-referral__top">
        {qr && <img className="ss-referral__qr" src={qr} alt={t('referrals.qr')} data-testid="ss-referral-qr" />}
        <div>
          <h2>{t('referrals.myCode')}</h2>
          <code className="ss-code ss-referral__code" data-testid="ss-referral-code">
            {mine.code}
          </code>
          <p data-testid="ss-referral-earned">
            {t('referrals.earned', { points: mine.pointsEarned.toLocaleString(lng) })}
          </p>
          {mine.referredBy && <p className="muted">{t('referrals.referredBy', { name: mine.referredBy })}</p>}
        </div>
      </section>

      <section className="ss-card" data-testid="ss-referral-friends">
        <h2>{t('referrals.friends')}</h2>
        {mine.friends.length === 0 && <p className="muted">{t('referrals.noFriends')}</p>}
        <ul className="ss-list">
          {mine.friends.map((f, i) => (
            <li key={`${f.enrolledAt}-${i}`} className="ss-visit" data-testid="ss-referral-friend">
              <span>{f.maskedName}</span>
              <span className="muted">{formatDate(f.enrolledAt, lng)}</span>
              <span>{f.rewarded ? t('referrals.rewarded', { points: f.points }) : t('referrals.waiting')}</span>
            </li>
          ))}
        </ul>
      </section>

      {named && (
        <p className="ss-card" role="status" data-testid="ss-referrer-named">
          {t('referrals.named')}
        </p>
      )}
      {mine.canNameReferrer && (
        <form className="ss-card" onSubmit={(e) => void submit(e)} data-testid="ss-name-referrer">
          <h2>{t('referrals.nameTitle')}</h2>
          <p className="muted">{t('referrals.nameLead')}</p>
          <KioskTextInput
            value={code}
            onChange={setCode}
            layout="latin"
            label={t('referrals.codeLabel')}
            testId="ss-referrer-code"
            maxLength={12}
          />
          <button
            type="submit"
            className="ss-button ss-button--primary"
            data-testid="ss-referrer-submit"
            disabled={!code.trim()}
          >
            {t('referrals.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
