/*
 * THE TERMINAL'S DATABASE SURFACE, declared.
 *
 * Everything the use cases may ask of the SQLite store, and what each call answers. The repositories in
 * db/repositories/ implement these interfaces (each factory is annotated with its interface, so the
 * compiler holds the implementation to the declaration); createRepositories(db) assembles a TerminalStore.
 * Row types live beside the repository that reads and writes them and are imported here.
 *
 * To change the surface, change it here first: the implementation then fails to compile until it follows.
 */
import type { LedgerPoint } from '../domain/points';
import type {
  CardBlockReason,
  CatalogueProduct,
  CommunityEvent,
  ConsentRecord,
  CouponDefinitionInfo,
  HubCampaign,
  HubContest,
  HubContestTally,
  DeviceConfig,
  DeviceSettings,
  PostStatus,
  PrintJobInfo,
  ProductInfo,
  QuoteCoupon,
  ReceiptDocument,
  RewardInfo,
  SaleLineRecord,
  StaffSummary,
  StoreInfo,
  TenderRecord,
  TierInfo,
  TicketStatus,
} from '../contract';
import type { NewConsent } from '../domain/consent';
import type { Db } from './open';
import type { AuditEntry } from './repositories/audit';
import type { CardRow } from './repositories/cards';
import type { ContestEntrantRow, ContestVoteRow } from './repositories/contests';
import type { ReferralRewardRow, ReferredFriendRow } from './repositories/referrals';
import type { NewProduct, SavedProduct, SavedTier } from './repositories/catalogue';
import type { CouponUseRow } from './repositories/coupons';
import type { MemberProfileFields, MemberRow, NewMember } from './repositories/members';
import type { OutboxEvent, ParkedEventRow, QueuedEvent } from './repositories/outbox';
import type { LedgerRow, LedgerView, TierChangeRow } from './repositories/points';
import type { NewPrintJob, PrintJobRow } from './repositories/print-jobs';
import type { NewReward, RedemptionRow } from './repositories/rewards';
import type { EventRow, SignupRow } from './repositories/events';
import type { DayCloseRow, ReportFigures, ReportPeriod } from './repositories/reports';
import type { RefundLineRow, RefundRow, SaleItems, SaleRow } from './repositories/sales';
import type { NewStaff, StaffRow } from './repositories/staff';
import type { NewPost, PostReview, PostRow } from './repositories/posts';
import type { FeedbackRow, NewServiceRequest, ServiceRequestRow } from './repositories/care';

/** The whole store of one terminal: one repository per concern, and the transaction that spans them. */
export interface TerminalStore {
  settings: SettingsRepository;
  stores: StoresRepository;
  staff: StaffRepository;
  audit: AuditRepository;
  members: MembersRepository;
  cards: CardsRepository;
  consents: ConsentsRepository;
  outbox: OutboxRepository;
  catalogue: CatalogueRepository;
  points: PointsRepository;
  coupons: CouponsRepository;
  campaigns: CampaignsRepository;
  contests: ContestsRepository;
  referrals: ReferralsRepository;
  sales: SalesRepository;
  reports: ReportsRepository;
  deviceConfig: DeviceConfigRepository;
  printJobs: PrintJobsRepository;
  rewards: RewardsRepository;
  phoneVerifications: PhoneVerificationsRepository;
  posts: PostsRepository;
  care: CareRepository;
  events: EventsRepository;
  /** Runs fn in one SQLite transaction: all of it commits, or none of it. */
  transaction: <T>(fn: () => T) => T;
  /**
   * The raw connection, outside the declared surface. Only for the demo seed (features/demo/demo.ts inserts
   * the demo tiers and products with it), tests and benchmarks: use cases go through the repositories.
   */
  db: Db;
}

