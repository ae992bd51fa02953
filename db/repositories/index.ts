import type { Db } from '../open';
import type { TerminalStore } from '../store';
import { auditRepository } from './audit';
import { campaignsRepository } from './campaigns';
import { cardsRepository } from './cards';
import { catalogueRepository } from './catalogue';
import { couponsRepository } from './coupons';
import { pointsRepository } from './points';
import { reportsRepository } from './reports';
import { salesRepository } from './sales';
import { consentsRepository } from './consents';
import { deviceConfigRepository } from './device-config';
import { eventsRepository } from './events';
import { printJobsRepository } from './print-jobs';
import { membersRepository } from './members';
import { outboxRepository } from './outbox';
import { settingsRepository } from './settings';
import { staffRepository } from './staff';
import { storesRepository } from './stores';

/** The TerminalStore (db/store.ts) over an open database; every statement is prepared once per open database. */
export function createRepositories(db: Db): TerminalStore {
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
    catalogue: catalogueRepository(db),
    points: pointsRepository(db),
    coupons: couponsRepository(db),
    campaigns: campaignsRepository(db),
    sales: salesRepository(db),
    reports: reportsRepository(db),
    deviceConfig: deviceConfigRepository(db),
    printJobs: printJobsRepository(db),
    events: eventsRepository(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
