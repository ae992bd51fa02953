import type { ApiErrorShape } from './errors';
import type { ScanOutcome, SessionInfo } from './types';
import type { ScanInput } from './api-members';
import { memberMethods } from './api-members';
import { loyaltyMethods, type LoyaltyEvents } from './api-loyalty';
import { catalogueMethods, type CatalogueEvents } from './api-catalogue';
import { deviceMethods, type DeviceEvents } from './api-devices';
import { syncMethods, type SyncEvents } from './api-sync';
import { selfServiceMethods, type SelfServiceEvents } from './api-self-service';
import { rewardMethods } from './api-rewards';
import { contestMethods, type ContestEvents } from './api-contests';
import { referralMethods } from './api-referrals';
import { enrolmentMethods } from './api-enrolment';
import { postsMethods } from './api-posts';
import { careMethods } from './api-care';
import { eventMethods } from './api-events';
import { shellMethods } from './api-shell';
import { diagnosticsMethods } from './api-diagnostics';
import type { AccessOf, ClientMethod, InputOf, OutputOf, ParsedOf } from './method';

/**
 * Every request the UI can make, declared once per area (members, loyalty, catalogue, devices, sync): input schema,
 * access, output type. One argument (a plain object) or none, one JSON-safe result; failures reject
 * with a LinliError. Both hosts (Electron IPC, browser HTTP) carry exactly this.
 */
export const kioskMethods = {
  ...memberMethods,
  ...loyaltyMethods,
  ...catalogueMethods,
  ...deviceMethods,
  ...syncMethods,
  ...selfServiceMethods,
  ...rewardMethods,
  ...contestMethods,
  ...referralMethods,
  ...enrolmentMethods,
  ...postsMethods,
  ...careMethods,
  ...eventMethods,
  ...shellMethods,
  ...diagnosticsMethods,
};

type Declared = typeof kioskMethods;
export type KioskMethodName = keyof Declared;
/** What a client sends. */
export type MethodInput<M extends KioskMethodName> = InputOf<Declared[M]>;
/** What a use case receives: parsed, defaults filled in. */
export type ParsedInput<M extends KioskMethodName> = ParsedOf<Declared[M]>;
export type MethodOutput<M extends KioskMethodName> = OutputOf<Declared[M]>;
export type MethodAccess<M extends KioskMethodName> = AccessOf<Declared[M]>;

/** The API as a client sees it. */
export type KioskMethods = { [M in KioskMethodName]: ClientMethod<Declared[M]> };

export const kioskMethodNames = Object.keys(kioskMethods) as KioskMethodName[];

export function isKioskMethodName(value: unknown): value is KioskMethodName {
  return typeof value === 'string' && Object.hasOwn(kioskMethods, value);
}

/** Events pushed from the core to every UI. */
export interface KioskEvents
  extends LoyaltyEvents, CatalogueEvents, DeviceEvents, SyncEvents, SelfServiceEvents, ContestEvents {
  /** A scan from any source was routed (or refused). */
  scan: { input: ScanInput; outcome: ScanOutcome | null; error: ApiErrorShape | null };
  /** Who is logged in changed. */
  session: SessionInfo;
}

export type KioskEventName = keyof KioskEvents;

export type Unsubscribe = () => void;

export interface KioskEventSource {
  on<E extends KioskEventName>(event: E, listener: (payload: KioskEvents[E]) => void): Unsubscribe;
}

/** What the renderer works with, whichever host it runs in (see renderer/api). */
export type KioskApi = KioskMethods & KioskEventSource;