/** One code sent to a phone for self-enrolment (db/migrations/016-phone-verifications.ts). */
export interface PhoneVerificationRow {
  id: string;
  phone: string;
  purpose: 'enrol';
  codeHash: string;
  salt: string;
  createdAt: string;
  expiresAt: string;
  attempts: number;
  verifiedAt: string | null;
  usedAt: string | null;
}

/** Verification codes sent by SMS: hashed, counted, used once. */
export interface PhoneVerificationsRepository {
  insert: (row: Omit<PhoneVerificationRow, 'attempts' | 'verifiedAt' | 'usedAt'>) => void;
  get: (id: string) => PhoneVerificationRow | null;
  /** Codes sent to this number since the given time, newest first. */
  sentToPhoneSince: (phone: string, since: string) => PhoneVerificationRow[];
  /** How many codes this terminal sent since the given time (to any number). */
  countSentSince: (since: string) => number;
  /** Counts one wrong code; returns the attempts now recorded. */
  addAttempt: (id: string) => number;
  markVerified: (id: string, at: string) => void;
  /** Marks a verified, unused row used; false when it was used already (so it enrols once). */
  markUsed: (id: string, at: string) => boolean;
  /** Forgets a row whose message never left (the gateway refused it). */
  remove: (id: string) => void;
}

/** Key/value settings of the terminal (store id, demo flag, receipt options, …). */
export interface SettingsRepository {
  /** The value stored under key, or null when it was never set. */
  get: (key: string) => string | null;
  /** Stores value under key, replacing what was there. */
  set: (key: string, value: string) => void;
}

/** The store this terminal belongs to. */
export interface StoresRepository {
  /** Records a store. */
  insert: (store: StoreInfo & { createdAt: string }) => void;
  /** The store with this id, or null. */
  get: (id: string) => StoreInfo | null;
}

/** Staff members, their PIN hashes and login lockout. */
export interface StaffRepository {
  /** Records a staff member (active). */
  insert: (row: NewStaff) => void;
  /** The active staff for the login screen: cashiers first, then by name. */
  listActive: () => StaffSummary[];
  /** The active staff member with this id (with PIN hash and lockout state), or null. */
  get: (id: string) => StaffRow | null;
  /** Sets the failed-attempt count and the lockout end (null: not locked). */
  setLockout: (id: string, failedAttempts: number, lockedUntil: string | null) => void;
}

/** The audit log: logins, lockouts, terminal setup. */
export interface AuditRepository {
  /** Appends one entry. */
  append: (e: AuditEntry) => void;
  /** The newest entries first, at most limit. */
  recent: (limit: number) => AuditEntry[];
}

/** Members and the name index that finds them. */
export interface MembersRepository {
  /** 'duplicate' when the phone number is already enrolled: nothing is written then. */
  insert: (member: NewMember) => 'inserted' | 'duplicate';
  /**
   * Records a member pulled from the hub whose phone another member here holds (a phone claimed
   * twice): kept, found by id, name, card and phone suffix, but not by the whole phone until merged.
   */
  insertClaim: (member: NewMember) => void;
  /** Replaces the profile fields (and the name index) and the clock of the edit that set them. */
  updateProfile: (id: string, fields: MemberProfileFields) => void;
  /**
   * Marks the member merged into the survivor; false when it was merged already. When the survivor
   * was the duplicate claim of the merged member's phone, the survivor takes the phone.
   */
  markMerged: (mergedId: string, survivorId: string) => boolean;
  /** The member with this id, or null. */
  get: (id: string) => MemberRow | null;
  /** The member enrolled with this phone number (E.164), or null. */
  findByPhone: (e164: string) => MemberRow | null;
  /** The id of the member whose referral code this is, or null. */
  idByReferralCode: (code: string) => string | null;
  /** Members whose phone ends in these four digits, newest enrolment first, at most limit. */
  findByPhoneSuffix: (suffix: string, limit: number) => MemberRow[];
  /** Members whose name matches the full-text query, at most limit. */
  findByName: (match: string, limit: number) => MemberRow[];
  /** How many members are enrolled. */
  count: () => number;
}

