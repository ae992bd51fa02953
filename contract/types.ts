// Plain data that crosses the API: JSON-safe, no classes, no Dates (ISO strings instead).
import type { CouponDefinitionInfo, ProductInfo } from './loyalty-types';
import type { QuoteEntrant } from './contests-types';

export type Role = 'cashier' | 'manager';

export interface StaffSummary {
  id: string;
  name: string;
  role: Role;
}

export interface StoreInfo {
  id: string;
  code: string;
  name: string;
  currency: string;
}

export interface SessionInfo {
  staff: StaffSummary | null;
  store: StoreInfo | null;
  terminalId: string;
  /** The store's offset from UTC: screens show times as the receipts print them, whatever the OS clock zone. */
  utcOffsetMinutes: number;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  demo: boolean;
  host: 'electron' | 'browser';
}

export const consentPurposes = ['marketing_sms', 'marketing_wechat', 'marketing_email', 'data_processing'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export type ConsentSource = 'counter' | 'terminal';
export type ConsentChoices = Record<ConsentPurpose, boolean>;

export interface ConsentRecord {
  purpose: ConsentPurpose;
  granted: boolean;
  recordedAt: string;
  source: ConsentSource;
  staffId: string | null;
  staffName: string | null;
}

export const genders = ['female', 'male', 'other', 'unspecified'] as const;
export type Gender = (typeof genders)[number];

export type CardStatus = 'active' | 'blocked';
export const cardBlockReasons = ['lost', 'damaged', 'stolen', 'other'] as const;
export type CardBlockReason = (typeof cardBlockReasons)[number];

export interface CardInfo {
  number: string;
  status: CardStatus;
  issuedAt: string;
  blockedAt: string | null;
  blockReason: CardBlockReason | null;
}

export interface MemberSummary {
  id: string;
  name: string;
  phone: string; // E.164
  phoneDisplay: string; // national format for the counter
  community: string | null;
  enrolledAt: string;
  activeCard: string | null;
}

export interface MemberProfile extends MemberSummary {
  birthday: string | null;
  gender: Gender;
  interests: string[];
  referralCode: string;
  referredBy: MemberSummary | null;
  consents: ConsentRecord[];
  cards: CardInfo[];
  enrolledStore: string | null;
  enrolledBy: string | null;
}

export type EnrolResult = { created: true; member: MemberProfile } | { created: false; existing: MemberSummary };

export type SearchBy = 'card' | 'phone' | 'phoneSuffix' | 'name';

export interface SearchResult {
  by: SearchBy;
  members: MemberSummary[];
}

export const scanSources = ['wedge', 'hid', 'serial', 'camera', 'simulator'] as const;
export type ScanSource = (typeof scanSources)[number];

/** `via: 'qr'` is the member's rotating phone QR code (cardNumber is then their active card, if any). */
export type ScanOutcome =
  | { kind: 'member'; cardNumber: string | null; via?: 'card' | 'qr'; member: MemberProfile }
  | { kind: 'product'; product: ProductInfo }
  | { kind: 'coupon'; code: string; definition: CouponDefinitionInfo; memberId: string | null }
  /** A contest entrant's code: at checkout it goes in the coupon field and the sale votes for them. */
  | { kind: 'entrant'; code: string; entrant: QuoteEntrant };

export type { CardAssignment, EnrolInput, ScanInput, TerminalSetupInput } from './api-members';
