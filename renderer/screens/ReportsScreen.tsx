import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReportResult } from '../../contract';
import { useApp } from '../app-context';
import { BarChart } from '../components/BarChart';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { useAction } from '../components/use-action';
import { formatDateTime } from '../format';
import { formatMinor } from '../money';

/** X report on opening (nothing is closed by looking); Z closes the day after a confirmation. */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { api } = useApp();
  const [result, setResult] = useState<DayReportResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, run: runAction } = useAction();

  const run = useCallback(
    async (kind: 'x' | 'z', print = false) => {
      await runAction(async () => setResult(kind === 'x' ? await api.dayReport({ print }) : await api.closeDay()));
      setConfirming(false);
    },
    [api, runAction],
  );

  useEffect(() => {
    void run('x');
  }, [run]);

  const r = result?.report;
  const money = (m: number) => formatMinor(m, r?.currency ?? 'CNY', lng);
  const figures: [string, string, string][] = r
    ? [
        ['sales', t('reports.sales'), String(r.sales)],
        ['refunds', t('reports.refunds'), String(r.refunds)],
        ['gross', t('reports.gross'), money(r.grossMinor)],
        ['refundTotal', t('reports.refundTotal'), money(r.refundsMinor)],
        ['net', t('reports.net'), money(r.netMinor)],
        ['memberSavings', t('reports.memberSavings'), money(r.memberSavingsMinor)],
        ['coupons', t('reports.coupons', { count: r.couponsUsed }), money(r.couponDiscountMinor)],
        ['pointsIssued', t('reports.pointsIssued'), String(r.pointsIssued)],
        ['pointsRedeemed', t('reports.pointsRedeemed'), String(r.pointsRedeemed)],
        ['newMembers', t('reports.newMembers'), String(r.newMembers)],
      ]
    : [];

  return (
    <section className="screen reports" aria-labelledby="reports-title">
      <div className="profile__head">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="report-x"
            onClick={() => void run('x', true)}
          >
            {t('reports.x')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            data-testid="report-z"
            onClick={() => setConfirming(true)}
          >
            {t('reports.z')}
          </button>
        </div>
      </div>
      {confirming && (
        <div className="dialog-backdrop" role="presentation">
          <div className="dialog" role="dialog" aria-modal="true">
            <p>{t('reports.zConfirm')}</p>
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                data-testid="report-z-confirm"
                onClick={() => void run('z')}
              >
                {t('app.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
      {r && result && (
        <div className="checkout__grid">
          <div>
            <div className="panel" data-testid="report-summary" data-kind={r.kind}>
              <h2>{r.kind === 'z' ? t('reports.closed', { number: r.number }) : t('reports.x')}</h2>
              <p className="muted">
                {t('reports.period', {
                  from: r.from ? formatDateTime(r.from, lng) : t('reports.sinceStart'),
                  to: formatDateTime(r.to, lng),
                })}
              </p>
              <dl className="figures">
                {figures.map(([key, label, value]) => (
                  <div key={key} className="figure" data-testid={`report-${key}`}>
                    <dt className="figure__label">{label}</dt>
                    <dd className="figure__value">{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <div className="panel">
              <h2>{t('reports.byTender')}</h2>
              {r.tenders.length === 0 && (
                <p className="muted" data-testid="report-no-data">
                  {t('reports.noData')}
                </p>
              )}
              <BarChart
                testId="report-chart-tenders"
                title={t('reports.byTender')}
                bars={r.tenders.map((x) => ({
                  key: x.method,
                  label: t(`tenders.${x.method}`),
                  value: x.salesMinor,
                  display: money(x.salesMinor),
                  negative: x.refundsMinor,
                  negativeDisplay: x.refundsMinor ? `−${money(x.refundsMinor)}` : '',
                }))}
              />
            </div>
            <div className="panel">
              <h2>{t('reports.byStaff')}</h2>
              {r.staff.length === 0 && <p className="muted">{t('reports.noData')}</p>}
              <BarChart
                testId="report-chart-staff"
                title={t('reports.byStaff')}
                bars={r.staff.map((s) => ({
                  key: s.staffId,
                  label: s.staffName,
                  value: s.salesMinor - s.refundsMinor,
                  display: `${money(s.salesMinor - s.refundsMinor)}`,
                  negative: s.refundsMinor,
                }))}
              />
              <ul className="plain">
                {r.staff.map((s) => (
                  <li key={s.staffId} className="muted">
                    {s.staffName}: {t('reports.staffLine', { sales: s.sales, refunds: s.refunds })}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <div className="checkout__receipt">
            <ReceiptPreview doc={result.receipt} />
          </div>
        </div>
      )}
    </section>
  );
}