/** Member cards: issuing, finding and blocking them. */
export interface CardsRepository {
  /** Issues an active card with this number to the member. */
  insert: (number: string, memberId: string, issuedAt: string, staffId: string | null) => void;
  /** The card with this number (any status), or null. */
  get: (number: string) => CardRow | null;
  /** The member's cards, newest first. */
  ofMember: (memberId: string) => CardRow[];
  /** Returns false when the card was not active (already blocked, or unknown). */
  block: (number: string, at: string, reason: CardBlockReason, staffId: string | null) => boolean;
  /** Gives every card of one member to another (a merge); answers the numbers moved. */
  repoint: (fromMemberId: string, toMemberId: string) => string[];
}

/** Marketing consents: an append-only history per member. */
export interface ConsentsRepository {
  /** Records one consent decision of the member. */
  insert: (id: string, memberId: string, c: NewConsent) => void;
  /** The member's consent decisions, oldest first, with the staff member who recorded each. */
  history: (memberId: string) => ConsentRecord[];
}

/** Append only from use cases, always inside the transaction of the change it describes. */
export interface OutboxRepository {
  /** Appends an event for the hub. */
  append: (e: OutboxEvent) => void;
  /** The events waiting in the outbox, in the order they were appended. */
  pending: () => OutboxEvent[];
  /** The oldest waiting events, at most limit, in the order they were appended: what is sent next. */
  nextBatch: (limit: number) => QueuedEvent[];
  /** The hub acknowledged these events (applied or duplicate): they leave the outbox. */
  acknowledge: (seqs: readonly number[]) => void;
  /** The hub refused the event: it moves out of the queue, kept with the reason (never resent by itself). */
  park: (seq: number, reason: string, detail: string | null, at: string) => void;
  /** The refused events, in the order they were appended. */
  parked: () => ParkedEventRow[];
  /** One refused event by its id, or null. */
  parkedEvent: (id: string) => ParkedEventRow | null;
  /** A manager sends a refused event again: it goes back to the end of the queue; false when not parked. */
  unpark: (id: string) => boolean;
  /** A manager gives up on a refused event: it is deleted (the caller audits it); false when not parked. */
  dropParked: (id: string) => boolean;
  /** How many events wait for the hub, and how many it refused. */
  counts: () => { waiting: number; parked: number };
}

/** Products, their tier prices and the tiers themselves: data the hub will send down later. */
export interface CatalogueRepository {
  /** The active products, by category and SKU. */
  products: () => ProductInfo[];
  /** The active product with this id, or null. */
  product: (id: string) => ProductInfo | null;
  /** The active product with this barcode, or null. */
  productByBarcode: (barcode: string) => ProductInfo | null;
  /** The product with this SKU (active or not), or null. */
  productBySku: (sku: string) => ProductInfo | null;
  /** Records a product (active). */
  insertProduct: (p: NewProduct) => void;
  /** Every product, active or not, by category and SKU: what a manager keeps. */
  allProducts: () => CatalogueProduct[];
  /** The product with this id, active or not, or null. */
  anyProduct: (id: string) => CatalogueProduct | null;
  /** The product with this barcode, active or not, or null (a barcode belongs to one product for good). */
  anyProductByBarcode: (barcode: string) => CatalogueProduct | null;
  /**
   * Adds the product, or replaces every column of the one with this id; its member prices are
   * replaced as a whole. The caller has checked that SKU and barcode are free (they are unique keys).
   */
  saveProduct: (p: SavedProduct) => void;
  /** Sets the product's price for one tier, replacing an earlier one. */
  setTierPrice: (productId: string, tierCode: string, priceMinor: number) => void;
  /** The tiers by rank. They change only when the hub (or the seed) sends new rules; read once per change. */
  tiers: () => TierInfo[];
  /** Changes how a tier is qualified for and what it multiplies points by. */
  setTierRule: (
    code: string,
    rule: Pick<TierInfo, 'qualifyMetric' | 'threshold' | 'windowDays' | 'pointsMultiplierPct'>,
  ) => void;
  /**
   * Adds the tier, or changes the one with this code (its id stays the first one). The caller has
   * checked that the rank is free (it is a unique key); `tiers()` reads the change afterwards.
   */
  saveTier: (t: SavedTier) => void;
}

