// What a terminal and its brand's hub say to each other over HTTP, declared once for both sides
// (the terminal's sync client in features/sync, the hub in hub/). Bodies are JSON; every request
// but registration carries `Authorization: Bearer <terminal credential>`.
import { z } from 'zod';
import { couponDefinitionWire } from './coupon-wire';
import { pulledCatalogueChanges } from './hub-admin-catalogue';
import { pulledEventChanges } from './events-types';
import { syncEventTypes } from './sync-events';
import { genders } from './types';

/** The hub refuses a push batch larger than this (413). */
export const hubLimits = { pushBatchMax: 500, requestBytesMax: 4 * 1024 * 1024 } as const;

/** POST /v1/terminals/register: a manager typed the hub's address and a one-time code. */
export const registerRequest = z.object({
  code: z.string().min(1).max(64),
  /** How the brand's people will recognise this terminal in lists (e.g. "翠湖店 收银 1"). */
  terminalName: z.string().min(1).max(80),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

export interface RegisterResponse {
  terminalId: string;
  storeId: string;
  storeCode: string;
  storeName: string;
  /** Shown once; the hub keeps only its hash. */
  credential: string;
}

/** One outbox event as it leaves the terminal: the id made where the change was made. */
export const pushedEvent = z.object({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  aggregateId: z.string().min(1).max(64),
  createdAt: z.string().min(1).max(40),
  payload: z.unknown(),
});
export type PushedEvent = z.infer<typeof pushedEvent>;

/** POST /v1/push */
export const pushRequest = z.object({
  schemaVersion: z.number().int().min(1),
  events: z.array(pushedEvent).min(1).max(hubLimits.pushBatchMax),
});
export type PushRequest = z.infer<typeof pushRequest>;

export type PushStatus = 'applied' | 'duplicate' | 'rejected';

/** Why the hub refused one event; the terminal parks it and shows the reason to managers. */
export const pushRejectReasons = [
  'UNKNOWN_EVENT_TYPE',
  'FUTURE_SCHEMA_VERSION',
  'PAYLOAD_INVALID',
  'OTHER_STORE',
  'CONFLICT',
] as const;
export type PushRejectReason = (typeof pushRejectReasons)[number];

export interface PushResult {
  id: string;
  status: PushStatus;
  reason?: PushRejectReason;
  /** A person-readable detail for the sync screen (e.g. which coupon was already used). */
  detail?: string;
}

export interface PushResponse {
  results: PushResult[];
}

/** Every non-2xx answer of the hub has this body. */
export interface HubErrorBody {
  error: {
    code:
      | 'UNAUTHORIZED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'BAD_REQUEST'
      | 'PAYLOAD_TOO_LARGE'
      | 'UNSUPPORTED_MEDIA_TYPE'
      | 'RATE_LIMITED'
      | 'ALREADY_EXISTS'
      | 'CODE_USED'
      | 'CODE_EXPIRED'
      | 'CODE_UNKNOWN'
      /** The request contradicts what the hub holds (a member merged already). */
      | 'CONFLICT'
      | 'INTERNAL';
    message: string;
    /** The request field that is wrong, when the refusal is about one (admin API 400s). */
    field?: string;
  };
}

export type HubErrorCode = HubErrorBody['error']['code'];

export const knownSyncEventTypes: readonly string[] = syncEventTypes;

/** GET /v1/health (no credential): whether the hub and its database answer. */
export interface HealthResponse {
  ok: true;
  engine: 'postgres' | 'pglite';
  syncSchemaVersion: number;
}

// The admin API (/v1/admin/*): `Authorization: Bearer <LINLI_HUB_ADMIN_TOKEN>`, never a terminal's.

/** A store's code is what people type (CLI, the terminal's set-up): short, upper case, no spaces. */
export const storeCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'a store code is 2–32 upper-case letters, digits, - or _');

/** POST /v1/admin/stores */
export const createStoreRequest = z.object({ code: storeCode, name: z.string().trim().min(1).max(80) });
export type CreateStoreRequest = z.infer<typeof createStoreRequest>;
export interface HubStoreInfo {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

/** POST /v1/admin/registration-codes: a one-time code for one new terminal of the store. */
export const createRegistrationCodeRequest = z.object({
  storeCode,
  /** How long the code may wait to be typed in; a day by default. */
  validMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(60 * 24),
});
export type CreateRegistrationCodeRequest = z.input<typeof createRegistrationCodeRequest>;
export interface RegistrationCodeInfo {
  /** Shown once; the hub keeps only its hash. */
  code: string;
  storeCode: string;
  expiresAt: string;
}

/** GET /v1/admin/terminals (optional ?store=CODE) */
export interface TerminalInfo {
  id: string;
  name: string;
  storeId: string;
  storeCode: string;
  registeredAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}
export interface TerminalListResponse {
  terminals: TerminalInfo[];
}

/** POST /v1/admin/terminals/:id/revoke: the terminal's credential stops working at once. */
export interface RevokeResponse {
  terminal: TerminalInfo;
}

/** What the hub could not decide alone and keeps for the brand's people (GET /v1/admin/conflicts). */
export const conflictKinds = [
  /** A single-use coupon redeemed at two shops while they were offline: the first use counts. */
  'coupon_reused',
  /** One phone number enrolled as two members (at two shops while offline): merge them. */
  'phone_claimed',
  /** One card number issued to two members: the first keeps it. */
  'card_claimed',
  /** The same post (normalised link) submitted at two shops: the first is the post, the other a duplicate. */
  'post_duplicate',
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export interface ConflictInfo {
  id: string;
  kind: ConflictKind;
  /** The coupon code, phone number or card number both claims are about. */
  subject: string;
  storeId: string | null;
  storeCode: string | null;
  terminalId: string | null;
  eventId: string | null;
  /** What each side did (ids of the members, sales), for people and the console. */
  detail: Record<string, unknown>;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/**
 * POST /v1/admin/members/merge: two members are one person (a phone or card claimed twice). The
 * merged member's points move to the survivor through compensating ledger entries, its cards are
 * re-pointed, and every terminal learns it through the members stream (docs/sync-conflicts.md).
 */
export const mergeMembersRequest = z
  .object({ survivorId: z.string().min(1).max(64), mergedId: z.string().min(1).max(64) })
  .refine((r) => r.survivorId !== r.mergedId, { message: 'a member cannot be merged into itself', path: ['mergedId'] });
export type MergeMembersRequest = z.infer<typeof mergeMembersRequest>;
export interface MergeMembersResponse {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  /** Points moved from the merged member to the survivor (may be negative or zero). */
  pointsMoved: number;
  cardsRepointed: string[];
  conflictsResolved: number;
}

/** GET /v1/admin/conflicts?status=open|all (open by default) */
export const conflictListQuery = z.object({ status: z.enum(['open', 'all']).default('open') });
export interface ConflictListResponse {
  conflicts: ConflictInfo[];
}

// Pull: what the hub tells every terminal of the chain. GET /v1/pull?stream=&after=&limit=&wait=

/** The streams a terminal may pull: members and their points; the brand's catalogue (hub-admin-catalogue.ts). */
export const pullStreams = ['members', 'catalogue'] as const;
export type PullStream = (typeof pullStreams)[number];

/** A catching-up terminal asks for pageMax changes a page (a bootstrap of a million is 200 pages). */
export const pullLimits = { pageMax: 5000, pageDefault: 500, waitMaxSeconds: 25 } as const;

/** The query string of GET /v1/pull, as text; `after` is the cursor of the previous answer ('' at first). */
export const pullQuery = z.object({
  stream: z.enum(pullStreams),
  after: z
    .string()
    .regex(/^(|\d{1,19}\.\d{1,19})$/, 'a cursor is the one the hub answered, or empty')
    .default(''),
  limit: z.coerce.number().int().min(1).max(pullLimits.pageMax).default(pullLimits.pageDefault),
  /** Seconds to hold the request open when nothing is new (long-poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(pullLimits.waitMaxSeconds).default(0),
  /** count=1: the answer says how many changes remain after it (a count, so asked at a catch-up's start). */
  count: z
    .enum(['0', '1'])
    .optional()
    .transform((v) => v === '1'),
});
export type PullQuery = z.input<typeof pullQuery>;

const pulledText = (max: number) => z.string().min(1).max(max);

/** A member as enrolled at some shop of the chain (the terminal's enrolment record, home store added). */
export const pulledMember = z.looseObject({
  id: pulledText(64),
  name: z.string().max(200),
  phone: pulledText(32),
  phoneNational: z.string().max(32).default(''),
  birthday: z.string().max(10).nullable().default(null),
  gender: z.enum(genders).catch('unspecified'),
  community: z.string().max(200).nullable().default(null),
  interests: z.array(z.string().max(80)).max(50).default([]),
  referralCode: pulledText(32),
  referredBy: z.string().max(64).nullable().default(null),
  homeStoreId: pulledText(64),
  enrolledAt: pulledText(40),
  updatedAt: pulledText(40),
  /** The hybrid logical clock of the profile fields as the hub holds them ('' from an older hub). */
  hlc: z.string().max(120).optional(),
});

/** The profile fields that won at the hub (last writer by hybrid logical clock): apply if newer. */
export const pulledMemberProfile = z.object({
  memberId: pulledText(64),
  name: z.string().min(1).max(200),
  birthday: z.string().max(10).nullable(),
  gender: z.enum(genders).catch('unspecified'),
  community: z.string().max(200).nullable(),
  interests: z.array(z.string().max(80)).max(50),
  updatedAt: pulledText(40),
  hlc: pulledText(120),
});

/** Two members are one person: the merged one's cards go to the survivor, lookups of it lead there. */
export const pulledMerge = z.object({
  mergeId: pulledText(64),
  survivorId: pulledText(64),
  mergedId: pulledText(64),
  at: pulledText(40),
});

export const pulledCard = z.object({
  number: pulledText(64),
  memberId: pulledText(64),
  status: z.enum(['active', 'blocked']),
  at: pulledText(40),
  reason: z.string().max(40).nullable().default(null),
});

/** One ledger entry as the hub recorded it; its id is the hub's (made from the event id). */
export const pulledPoints = z.object({
  id: pulledText(80),
  memberId: pulledText(64),
  kind: z.enum(['earn', 'redeem', 'adjust', 'expire', 'reverse']),
  points: z.number().int(),
  reason: z.string().max(200),
  sourceId: z.string().max(80).nullable(),
  storeId: pulledText(64),
  terminalId: pulledText(64),
  at: pulledText(40),
});

/** A personal coupon issued at some shop; its definition rides along for terminals that lack it. */
export const pulledCoupon = z.object({
  code: pulledText(64),
  definitionId: pulledText(64),
  memberId: pulledText(64),
  issuedAt: pulledText(40),
  definition: couponDefinitionWire.nullable().default(null),
});

/**
 * One use (+1, with a sale) or return (-1, with a refund) of a coupon at some shop; its id is the
 * hub's. `counted` false: an earlier use kept the coupon and this one is a recorded coupon_reused
 * conflict (it reaches the shop that made it too, so every terminal counts the coupon used once).
 */
export const pulledCouponUse = z.object({
  id: pulledText(80),
  code: pulledText(64),
  definitionId: pulledText(64),
  memberId: z.string().max(64).nullable(),
  saleId: pulledText(64),
  refundId: z.string().max(64).nullable(),
  delta: z.union([z.literal(1), z.literal(-1)]),
  storeId: pulledText(64),
  terminalId: pulledText(64),
  at: pulledText(40),
  counted: z.boolean(),
});

export const pulledChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), data: pulledMember }),
  z.object({ kind: z.literal('card'), data: pulledCard }),
  z.object({ kind: z.literal('points'), data: pulledPoints }),
  z.object({ kind: z.literal('member_profile'), data: pulledMemberProfile }),
  z.object({ kind: z.literal('merge'), data: pulledMerge }),
  z.object({ kind: z.literal('coupon'), data: pulledCoupon }),
  z.object({ kind: z.literal('coupon_use'), data: pulledCouponUse }),
  ...pulledCatalogueChanges,
  ...pulledEventChanges,
]);
export type PulledChange = z.infer<typeof pulledChange>;
export type PulledChangeKind = PulledChange['kind'];

export const pullResponse = z.object({
  changes: z.array(pulledChange),
  /** Pass as `after` next time; never behind a row the answer did not hold. */
  cursor: z.string().max(40),
  /** More changes are ready: pull again at once instead of waiting. */
  more: z.boolean(),
  /** Asked with count=1: changes of the stream after `cursor` when the answer was made (a progress bar's total). */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;
