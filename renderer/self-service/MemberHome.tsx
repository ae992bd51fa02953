import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCoupon } from '../../contract';
import { TierProgress } from '../components/TierProgress';
import { formatDate, formatDateTime } from '../format';
import { qrSvgDataUrl } from '../scanner/qr-image';
import { SelfIcon, type SelfIconName } from './icons';
import type { SelfRouteName } from './self-service-context';
import { useSelfService } from './self-service-context';

/** Every action of member home, one tap away. */
const actions: { route: Exclude<SelfRouteName, 'attract' | 'home' | 'event' | 'enrol'>; icon: SelfIconName }[] = [
  { route: 'rewards', icon: 'gift' },
  { route: 'events', icon: 'calendar' },
  { route: 'contest', icon: 'trophy' },
  { route: 'referrals', icon: 'people' },
  { route: 'posts', icon: 'megaphone' },
  { route: 'feedback', icon: 'star' },
  { route: 'serviceRequest', icon: 'wrench' },
];

/** The coupon's code as a QR the counter's scanner reads off the screen (drawn here, nothing fetched). */
function CouponQr({ coupon }: { coupon: MemberCoupon }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrSvgDataUrl(coupon.qrPayload || coupon.code).then(
      (url) => live && setSrc(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [coupon.qrPayload, coupon.code]);
  return src ? (
    <img className="ss-coupon__qr" src={src} alt="" data-testid="ss-coupon-qr" />
  ) : (
    <span className="ss-coupon__qr" />
  );
}

export function MemberHome() {
  const { t, i18n } = useTranslation();
  const { home, session, navigate } = useSelfService();
  if (!home) return null;
  const lng = i18n.language;
  const en = lng === 'en';
  const currency = session?.store?.currency ?? 'CNY';
  return (
    <div className="ss-home" data-testid="ss-home">
      <section className="ss-card ss-home__hello">
        <div className="ss-home__who">
          <h1 data-testid="ss-greeting">{t('selfService.home.hello', { name: home.maskedName })}</h1>
          <p className="muted" data-testid="ss-masked-phone">
            {home.maskedPhone}
          </p>
          <span className="ss-chip" data-testid="ss-tier">
            {en ? home.tier.name.en : home.tier.name.zh}
          </span>
        </div>
        <div className="ss-home__points-box">
          <div className="ss-home__balance">
            <span className="ss-home__points" data-testid="ss-balance">
              {home.balance.toLocaleString(lng)}
            </span>
            <span>{t('selfService.home.points')}</span>
          </div>
          {home.expiring && (
            <p className="ss-home__expiring" data-testid="ss-expiring">
              {t('selfService.home.expiring', {
                points: home.expiring.points.toLocaleString(lng),
                date: formatDate(home.expiring.on, lng),
              })}
            </p>
          )}
        </div>
        <div className="ss-home__tier">
          <TierProgress progress={home.progress} currency={currency} />
        </div>
      </section>

      <nav className="ss-tiles" aria-label={t('selfService.home.actions')}>
        {actions.map((a) => (
          <button
            key={a.route}
            type="button"
            className="ss-tile"
            data-testid={`ss-tile-${a.route}`}
            onClick={() => navigate({ name: a.route })}
          >
            <span className="ss-tile__icon">
              <SelfIcon name={a.icon} />
            </span>
            <span>{t(`selfService.tiles.${a.route}`)}</span>
          </button>
        ))}
      </nav>

      <section className="ss-card" data-testid="ss-coupons">
        <h2>{t('selfService.home.coupons')}</h2>
        {home.coupons.length === 0 && <p className="muted">{t('selfService.home.noCoupons')}</p>}
        <ul className="ss-list">
          {home.coupons.map((c) => (
            <li key={c.code} className="ss-coupon">
              <CouponQr coupon={c} />
              <div className="ss-coupon__text">
                <span>{en ? c.definition.name.en : c.definition.name.zh}</span>
                <code className="ss-code" data-testid="ss-coupon-code">
                  {c.code}
                </code>
                <span className="muted">
                  {t('selfService.home.validTo', { date: formatDate(c.definition.validTo, lng) })}
                </span>
              </div>
            </li>
          ))}
        </ul>
        {home.coupons.length > 0 && <p className="muted">{t('selfService.home.couponHint')}</p>}
      </section>

      <div className="ss-home__side">
        {home.offers.length > 0 && (
          <section className="ss-card" data-testid="ss-offers">
            <h2>{t('selfService.home.offers')}</h2>
            <ul className="ss-list">
              {home.offers.map((o) => (
                <li key={o.id} className="ss-offer" data-testid="ss-offer">
                  <strong>{en ? o.title.en : o.title.zh}</strong>
                  <p>{en ? o.body.en : o.body.zh}</p>
                  <span className="muted">{t('selfService.home.offerUntil', { date: formatDate(o.endsAt, lng) })}</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="ss-card" data-testid="ss-visits">
          <h2>{t('selfService.home.visits')}</h2>
          {home.visits.length === 0 && <p className="muted">{t('selfService.home.noVisits')}</p>}
          <ul className="ss-list">
            {home.visits.map((v) => (
              <li key={`${v.at}-${v.receiptNo ?? ''}`} className="ss-visit" data-testid="ss-visit">
                <span>{formatDateTime(v.at, lng)}</span>
                <span>
                  {t('selfService.home.visitPoints', {
                    points: (v.points > 0 ? '+' : '') + v.points.toLocaleString(lng),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
