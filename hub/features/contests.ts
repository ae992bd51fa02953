// Contests at the hub (issue 10, decision 0025): the brand creates a contest and its entrants
// (members named by phone or id, each given a short code); terminals push their votes, each kept
// once; every terminal's tally per entrant goes down the catalogue stream so each shop's
// leaderboard covers the chain.
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { contestRequest, HubContest, HubContestListResponse, SyncPayload } from '../../contract';
import { generateEntrantCode } from '../../domain/entrant-code';
import { maskName } from '../../domain/mask';
import { normalisePhone } from '../../domain/phone';
import type { HubStorage, Queryable } from '../storage';
import { badField } from './admin-input';
import { adminSource, appendChange } from './changes';
import { EventRefused } from './errors';
import type { ProjectionContext } from './projections';
import { eventsChannel } from './push';

type ContestInput = z.output<typeof contestRequest>;

const contestColumns = `id, jsonb_build_object('zh', title_zh, 'en', title_en) AS title, starts_at AS "startsAt",
  ends_at AS "endsAt", votes_per_daily_vote AS "votesPerDailyVote", votes_per_purchase AS "votesPerPurchase",
  purchases_count AS "purchasesCount", updated_at AS "updatedAt"`;

type ContestRow = Omit<HubContest, 'entrants' | 'updatedAt'> & { updatedAt: string | Date };

async function withEntrants(db: Queryable, row: ContestRow): Promise<HubContest> {
  const { rows } = await db.query<HubContest['entrants'][number]>(
    `SELECT id, member_id AS "memberId", code, masked_name AS "maskedName", photo_url AS "photoUrl"
     FROM contest_entrants WHERE contest_id = $1 ORDER BY position, id`,
    [row.id],
  );
  const updatedAt = row.updatedAt instanceof Date ? row.updatedAt.toISOString() : new Date(row.updatedAt).toISOString();
  return { ...row, updatedAt, entrants: rows };
}

/** The member an entrant line names: by member id, or by phone as the member gave it. */
async function entrantMember(
  db: Queryable,
  entrant: ContestInput['entrants'][number],
  index: number,
): Promise<{ id: string; name: string }> {
  let rows: { id: string; name: string }[];
  if (entrant.memberId) {
    ({ rows } = await db.query('SELECT id, name FROM members WHERE id = $1 AND merged_into IS NULL', [
      entrant.memberId,
    ]));
  } else {
    const phone = normalisePhone(entrant.phone ?? '');
    if (!phone.ok) throw badField(`entrants.${index}.phone`, 'not a valid mobile number');
    ({ rows } = await db.query(
      'SELECT id, name FROM members WHERE phone = $1 AND merged_into IS NULL ORDER BY enrolled_at LIMIT 1',
      [phone.e164],
    ));
  }
  if (!rows[0]) throw badField(`entrants.${index}`, 'no member at the hub has this phone number or id');
  return rows[0];
}

/**
 * Adds the contest (no id) or replaces its rules (with one). Entrants already in it keep their
 * code (and their votes); new ones get a fresh code. The contest goes to every terminal.
 */
