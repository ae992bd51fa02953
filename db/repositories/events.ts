import type { CommunityEvent, TicketStatus } from '../../contract';
import type { Db } from '../open';
import type { EventsRepository } from '../store';

/** An event as stored: with the seats the hub last counted. */
export interface EventRow extends CommunityEvent {
  hubTaken: number;
}

export interface SignupRow {
  id: string;
  eventId: string;
  memberId: string;
  code: string;
  status: TicketStatus;
  signedUpAt: string;
  checkedInAt: string | null;
  checkedInBy: string | null;
  updatedAt: string;
}

interface EventRaw extends Omit<EventRow, 'title'> {
  titleZh: string;
  titleEn: string;
}

const eventColumns = `id, title_zh AS titleZh, title_en AS titleEn, description, place, starts_at AS startsAt,
  ends_at AS endsAt, capacity, points, scope, store_id AS storeId, status, updated_at AS updatedAt, hub_taken AS hubTaken`;
const signupColumns = `id, event_id AS eventId, member_id AS memberId, code, status, signed_up_at AS signedUpAt,
  checked_in_at AS checkedInAt, checked_in_by AS checkedInBy, updated_at AS updatedAt`;

const toEvent = ({ titleZh, titleEn, ...r }: EventRaw): EventRow => ({ ...r, title: { zh: titleZh, en: titleEn } });

/** Community events and their sign-ups (tickets). */
export function eventsRepository(db: Db): EventsRepository {
  const save = db.prepare(`INSERT INTO community_events
      (id, title_zh, title_en, description, place, starts_at, ends_at, capacity, points, scope, store_id, status, updated_at)
    VALUES (@id, @titleZh, @titleEn, @description, @place, @startsAt, @endsAt, @capacity, @points, @scope, @storeId, @status, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
      description = excluded.description, place = excluded.place, starts_at = excluded.starts_at,
      ends_at = excluded.ends_at, capacity = excluded.capacity, points = excluded.points, scope = excluded.scope,
      store_id = excluded.store_id, status = excluded.status, updated_at = excluded.updated_at`);
  const setHubTaken = db.prepare('UPDATE community_events SET hub_taken = ? WHERE id = ?');
  const get = db.prepare<[string], EventRaw>(`SELECT ${eventColumns} FROM community_events WHERE id = ?`);
  const all = db.prepare<[], EventRaw>(`SELECT ${eventColumns} FROM community_events ORDER BY starts_at, id`);
  const counts = db.prepare<[string], { taken: number; waiting: number }>(
    `SELECT coalesce(sum(status IN ('confirmed', 'attended')), 0) AS taken, coalesce(sum(status = 'waiting'), 0) AS waiting
       FROM event_signups WHERE event_id = ?`,
  );
  const insert = db.prepare(`INSERT INTO event_signups
      (id, event_id, member_id, code, status, signed_up_at, checked_in_at, checked_in_by, updated_at)
    VALUES (@id, @eventId, @memberId, @code, @status, @signedUpAt, @checkedInAt, @checkedInBy, @updatedAt)`);
  const byId = db.prepare<[string], SignupRow>(`SELECT ${signupColumns} FROM event_signups WHERE id = ?`);
  const byCode = db.prepare<[string], SignupRow>(`SELECT ${signupColumns} FROM event_signups WHERE code = ?`);
  const live = db.prepare<[string, string], SignupRow>(
    `SELECT ${signupColumns} FROM event_signups
      WHERE event_id = ? AND member_id = ? AND status IN ('confirmed', 'waiting', 'attended')`,
  );
  const ofEvent = db.prepare<[string], SignupRow>(
    `SELECT ${signupColumns} FROM event_signups WHERE event_id = ? ORDER BY signed_up_at, id`,
  );
  const firstWaiting = db.prepare<[string], SignupRow>(
    `SELECT ${signupColumns} FROM event_signups WHERE event_id = ? AND status = 'waiting'
      ORDER BY signed_up_at, id LIMIT 1`,
  );
  const position = db.prepare<[string, string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM event_signups WHERE event_id = ? AND status = 'waiting'
      AND (signed_up_at < ? OR (signed_up_at = ? AND id <= ?))`,
  );
  const setStatus = db.prepare(`UPDATE event_signups SET status = @status, updated_at = @at,
      checked_in_at = coalesce(@checkedInAt, checked_in_at), checked_in_by = coalesce(@checkedInBy, checked_in_by)
    WHERE id = @id AND status = @from`);

  return {
    saveEvent: (e) =>
      void save.run({
        id: e.id,
        titleZh: e.title.zh,
        titleEn: e.title.en,
        description: e.description,
        place: e.place,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        capacity: e.capacity,
        points: e.points,
        scope: e.scope,
        storeId: e.storeId,
        status: e.status,
        updatedAt: e.updatedAt,
      }),
    setHubTaken: (id, taken) => void setHubTaken.run(taken, id),
    event: (id) => {
      const row = get.get(id);
      return row ? toEvent(row) : null;
    },
    events: () => all.all().map(toEvent),
    counts: (eventId) => counts.get(eventId)!,
    insertSignup(row) {
      try {
        insert.run(row);
        return 'inserted';
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'duplicate';
        throw error;
      }
    },
    signup: (id) => byId.get(id) ?? null,
    signupByCode: (code) => byCode.get(code) ?? null,
    liveSignup: (eventId, memberId) => live.get(eventId, memberId) ?? null,
    signupsOf: (eventId) => ofEvent.all(eventId),
    firstWaiting: (eventId) => firstWaiting.get(eventId) ?? null,
    waitingPosition: (s) => position.get(s.eventId, s.signedUpAt, s.signedUpAt, s.id)!.n,
    setSignupStatus: (id, from, status, at, checkIn) =>
      setStatus.run({
        id,
        from,
        status,
        at,
        checkedInAt: checkIn?.at ?? null,
        checkedInBy: checkIn?.by ?? null,
      }).changes === 1,
  };
}
