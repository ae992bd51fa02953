// The running contests for the scanned member: entrants (masked names, photos), their votes, and a
// vote button; once a day per contest (the core refuses a second vote, VOTE_ALREADY_TODAY).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestView } from '../../../contract';
import '../../styles/contests.css';
import { formatDateTime } from '../../format';
import { useSelfService } from '../self-service-context';
import { VoteBar } from './VoteBar';

export function ContestScreen() {
  const { t, i18n } = useTranslation();
  const { api, showError } = useSelfService();
  const [contests, setContests] = useState<ContestView[] | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const en = i18n.language === 'en';

  const load = useCallback(() => {
    api.customerContests().then(setContests).catch(showError);
  }, [api, showError]);
  useEffect(load, [load]);
  // Votes from elsewhere (a purchase at the counter, other shops) move the numbers here too.
  useEffect(() => api.on('contestVotes', load), [api, load]);

  const vote = async (contest: ContestView, entrantId: string) => {
    setBusy(true);
    try {
      const next = await api.voteInContest({ contestId: contest.id, entrantId });
      setContests(next);
      const name = contest.entrants.find((e) => e.id === entrantId)?.maskedName ?? '';
      setThanks(t('contests.votedFor', { name }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!contests) return null;
  return (
    <div className="ss-contest" data-testid="ss-contest">
      <h1>{t('contests.title')}</h1>
      <p className="muted">{t('contests.lead')}</p>
      {thanks && (
        <p className="ss-card" role="status" data-testid="ss-vote-thanks">
          {thanks}
        </p>
      )}
      {contests.length === 0 && <p data-testid="ss-contest-none">{t('contests.none')}</p>}
      {contests.map((c) => {
        const max = Math.max(0, ...c.entrants.map((e) => e.votes));
        return (
          <section key={c.id} className="ss-card" data-testid={`ss-contest-${c.id}`}>
            <h2>{en ? c.title.en : c.title.zh}</h2>
            <p className="muted">
              {t('contests.endsAt', { date: formatDateTime(c.endsAt, i18n.language) })}
              {c.purchasesCount &&
                c.votesPerPurchase > 0 &&
                ` · ${t('contests.perPurchase', { count: c.votesPerPurchase })}`}
            </p>
            <ol className="ss-contest__entrants">
              {c.entrants.map((e) => (
                <li key={e.id} className="ss-entrant" data-testid="ss-entrant" data-entrant={e.id} data-votes={e.votes}>
                  {e.photoUrl ? (
                    <img className="ss-entrant__photo" src={e.photoUrl} alt="" />
                  ) : (
                    <span className="ss-entrant__photo" aria-hidden="true" />
                  )}
                  <div>
                    <div>
                      <span className="ss-entrant__name">{e.maskedName}</span>{' '}
                      <span className="muted">{t('contests.code', { code: e.code })}</span>
                    </div>
                    <VoteBar votes={e.votes} max={max} />
                    <span data-testid="ss-entrant-votes">{t('contests.votes', { count: e.votes })}</span>
                  </div>
                  <button
                    type="button"
                    className={c.votedTodayFor === e.id ? 'ss-button' : 'ss-button ss-button--primary'}
                    data-testid={`ss-vote-${e.id}`}
                    disabled={busy || c.votedTodayFor === e.id}
                    onClick={() => void vote(c, e.id)}
                  >
                    {c.votedTodayFor === e.id ? t('contests.voted') : t('contests.vote')}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
