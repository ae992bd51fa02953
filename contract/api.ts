import type { ApiErrorShape } from './errors';
import type { ScanInput, ScanOutcome, SessionInfo } from './types';
import { memberMethodNames, type MemberMethods } from './api-members';
import { loyaltyMethodNames, type LoyaltyEvents, type LoyaltyMethods } from './api-loyalty';
import { deviceMethodNames, type DeviceEvents, type DeviceMethods } from './api-devices';

/**
 * Every request the UI can make, one interface per area (members, loyalty, devices). One argument
 * (a plain object) or none, one JSON-safe result; failures reject with a LinliError. Both hosts
 * (Electron IPC, browser HTTP) carry exactly this.
 */
export interface KioskMethods extends MemberMethods, LoyaltyMethods, DeviceMethods {}

export type KioskMethodName = keyof KioskMethods;
export type MethodInput<M extends KioskMethodName> = Parameters<KioskMethods[M]>[0];
export type MethodOutput<M extends KioskMethodName> = Awaited<ReturnType<KioskMethods[M]>>;

export const kioskMethodNames = [...memberMethodNames, ...loyaltyMethodNames, ...deviceMethodNames] as const;

// Fails to compile when a method is added to an interface but not to its list of names.
type MissingMethods = Exclude<KioskMethodName, (typeof kioskMethodNames)[number]>;
const _allMethodsListed: MissingMethods extends never ? true : MissingMethods = true;
void _allMethodsListed;

export function isKioskMethodName(value: unknown): value is KioskMethodName {
  return typeof value === 'string' && (kioskMethodNames as readonly string[]).includes(value);
}

/** Events pushed from the core to every UI. */
export interface KioskEvents extends LoyaltyEvents, DeviceEvents {
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
