// The live leaderboard on the attract loop: the first running contest's top five with bars. It
// reads again whenever the core says votes changed (a vote here, a purchase, tallies from the hub).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestView } from '../../../contract';
import '../../styles/contests.css';
import { useSelfService } from '../self-service-context';
import { VoteBar } from './VoteBar';

export function AttractLeaderboard() {
  const { t, i18n } = useTranslation();
  const { api } = useSelfService();
  const [contest, setContest] = useState<ContestView | null>(null);
  const en = i18n.language === 'en';

  const load = useCallback(() => {
    // The attract loop never shows an error banner: a failed read keeps the last board.
    api
      .runningContests()
      .then((c) => setContest(c[0] ?? null))
      .catch(() => {});
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => api.on('contestVotes', load), [api, load]);
  useEffect(() => api.on('catalogueChanged', load), [api, load]);

  if (!contest) return null;
  const top = contest.entrants.slice(0, 5);
  const max = Math.max(0, ...top.map((e) => e.votes));
  return (
    <section className="ss-card ss-leaderboard" data-testid="ss-leaderboard" aria-live="polite">
      <h2>{t('contests.leaderboard')}</h2>
      <p className="muted">
        {en ? contest.title.en : contest.title.zh} · {t('contests.leaderboardTotal', { count: contest.totalVotes })}
      </p>
      <ol>
        {top.map((e, i) => (
          <li
            key={e.id}
            className="ss-leaderboard__row"
            data-testid="ss-leader"
            data-entrant={e.id}
            data-votes={e.votes}
          >
            <strong>{i + 1}</strong>
            <div>
              <span>{e.maskedName}</span>
              <VoteBar votes={e.votes} max={max} />
            </div>
            <span>{t('contests.votes', { count: e.votes })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
