import type { Db } from '../open';
import type { TerminalStore } from '../store';
import { auditRepository } from './audit';
import { campaignsRepository } from './campaigns';
import { cardsRepository } from './cards';
import { contestsRepository } from './contests';
import { referralsRepository } from './referrals';
import { catalogueRepository } from './catalogue';
import { couponsRepository } from './coupons';
import { pointsRepository } from './points';
import { reportsRepository } from './reports';
import { salesRepository } from './sales';
import { consentsRepository } from './consents';
import { deviceConfigRepository } from './device-config';
import { eventsRepository } from './events';
import { printJobsRepository } from './print-jobs';
import { rewardsRepository } from './rewards';
import { membersRepository } from './members';
import { outboxRepository } from './outbox';
import { phoneVerificationsRepository } from './phone-verifications';
import { settingsRepository } from './settings';
import { staffRepository } from './staff';
import { storesRepository } from './stores';
import { postsRepository } from './posts';
import { careRepository } from './care';

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
    contests: contestsRepository(db),
    referrals: referralsRepository(db),
    sales: salesRepository(db),
    reports: reportsRepository(db),
    deviceConfig: deviceConfigRepository(db),
    printJobs: printJobsRepository(db),
    rewards: rewardsRepository(db),
    phoneVerifications: phoneVerificationsRepository(db),
    posts: postsRepository(db),
    care: careRepository(db),
    events: eventsRepository(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
