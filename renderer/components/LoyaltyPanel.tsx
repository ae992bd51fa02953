import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberLoyalty } from '../../contract';
import { useApp } from '../app-context';
import { formatDate, formatDateTime } from '../format';
import { Field } from './kit/Field';
import { fieldErrorsOf, formLevelError } from './kit/field-errors';
import { InlineError } from './kit/InlineError';
import { useRevealInvalid } from './kit/use-reveal-invalid';
import { TierProgress } from './TierProgress';
import { useAction } from './use-action';

/** The member screen's points & tier panel: balance, tier bar, what expires soon, recent entries. */
export function LoyaltyPanel({ memberId, initial }: { memberId: string; initial?: MemberLoyalty | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { api, session, showError, navigate } = useApp();
  const [loyalty, setLoyalty] = useState<MemberLoyalty | null>(initial ?? null);
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction({ inline: true });
  const adjustErrors = fieldErrorsOf(action.error);
  const adjustForm = useRef<HTMLFormElement>(null);
  useRevealInvalid(adjustForm, action.error);
  const currency = session?.store?.currency ?? 'CNY';
  const manager = session?.staff?.role === 'manager';

  const load = useCallback(() => {
    api.getMemberLoyalty({ memberId }).then(setLoyalty).catch(showError);
  }, [api, memberId, showError]);

  useEffect(() => {
    load();
    return api.on('saleRecorded', (e) => {
      if (e.memberId === memberId) load();
    });
  }, [api, load, memberId]);

  const adjust = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      setLoyalty(await api.adjustPoints({ memberId, points: Number(points.trim() || 'NaN'), reason }));
      setPoints('');
      setReason('');
    });
  };

  if (!loyalty)
    return (
      <div className="panel" data-testid="loyalty-panel">
        <p className="muted">{t('app.loading')}</p>
      </div>
    );
  const name = (n: { zh: string; en: string }) => (lng === 'en' ? n.en : n.zh);

  return (
    <div className="panel loyalty" data-testid="loyalty-panel">
      <div className="panel__head">
        <h2>{t('loyalty.title')}</h2>
        <button
          type="button"
          className="button button--primary"
          data-testid="loyalty-sell"
          onClick={() => navigate({ name: 'checkout', memberId })}
        >
          {t('loyalty.sell')}
        </button>
      </div>
      <div className="loyalty__figures">
        <div className="figure">
          <span className="figure__label">{t('loyalty.balance')}</span>
          <span className="figure__value" data-testid="loyalty-balance">
            {loyalty.balance}
          </span>
        </div>
        <div className="figure">
          <span className="figure__label">{t('loyalty.tier')}</span>
          <span className={`figure__value tier-badge tier-badge--${loyalty.tier.code}`} data-testid="loyalty-tier">
            {name(loyalty.tier.name)}
          </span>
        </div>
      </div>
      {loyalty.balance < 0 && (
        // Decision 0012: a refund may take back points already spent; the member owes them and
        // the next purchases repay them before anything can be redeemed.
        <p className="notice notice--warn" data-testid="loyalty-owed">
          {t('loyalty.owed', { points: -loyalty.balance })}
        </p>
      )}
      <TierProgress progress={loyalty.progress} currency={currency} />
      <p
        className={loyalty.expiring?.soon ? 'notice notice--warn' : 'muted'}
        data-testid="loyalty-expiring"
        data-soon={String(Boolean(loyalty.expiring?.soon))}
      >
        {loyalty.expiring
          ? t('loyalty.expiring', { points: loyalty.expiring.points, date: formatDate(loyalty.expiring.on, lng) })
          : t('loyalty.noExpiry')}
        {loyalty.expiring?.soon && <span className="badge badge--bad">{t('loyalty.expiringSoon')}</span>}
      </p>
      <h3>{t('loyalty.recent')}</h3>
      {loyalty.recent.length === 0 && <p className="muted">{t('loyalty.noEntries')}</p>}
      <ul className="ledger" data-testid="loyalty-ledger">
        {loyalty.recent.map((e) => (
          <li key={e.id} className="ledger__row" data-kind={e.kind}>
            <span className="ledger__kind">{t(`loyalty.kinds.${e.kind}`)}</span>
            <span className="muted ledger__detail">
              {formatDateTime(e.at, lng)}
              {e.receiptNo ? ` · ${e.receiptNo}` : ''}
              {e.kind === 'adjust' ? ` · ${e.reason}` : ''}
            </span>
            <span className={`ledger__points ${e.points < 0 ? 'ledger__points--minus' : 'ledger__points--plus'}`}>
              {e.points > 0 ? `+${e.points}` : e.points}
            </span>
          </li>
        ))}
      </ul>
      {loyalty.coupons.length > 0 && (
        <>
          <h3>{t('loyalty.coupons')}</h3>
          <ul className="ledger" data-testid="loyalty-coupons">
            {loyalty.coupons.map((c) => (
              <li key={c.code} className="ledger__row">
                <span className="ledger__kind">{name(c.definition.name)}</span>
                <span className="muted ledger__detail mono">{c.code}</span>
                <span className={c.used ? 'badge' : 'badge badge--ok'}>
                  {c.used
                    ? t('loyalty.couponUsed')
                    : t('loyalty.couponValid', { date: formatDate(c.definition.validTo, lng) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {manager ? (
        <form ref={adjustForm} className="adjust-form" noValidate onSubmit={(e) => void adjust(e)}>
          <h3>{t('loyalty.adjust')}</h3>
          <Field label={t('loyalty.adjustPoints')} field="points" error={adjustErrors.points}>
            <input
              className="input adjust-form__points"
              inputMode="numeric"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              data-testid="adjust-points"
            />
          </Field>
          <Field label={t('loyalty.adjustReason')} field="reason" error={adjustErrors.reason} grow>
            <textarea
              className="input adjust-form__reason"
              rows={2}
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              data-testid="adjust-reason"
            />
          </Field>
          <InlineError error={formLevelError(action.error, ['points', 'reason'])} testId="adjust-error" />
          <button type="submit" className="button" disabled={action.busy} data-testid="adjust-submit">
            {t('loyalty.adjustSubmit')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('loyalty.managerOnly')}</p>
      )}
    </div>
  );
}