/** The points ledger (append only: the table refuses UPDATE and DELETE) and the tier history. */
export interface PointsRepository {
  /** Appends one ledger entry. */
  append: (row: LedgerRow) => void;
  /**
   * Appends an entry made at another terminal of the chain (pulled from the hub); false when the
   * terminal has it already (same id, or the same sale's entry), so applying it twice changes nothing.
   */
  appendPulled: (row: LedgerRow) => boolean;
  /** The member's points balance: the sum of the ledger. */
  balance: (memberId: string) => number;
  /** Every ledger entry of the member, with its expiry day: what expiry is computed from. */
  entriesForExpiry: (memberId: string) => LedgerPoint[];
  /** The member's newest ledger entries first, with receipt number and staff name, at most limit. */
  recent: (memberId: string, limit: number) => LedgerView[];
  /** Points the member earned since an instant, less earnings reversed by refunds since then. */
  earnedSince: (memberId: string, since: string) => number;
  /**
   * Members holding credits whose last day is in [since, today) (they may have points to expire);
   * `since` null means from the beginning.
   */
  membersWithExpiredCredits: (since: string | null, today: string) => string[];
  /** Appends a tier change to the member's tier history. */
  setTier: (row: TierChangeRow) => void;
  /** The member's current tier and since when, or null when the member never had one. */
  currentTier: (memberId: string) => { tierCode: string; at: string } | null;
  /** Every member's current tier and since when. */
  tieredMembers: () => { memberId: string; tierCode: string; at: string }[];
}

/** Coupon definitions, the coupons issued to members and every use of them. */
export interface CouponsRepository {
  /** Records a coupon definition. */
  insertDefinition: (d: CouponDefinitionInfo & { createdAt: string }) => void;
  /** Every definition, soonest to end first. */
  definitions: () => CouponDefinitionInfo[];
  /** The definition with this id, or null. */
  definition: (id: string) => CouponDefinitionInfo | null;
  /** The definition whose generic (shared) code this is, or null. */
  definitionByGenericCode: (code: string) => CouponDefinitionInfo | null;
  /** Issues a personal coupon with this code to the member. */
  issue: (code: string, definitionId: string, memberId: string, at: string, staffId: string | null) => void;
  /** The issued coupon with this code, or null. */
  coupon: (code: string) => { code: string; definitionId: string; memberId: string } | null;
  /** The member's coupons, newest first, with how often each was used (net of returns). */
  ofMember: (memberId: string) => { code: string; definitionId: string; used: number }[];
  /** How often the code was used, net of returns. */
  timesUsed: (code: string) => number;
  /** How often the member used coupons of this definition, net of returns. */
  memberUses: (definitionId: string, memberId: string) => number;
  /** Records one use (+1) or return (-1) of a coupon. */
  recordUse: (row: CouponUseRow) => void;
  /** Records a use or return made at another shop (pulled); false when this terminal has it already. */
  recordPulledUse: (row: CouponUseRow) => boolean;
  /** The hub kept this sale's use of the code as a conflict: it and its return stop counting. */
  markConflicted: (saleId: string, code: string, at: string) => boolean;
  /**
   * Adds the definition, or replaces every field of the one with this id (a definition pulled from
   * the hub). The caller has checked that its generic code is free (a unique key).
   */
  saveDefinition: (d: CouponDefinitionInfo & { createdAt: string }) => void;
}