export async function upsertContest(storage: HubStorage, c: ContestInput): Promise<HubContest> {
  const contest = await storage.transaction(async (tx) => {
    const id = c.id ?? randomUUID();
    const { rows } = await tx.query<ContestRow>(
      `INSERT INTO contests (id, title_zh, title_en, starts_at, ends_at, votes_per_daily_vote, votes_per_purchase, purchases_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at, votes_per_daily_vote = excluded.votes_per_daily_vote,
         votes_per_purchase = excluded.votes_per_purchase, purchases_count = excluded.purchases_count, updated_at = now()
       RETURNING ${contestColumns}`,
      [id, c.title.zh, c.title.en, c.startsAt, c.endsAt, c.votesPerDailyVote, c.votesPerPurchase, c.purchasesCount],
    );
    const seen = new Set<string>();
    for (const [index, line] of c.entrants.entries()) {
      const member = await entrantMember(tx, line, index);
      if (seen.has(member.id)) throw badField(`entrants.${index}`, 'this member is named twice');
      seen.add(member.id);
      const { rows: existing } = await tx.query<{ id: string }>(
        'SELECT id FROM contest_entrants WHERE contest_id = $1 AND member_id = $2',
        [id, member.id],
      );
      if (existing[0]) {
        await tx.query('UPDATE contest_entrants SET masked_name = $2, photo_url = $3, position = $4 WHERE id = $1', [
          existing[0].id,
          maskName(member.name),
          line.photoUrl,
          index,
        ]);
        continue;
      }
      let code: string;
      do code = generateEntrantCode(randomInt);
      while ((await tx.query('SELECT 1 FROM contest_entrants WHERE code = $1', [code])).rows.length);
      await tx.query(
        `INSERT INTO contest_entrants (id, contest_id, member_id, code, masked_name, photo_url, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), id, member.id, code, maskName(member.name), line.photoUrl, index],
      );
    }
    const saved = await withEntrants(tx, rows[0]!);
    await appendChange(adminSource(tx), 'catalogue', 'contest', saved);
    return saved;
  });
  await storage.notify(eventsChannel, 'catalogue').catch(() => {});
  return contest;
}

/** Every contest with its chain-wide votes per entrant. */
export async function listContests(db: Queryable): Promise<HubContestListResponse['contests']> {
  const { rows } = await db.query<ContestRow>(`SELECT ${contestColumns} FROM contests ORDER BY starts_at, id`);
  const out: HubContestListResponse['contests'] = [];
  for (const row of rows) {
    const contest = await withEntrants(db, row);
    const { rows: tallies } = await db.query<{ entrantId: string; votes: number | string }>(
      `SELECT entrant_id AS "entrantId", sum(votes) AS votes FROM contest_votes WHERE contest_id = $1
       GROUP BY entrant_id`,
      [row.id],
    );
    out.push({
      ...contest,
      tallies: contest.entrants.map((e) => ({
        entrantId: e.id,
        votes: Number(tallies.find((t) => t.entrantId === e.id)?.votes ?? 0),
      })),
    });
  }
  return out;
}

/**
 * A vote a terminal took: kept once (its id), then that terminal's new tally for the entrant goes
 * to every other terminal. A daily vote the same member gave that day in the same contest at
 * another shop is kept as history but counts nothing (once a day holds across the chain).
 */
export async function projectContestVote(ctx: ProjectionContext, p: SyncPayload<'contest.voted'>): Promise<void> {
  const { rows: entrant } = await ctx.tx.query<{ id: string }>(
    'SELECT id FROM contest_entrants WHERE id = $1 AND contest_id = $2',
    [p.entrantId, p.contestId],
  );
  if (!entrant[0])
    throw new EventRefused('PAYLOAD_INVALID', `the hub has no entrant ${p.entrantId} in contest ${p.contestId}`);
  let votes = p.votes;
  if (p.kind === 'daily' && p.voterMemberId) {
    const { rows: earlier } = await ctx.tx.query(
      `SELECT 1 FROM contest_votes WHERE contest_id = $1 AND voter_member_id = $2 AND day = $3 AND kind = 'daily'
         AND votes > 0 AND id <> $4`,
      [p.contestId, p.voterMemberId, p.day, p.voteId],
    );
    if (earlier.length) votes = 0;
  }
  const inserted = await ctx.tx.query(
    `INSERT INTO contest_votes (id, contest_id, entrant_id, kind, votes, voter_member_id, day, sale_id, store_id,
       terminal_id, at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      p.voteId,
      p.contestId,
      p.entrantId,
      p.kind,
      votes,
      p.voterMemberId,
      p.day,
      p.saleId,
      ctx.storeId,
      ctx.terminalId,
      p.at,
      ctx.eventId,
    ],
  );
  if (!inserted.rows.length) return;
  const { rows } = await ctx.tx.query<{ votes: number | string }>(
    `SELECT coalesce(sum(votes), 0) AS votes FROM contest_votes WHERE contest_id = $1 AND entrant_id = $2 AND terminal_id = $3`,
    [p.contestId, p.entrantId, ctx.terminalId],
  );
  await appendChange(ctx, 'catalogue', 'contest_tally', {
    contestId: p.contestId,
    entrantId: p.entrantId,
    terminalId: ctx.terminalId,
    votes: Number(rows[0]?.votes ?? 0),
  });
}
