import type { CardBlockReason, CardInfo, CardStatus } from '../../contract';
import type { Db } from '../open';
import type { CardsRepository } from '../store';

export interface CardRow extends CardInfo {
  memberId: string;
}

const columns = `number, member_id AS memberId, status, issued_at AS issuedAt, blocked_at AS blockedAt, block_reason AS blockReason`;

export function cardsRepository(db: Db): CardsRepository {
  const insert = db.prepare(
    `INSERT INTO member_cards (number, member_id, kind, status, issued_at, issued_by) VALUES (?, ?, 'card', 'active', ?, ?)`,
  );
  const byNumber = db.prepare<[string], CardRow>(`SELECT ${columns} FROM member_cards WHERE number = ?`);
  const ofMember = db.prepare<[string], CardRow>(
    `SELECT ${columns} FROM member_cards WHERE member_id = ? ORDER BY issued_at DESC, number`,
  );
  const block = db.prepare(
    `UPDATE member_cards SET status = 'blocked', blocked_at = ?, block_reason = ?, blocked_by = ? WHERE number = ? AND status = 'active'`,
  );
  const repoint = db.prepare<[string, string], { number: string }>(
    'UPDATE member_cards SET member_id = ? WHERE member_id = ? RETURNING number',
  );
  return {
    repoint: (from: string, to: string): string[] => repoint.all(to, from).map((r) => r.number),
    insert: (number: string, memberId: string, issuedAt: string, staffId: string | null) =>
      void insert.run(number, memberId, issuedAt, staffId),
    get: (number: string): CardRow | null => byNumber.get(number) ?? null,
    ofMember: (memberId: string): CardRow[] => ofMember.all(memberId),
    block: (number: string, at: string, reason: CardBlockReason, staffId: string | null): boolean =>
      block.run(at, reason, staffId, number).changes === 1,
  };
}

export type { CardStatus };