/** The brand's campaigns, pulled from the hub (the self-service attract screen shows their slides). */
export interface CampaignsRepository {
  /** Adds the campaign, or replaces the one with this id. */
  save: (c: HubCampaign) => void;
  /** Every campaign, by start. */
  all: () => HubCampaign[];
}

/** The brand's contests (pulled from the hub), this terminal's votes and the other terminals' tallies. */
export interface ContestsRepository {
  /** Adds the contest, or replaces its rules; entrants are added or updated (never removed: votes refer to them). */
  save: (c: HubContest) => void;
  /** Every contest, by start. */
  all: () => HubContest[];
  get: (id: string) => HubContest | null;
  /** The entrant with this code (codes are unique across contests). */
  entrantByCode: (code: string) => ContestEntrantRow | null;
  /** Votes per entrant: this terminal's own rows plus the hub's tallies of every other terminal. */
  tallies: (contestId: string, ownTerminalId: string) => { entrantId: string; votes: number }[];
  /** False when the vote was not written: a second daily vote, or a sale's votes again. */
  insertVote: (v: ContestVoteRow) => boolean;
  /** The entrant this member gave their daily vote to on that day, or null. */
  dailyVoteOf: (contestId: string, memberId: string, day: string) => string | null;
  votesOfSale: (saleId: string) => ContestVoteRow[];
  /** Replaces one other terminal's tally for one entrant. */
  saveTally: (t: HubContestTally) => void;
}

/** Who brought whom, and the referral points paid (once per friend). */
export interface ReferralsRepository {
  /** The members this one brought, newest first, with the points paid for each (null: not yet). */
  friendsOf: (referrerId: string) => ReferredFriendRow[];
  rewardFor: (friendId: string) => ReferralRewardRow | null;
  /** False when this friend's reward was paid already. */
  recordReward: (r: ReferralRewardRow) => boolean;
  /** Names the referrer of a member who has none yet; false when they have one. */
  setReferrer: (memberId: string, referrerId: string) => boolean;
  /** Whether the member bought anything before this sale (here, or at another shop per the pulled ledger). */
  boughtBefore: (memberId: string, saleId: string) => boolean;
}

/** Sales, refunds and the per-terminal receipt counter. */
export interface SalesRepository {
  /** Advances this terminal's counter; call inside the sale's transaction so a rollback undoes it. */
  nextSequence: (terminalId: string) => number;
  /**
   * 'duplicate' when a sale with this request id exists already: nothing is written then. The
   * lines, tenders and coupons are part of the sale's row (one document), and so is the printed
   * receipt: a retried request or a reprint shows the same paper.
   */
  insertSale: (row: SaleRow, saleItems: SaleItems, receipt: ReceiptDocument) => 'inserted' | 'duplicate';
  /** The sale recorded for this request id, or null. */
  byRequestId: (requestId: string) => SaleRow | null;
  /** The sale with this receipt number, or null. */
  byReceiptNo: (receiptNo: string) => SaleRow | null;
  /** The sale with this id, or null. */
  get: (id: string) => SaleRow | null;
  /** The receipt stored with the sale (the sale must exist). */
  receipt: (saleId: string) => ReceiptDocument;
  /** The sale's lines, with how much of each was refunded so far. */
  lines: (saleId: string) => SaleLineRecord[];
  /** The coupons applied to the sale. */
  coupons: (saleId: string) => QuoteCoupon[];
  /** How the sale was paid. */
  tenders: (saleId: string) => TenderRecord[];
  /** 'duplicate' when a refund with this request id exists already: nothing is written then. */
  insertRefund: (row: RefundRow) => 'inserted' | 'duplicate';
  /** 'exceeds' when the database's own check finds more refunded than was sold (the use case checks first). */
  insertRefundLine: (row: RefundLineRow & { refundId: string }) => 'inserted' | 'exceeds';
  /** Stores the printed receipt of the refund. */
  setRefundReceipt: (refundId: string, doc: ReceiptDocument) => void;
  /** The refund recorded for this request id, or null. */
  refundByRequestId: (requestId: string) => RefundRow | null;
  /** The receipt stored with the refund (the refund must exist). */
  refundReceipt: (refundId: string) => ReceiptDocument;
  /** The refund's lines in the order they were written: which sale line, how many, how much. */
  refundLines: (refundId: string) => { lineId: string; quantity: number; amountMinor: number }[];
  /** What the sale's refunds paid back so far: amount (in tenders) and net (including the points' value). */
  refundedOfSale: (saleId: string) => { amount: number; net: number };
  /** Net spend of a member since an instant: sales minus what was refunded since then. */
  spendSince: (memberId: string, since: string) => number;
}

