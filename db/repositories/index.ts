import type { Db } from '../open';
import { auditRepository } from './audit';
import { cardsRepository } from './cards';
import { consentsRepository } from './consents';
import { membersRepository } from './members';
import { outboxRepository } from './outbox';
import { settingsRepository } from './settings';
import { staffRepository } from './staff';
import { storesRepository } from './stores';

/** Every statement is prepared once per open database. */
export function createRepositories(db: Db) {
  return {
    db,
    settings: settingsRepository(db),
    stores: storesRepository(db),
    staff: staffRepository(db),
    audit: auditRepository(db),
    members: membersRepository(db),
    cards: cardsRepository(db),
    consents: consentsRepository(db),
    outbox: outboxRepository(db),
    /** Runs fn in one SQLite transaction: all of it commits, or none of it. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
