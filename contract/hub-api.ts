// What a terminal and its brand's hub say to each other over HTTP, declared once for both sides
// (the terminal's sync client in features/sync, the hub in hub/). Bodies are JSON; every request
// but registration carries `Authorization: Bearer <terminal credential>`.
import { z } from 'zod';
import { syncEventTypes } from './sync-events';

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
      | 'RATE_LIMITED'
      | 'ALREADY_EXISTS'
      | 'CODE_USED'
      | 'CODE_EXPIRED'
      | 'CODE_UNKNOWN'
      | 'INTERNAL';
    message: string;
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