/** X/Z figures for one terminal over (from, to]; the Z history. */
export interface ReportsRepository {
  /** The figures of the period: sales, refunds, tenders, points, coupons, new members (of storeId, or all). */
  figures: (period: ReportPeriod, storeId: string | null) => ReportFigures;
  /** The terminal's last Z close (number and end), or null before the first. */
  lastClose: (terminalId: string) => { number: number; toAt: string } | null;
  /** Records a Z close with its report. */
  insertClose: (row: DayCloseRow) => void;
}

/** The configured devices (printers, scanners) of this terminal. */
export interface DeviceConfigRepository {
  /** Every configured device, in the order it was added. */
  all: () => DeviceConfig[];
  /** The device with this id, or null. */
  get: (id: string) => DeviceConfig | null;
  /** Adds the device, or replaces its name, settings and enabled flag. */
  save: (id: string, settings: DeviceSettings, enabled: boolean, at: string) => void;
  /** False when there was no device with this id. */
  remove: (id: string) => boolean;
}

/** The persistent print queue. */
export interface PrintJobsRepository {
  /** Queues a job. */
  insert: (job: NewPrintJob) => void;
  /** The job with this id and its document, or null. */
  get: (id: string) => PrintJobRow | null;
  /** The job with this id, without its document, or null. */
  info: (id: string) => PrintJobInfo | null;
  /** The oldest queued job and its document, or null when the queue is empty. */
  nextQueued: () => PrintJobRow | null;
  /** The newest jobs first, without documents, at most limit. */
  recent: (limit: number) => PrintJobInfo[];
  /** How many jobs are queued or printing. */
  pendingCount: () => number;
  /** Claims a queued job for printing; false when it was not queued (already taken). */
  start: (id: string, printerId: string) => boolean;
  /** Marks a printing job done; false when it was not printing. */
  markDone: (id: string, at: string) => boolean;
  /** Back to the queue with the reason; it prints when the printer is ready again. */
  retryLater: (id: string, reason: string) => boolean;
  /** Marks the job failed for good, with the reason. */
  markFailed: (id: string, reason: string) => void;
  /** At start: a job left 'printing' by a crash goes back to the queue (see decision 0007); answers how many. */
  requeueInterrupted: () => number;
}

/** A shop's rewards bought with points (issue 10) and their redemptions. */
export interface RewardsRepository {
  /** Adds an active reward. */
  insert: (reward: NewReward) => void;
  /** Every reward, active first, cheapest first. */
  all: () => RewardInfo[];
  /** The reward with this id (active or retired), or null. */
  get: (id: string) => RewardInfo | null;
  /** Sets what is left (null: unlimited). */
  setStock: (id: string, stock: number | null, at: string) => void;
  /** No longer offered. */
  retire: (id: string, at: string) => void;
  /** Takes one from stock; false when none is left (unlimited always succeeds). */
  takeOne: (id: string, at: string) => boolean;
  /** Records a redemption (request_id unique). */
  insertRedemption: (row: RedemptionRow) => void;
  /** The redemption made for this client request, or null. */
  redemptionByRequest: (requestId: string) => RedemptionRow | null;
  /** Remembers the voucher slip's print job. */
  setPrintJob: (redemptionId: string, jobId: string) => void;
}

