import type { ApiErrorShape } from './errors';
import type {
  AppInfo,
  CardAssignment,
  CardBlockReason,
  ConsentChoices,
  EnrolInput,
  EnrolResult,
  MemberProfile,
  ScanInput,
  ScanOutcome,
  SearchResult,
  SessionInfo,
  StaffSummary,
} from './types';

/**
 * Every request the UI can make. One argument (a plain object) or none, one JSON-safe result;
 * failures reject with a LinliError. Both hosts (Electron IPC, browser HTTP) carry exactly this.
 */
export interface KioskMethods {
  getAppInfo(): Promise<AppInfo>;
  getSession(): Promise<SessionInfo>;
  listStaff(): Promise<StaffSummary[]>;
  login(input: { staffId: string; pin: string }): Promise<SessionInfo>;
  logout(): Promise<SessionInfo>;
  enrolMember(input: EnrolInput): Promise<EnrolResult>;
  searchMembers(input: { query: string }): Promise<SearchResult>;
  getMember(input: { memberId: string }): Promise<MemberProfile>;
  assignCard(input: { memberId: string; card: CardAssignment }): Promise<MemberProfile>;
  blockCard(input: { memberId: string; number: string; reason: CardBlockReason }): Promise<MemberProfile>;
  replaceCard(input: {
    memberId: string;
    number: string;
    reason: CardBlockReason;
    card: CardAssignment;
  }): Promise<MemberProfile>;
  updateConsents(input: { memberId: string; consents: Partial<ConsentChoices> }): Promise<MemberProfile>;
  handleScan(input: ScanInput): Promise<ScanOutcome>;
}

export type KioskMethodName = keyof KioskMethods;
export type MethodInput<M extends KioskMethodName> = Parameters<KioskMethods[M]>[0];
export type MethodOutput<M extends KioskMethodName> = Awaited<ReturnType<KioskMethods[M]>>;

export const kioskMethodNames = [
  'getAppInfo',
  'getSession',
  'listStaff',
  'login',
  'logout',
  'enrolMember',
  'searchMembers',
  'getMember',
  'assignCard',
  'blockCard',
  'replaceCard',
  'updateConsents',
  'handleScan',
] as const satisfies readonly KioskMethodName[];

// Fails to compile when a method is added to KioskMethods but not to the list above.
type MissingMethods = Exclude<KioskMethodName, (typeof kioskMethodNames)[number]>;
const _allMethodsListed: MissingMethods extends never ? true : MissingMethods = true;
void _allMethodsListed;

export function isKioskMethodName(value: unknown): value is KioskMethodName {
  return typeof value === 'string' && (kioskMethodNames as readonly string[]).includes(value);
}

/** Events pushed from the core to every UI. */
export interface KioskEvents {
  /** A scan from any source was routed (or refused). */
  scan: { input: ScanInput; outcome: ScanOutcome | null; error: ApiErrorShape | null };
  /** Who is logged in changed. */
  session: SessionInfo;
}

export type KioskEventName = keyof KioskEvents;
export const kioskEventNames = ['scan', 'session'] as const satisfies readonly KioskEventName[];

export type Unsubscribe = () => void;

export interface KioskEventSource {
  on<E extends KioskEventName>(event: E, listener: (payload: KioskEvents[E]) => void): Unsubscribe;
}

/** What the renderer sees as `window.linli`, whichever host it runs in. */
export type KioskApi = KioskMethods & KioskEventSource;
