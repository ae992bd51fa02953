// The contests this terminal knows (the brand's, pulled from the hub) and their chain-wide
// leaderboards as bar charts, with each entrant's code for the checkout's coupon field.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestView } from '../../../contract';
import { useApp } from '../../app-context';
import { BarChart } from '../../components/BarChart';
import { formatDateTime } from '../../format';
import '../../styles/contests.css';

export function ContestsTab() {
  const { t, i18n } = useTranslation();
  const { api, showError } = useApp();
  const [contests, setContests] = useState<ContestView[] | null>(null);
  const lng = i18n.language;
  const en = lng === 'en';

  const load = useCallback(() => {
    api.listContests().then(setContests).catch(showError);
  }, [api, showError]);
  useEffect(load, [load]);
  useEffect(() => api.on('contestVotes', load), [api, load]);
  useEffect(() => api.on('catalogueChanged', load), [api, load]);

  if (!contests) return null;
  return (
    <div className="contests-tab" data-testid="contests-tab">
      <h2>{t('contests.counter.title')}</h2>
      <p className="muted">{t('contests.counter.lead')}</p>
      {contests.length === 0 && <p data-testid="contests-none">{t('contests.counter.none')}</p>}
      {contests.map((c) => {
        const title = en ? c.title.en : c.title.zh;
        return (
          <section key={c.id} className="panel contest-card" data-testid={`contest-${c.id}`}>
            <h3>
              {title}{' '}
              <span className="muted">{c.running ? t('contests.counter.running') : t('contests.counter.ended')}</span>
            </h3>
            <p className="muted">
              {formatDateTime(c.startsAt, lng)} – {formatDateTime(c.endsAt, lng)} ·{' '}
              {c.purchasesCount
                ? t('contests.counter.rules', { daily: c.votesPerDailyVote, purchase: c.votesPerPurchase })
                : t('contests.counter.rulesNoPurchase', { daily: c.votesPerDailyVote })}
            </p>
            <BarChart
              title={t('contests.counter.chart', { title })}
              testId={`contest-chart-${c.id}`}
              bars={c.entrants.map((e) => ({
                key: e.id,
                label: `${e.maskedName} ${e.code}`,
                value: e.votes,
                display: t('contests.votes', { count: e.votes }),
              }))}
            />
          </section>
        );
      })}
    </div>
  );
}
