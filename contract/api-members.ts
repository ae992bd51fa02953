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
  TerminalSetupInput,
} from './types';

/**
 * Staff sessions, members, cards, consents and scans. One argument (a plain object) or none, one JSON-safe result;
 * failures reject with a LinliError. Both hosts (Electron IPC, browser HTTP) carry exactly this.
 */
export interface MemberMethods {
  getAppInfo(): Promise<AppInfo>;
  getSession(): Promise<SessionInfo>;
  listStaff(): Promise<StaffSummary[]>;
  login(input: { staffId: string; pin: string }): Promise<SessionInfo>;
  /** Only while the terminal has no store: creates it and its first manager, who is then logged in. */
  setupTerminal(input: TerminalSetupInput): Promise<SessionInfo>;
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

export const memberMethodNames = [
  'getAppInfo',
  'getSession',
  'listStaff',
  'login',
  'setupTerminal',
  'logout',
  'enrolMember',
  'searchMembers',
  'getMember',
  'assignCard',
  'blockCard',
  'replaceCard',
  'updateConsents',
  'handleScan',
] as const satisfies readonly (keyof MemberMethods)[];
