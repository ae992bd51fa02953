/** A contest entrant's share of the leader's votes, as a bar (decorative: the number is beside it). */
export function VoteBar({ votes, max }: { votes: number; max: number }) {
  const pct = max > 0 ? Math.round((Math.max(0, votes) / max) * 100) : 0;
  return (
    <div className="ss-votebar" aria-hidden="true">
      <div className="ss-votebar__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
