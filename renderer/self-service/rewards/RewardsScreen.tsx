// Rewards bought with points, as a customer meets them at the self-service terminal: what each
// costs, what is left, how far they are from the ones they cannot afford yet; a confirmation step,
// then the voucher on screen (code and QR) while the slip prints.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerReward, CustomerRewards, LocalName, RewardVoucher } from '../../../contract';
import { formatDate } from '../../format';
import { formatMinor, newRequestId } from '../../money';
import { qrSvgDataUrl } from '../../scanner/qr-image';
import { useSelfService } from '../self-service-context';
import './rewards.css';

interface Pending {
  reward: CustomerReward;
  /** One request per confirmation: a double tap or a retry redeems once. */
  requestId: string;
}

export function RewardsScreen() {
  const { t, i18n } = useTranslation();
  const { api, session, showError, clearError, refreshHome, navigate } = useSelfService();
  const [list, setList] = useState<CustomerRewards | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [voucher, setVoucher] = useState<RewardVoucher | null>(null);
  const lng = i18n.language;
  const en = lng === 'en';
  const name = (n: LocalName) => (en ? n.en : n.zh);
  const currency = session?.store?.currency ?? 'CNY';
  const number = (n: number) => n.toLocaleString(lng);

  const load = useCallback(() => api.customerRewards().then(setList, showError), [api, showError]);
  useEffect(() => void load(), [load]);

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    try {
      const done = await api.redeemReward({ rewardId: pending.reward.id, requestId: pending.requestId });
      clearError();
      setVoucher(done);
      setPending(null);
      void refreshHome();
    } catch (e) {
      showError(e);
      setPending(null);
      // The refusal may come from a change made elsewhere (another screen, the counter): show things as they are now.
      void load();
      void refreshHome();
    } finally {
      setBusy(false);
    }
  };

  if (voucher) return <VoucherView voucher={voucher} onHome={() => navigate({ name: 'home' })} />;
  if (!list) return <p className="muted">{t('app.loading')}</p>;

  if (pending) {
    const r = pending.reward;
    return (
      <section className="ss-card ss-rewards" data-testid="ss-reward-confirm" aria-labelledby="ss-confirm-title">
        <h1 id="ss-confirm-title">{t('rewards.self.confirmTitle')}</h1>
        <p>{t('rewards.self.confirmBody', { points: number(r.pointsCost), name: name(r.name) })}</p>
        <p data-testid="ss-reward-after">
          {t('rewards.self.balanceAfter', { points: number(list.balance - r.pointsCost) })}
        </p>
        <div className="ss-rewards__actions">
          <button
            type="button"
            className="ss-button ss-button--primary"
            data-testid="ss-reward-confirm-yes"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {busy ? t('rewards.self.redeeming') : t('rewards.self.confirm')}
          </button>
          <button
            type="button"
            className="ss-button"
            data-testid="ss-reward-confirm-no"
            disabled={busy}
            onClick={() => setPending(null)}
          >
            {t('rewards.self.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="ss-rewards" data-testid="ss-rewards" aria-labelledby="ss-rewards-title">
      <h1 id="ss-rewards-title">{t('rewards.self.title')}</h1>
      <p className="ss-rewards__balance">
        <span>{t('rewards.self.youHave')}</span>
        <strong data-testid="ss-rewards-balance">{number(list.balance)}</strong>
        <span>{t('rewards.self.points')}</span>
      </p>
      {list.rewards.length === 0 && <p className="muted">{t('rewards.self.empty')}</p>}
      <ul className="ss-rewards__grid">
        {list.rewards.map((r) => {
          const out = r.stock === 0;
          const short = r.pointsShort > 0;
          const reached = Math.min(100, Math.round(((r.pointsCost - r.pointsShort) / r.pointsCost) * 100));
          return (
            <li key={r.id} className="ss-card ss-reward" data-testid={`ss-reward-${r.id}`}>
              <h2>{name(r.name)}</h2>
              <p>
                {r.kind === 'voucher'
                  ? t('rewards.self.voucher', { amount: formatMinor(r.amountOffMinor ?? 0, currency, lng) })
                  : t('rewards.self.gift', { name: r.productName ? name(r.productName) : '' })}
              </p>
              <p className="ss-reward__cost">{t('rewards.self.cost', { points: number(r.pointsCost) })}</p>
              <p className="ss-reward__meta muted">
                <span data-testid="ss-reward-stock">
                  {out ? (
                    <span className="ss-reward__out">{t('rewards.self.outOfStock')}</span>
                  ) : r.stock === null ? (
                    t('rewards.self.unlimited')
                  ) : (
                    t('rewards.self.stockLeft', { count: r.stock })
                  )}
                </span>
                <span>{t('rewards.self.validDays', { days: r.validDays })}</span>
              </p>
              {short && (
                <>
                  <div
                    className="ss-reward__bar"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={reached}
                  >
                    <div className="ss-reward__fill" style={{ width: `${reached}%` }} />
                  </div>
                  <p className="ss-reward__short" data-testid="ss-reward-short">
                    {t('rewards.self.short', { points: number(r.pointsShort) })}
                  </p>
                </>
              )}
              <button
                type="button"
                className="ss-button ss-button--primary"
                data-testid="ss-reward-redeem"
                disabled={out || short}
                onClick={() => {
                  clearError();
                  setPending({ reward: r, requestId: newRequestId() });
                }}
              >
                {t('rewards.self.redeem')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function VoucherView({ voucher, onHome }: { voucher: RewardVoucher; onHome: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrSvgDataUrl(voucher.qrPayload)
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [voucher.qrPayload]);
  return (
    <section className="ss-card ss-voucher" data-testid="ss-voucher" aria-labelledby="ss-voucher-title">
      <h1 id="ss-voucher-title">{t('rewards.self.doneTitle')}</h1>
      <h2>{lng === 'en' ? voucher.rewardName.en : voucher.rewardName.zh}</h2>
      {qr && <img className="ss-voucher__qr" src={qr} alt={voucher.code} data-testid="ss-voucher-qr" />}
      <p>
        {t('rewards.self.code')}{' '}
        <code className="ss-code ss-voucher__code" data-testid="ss-voucher-code">
          {voucher.code}
        </code>
      </p>
      <p data-testid="ss-voucher-valid">
        {t('rewards.self.validUntil', { date: formatDate(voucher.validUntil, lng) })}
      </p>
      <p>{t('rewards.self.howToUse')}</p>
      <p data-testid="ss-voucher-print">
        {voucher.printJobId ? t('rewards.self.printed') : t('rewards.self.notPrinted')}
      </p>
      <p data-testid="ss-voucher-balance">
        {t('rewards.self.balanceNow', { points: voucher.balance.toLocaleString(lng) })}
      </p>
      <button type="button" className="ss-button ss-button--primary" data-testid="ss-voucher-home" onClick={onHome}>
        {t('rewards.self.backHome')}
      </button>
    </section>
  );
}