/** Ambassador posts: members' links, one per normalised link, and their review. */
export interface PostsRepository {
  /** 'duplicate' when a post with this normalised link exists (anyone's): nothing is written then. */
  insert: (post: NewPost) => 'inserted' | 'duplicate';
  /** The post with this id, or null. */
  get: (id: string) => PostRow | null;
  /** The post with this normalised link, or null. */
  byNormalizedUrl: (normalizedUrl: string) => PostRow | null;
  /** The member's posts, newest first, at most limit. */
  ofMember: (memberId: string, limit: number) => PostRow[];
  /** Posts with this status (null: all), newest first, at most limit. */
  list: (status: PostStatus | null, limit: number) => PostRow[];
  /** Records the review of a pending post; false when it was reviewed already (nothing written). */
  review: (id: string, review: PostReview) => boolean;
}

/** Feedback after a visit and service requests. */
export interface CareRepository {
  insertFeedback: (feedback: FeedbackRow) => void;
  /** The newest feedback first, at most limit. */
  recentFeedback: (limit: number) => FeedbackRow[];
  /** How many ratings of each value: index 0 is one star. */
  ratingCounts: () => [number, number, number, number, number];
  /** The number the next request's ticket gets (1, 2, …) at this terminal. */
  nextRequestSeq: () => number;
  insertRequest: (request: NewServiceRequest) => void;
  /** The request with this id, or null. */
  getRequest: (id: string) => ServiceRequestRow | null;
  /** The member's requests, newest first, at most limit. */
  requestsOfMember: (memberId: string, limit: number) => ServiceRequestRow[];
  /** Requests not closed yet, oldest first (openOnly), or all of them newest first; at most limit. */
  listRequests: (openOnly: boolean, limit: number) => ServiceRequestRow[];
  /** Records the staff's answer; false when the request is closed (nothing written). */
  answerRequest: (id: string, answer: string, at: string, staffId: string) => boolean;
  /** Closes the request; false when it was closed already. */
  closeRequest: (id: string, at: string, staffId: string) => boolean;
}

/** Community events (a shop's own and the brand's, pulled) and their sign-ups, which are the tickets. */
export interface EventsRepository {
  /** Adds the event, or replaces every field of the one with this id (the hub's count stays). */
  saveEvent: (e: CommunityEvent) => void;
  /** Records the seats the hub counted for the event. */
  setHubTaken: (id: string, taken: number) => void;
  /** The event with this id, or null. */
  event: (id: string) => EventRow | null;
  /** Every event, by start. */
  events: () => EventRow[];
  /** This terminal's confirmed (or attended) and waiting sign-ups of the event. */
  counts: (eventId: string) => { taken: number; waiting: number };
  /** 'duplicate' when the member holds a live ticket for the event already (or the code is taken): nothing written. */
  insertSignup: (row: SignupRow) => 'inserted' | 'duplicate';
  /** The sign-up with this id, or null. */
  signup: (id: string) => SignupRow | null;
  /** The sign-up whose ticket code this is, or null. */
  signupByCode: (code: string) => SignupRow | null;
  /** The member's live (waiting, confirmed or attended) sign-up for the event, or null. */
  liveSignup: (eventId: string, memberId: string) => SignupRow | null;
  /** Every sign-up of the event, oldest first. */
  signupsOf: (eventId: string) => SignupRow[];
  /** The longest-waiting sign-up of the event, or null. */
  firstWaiting: (eventId: string) => SignupRow | null;
  /** A waiting sign-up's place in the queue (1 = next). */
  waitingPosition: (s: Pick<SignupRow, 'id' | 'eventId' | 'signedUpAt'>) => number;
  /** Moves a sign-up from one status to another; false when it was not in `from` (someone was first). */
  setSignupStatus: (
    id: string,
    from: TicketStatus,
    to: TicketStatus,
    at: string,
    checkIn?: { at: string; by: string | null },
  ) => boolean;
}
