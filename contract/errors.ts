// Every error a person can cause has a code here; the renderer translates `errors.<CODE>`.
export const errorCodes = [
  'NOT_LOGGED_IN',
  'SETUP_ALREADY_DONE',
  'STORE_NAME_INVALID',
  'STORE_CODE_INVALID',
  'FORBIDDEN',
  'STAFF_UNKNOWN',
  'PIN_FORMAT',
  'PIN_WRONG',
  'STAFF_LOCKED',
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'NAME_INVALID',
  'PHONE_REQUIRED',
  'PHONE_INVALID',
  'PHONE_DUPLICATE',
  'BIRTHDAY_INVALID',
  'GENDER_INVALID',
  'COMMUNITY_TOO_LONG',
  'INTERESTS_INVALID',
  'REFERRAL_UNKNOWN',
  'CONSENT_REQUIRED',
  'CARD_INVALID',
  'CARD_IN_USE',
  'CARD_UNKNOWN',
  'CARD_BLOCKED',
  'CARD_NOT_ACTIVE',
  'MEMBER_UNKNOWN',
  'PRODUCT_UNKNOWN',
  'PRODUCT_NAME_REQUIRED',
  'PRODUCT_NAME_TOO_LONG',
  'SKU_INVALID',
  'SKU_TAKEN',
  'BARCODE_INVALID',
  'BARCODE_TAKEN',
  'CATEGORY_INVALID',
  'PRICE_INVALID',
  'TIER_PRICE_ABOVE_LIST',
  'TIER_UNKNOWN',
  'TIER_CODE_INVALID',
  'TIER_NAME_REQUIRED',
  'TIER_NAME_TOO_LONG',
  'TIER_RANK_INVALID',
  'TIER_RANK_TAKEN',
  'TIER_THRESHOLD_INVALID',
  'TIER_THRESHOLD_ORDER',
  'TIER_WINDOW_INVALID',
  'TIER_MULTIPLIER_INVALID',
  'CATALOGUE_MANAGED_BY_HUB',
  'QUANTITY_INVALID',
  'SALE_EMPTY',
  'COUPON_UNKNOWN',
  'COUPON_EXPIRED',
  'COUPON_NOT_YET_VALID',
  'COUPON_USED',
  'COUPON_MIN_SPEND',
  'COUPON_NOT_MEMBER',
  'COUPON_MEMBER_REQUIRED',
  'COUPON_LIMIT_REACHED',
  'COUPON_OFFLINE',
  /** The brand's hub did not confirm an online-only coupon (a reason this terminal does not know). */
  'COUPON_HUB_REFUSED',
  'COUPON_NOT_APPLICABLE',
  'COUPON_DUPLICATE',
  'COUPON_DEFINITION_UNKNOWN',
  'POINTS_MEMBER_REQUIRED',
  'POINTS_INVALID',
  'POINTS_INSUFFICIENT',
  'POINTS_OVER_TOTAL',
  'REASON_REQUIRED',
  'REASON_TOO_LONG',
  'TENDER_INVALID',
  'TENDER_REFERENCE_REQUIRED',
  'TENDER_SHORT',
  'TENDER_OVERPAID',
  'REQUEST_ID_INVALID',
  'REQUEST_ID_REUSED',
  'SALE_UNKNOWN',
  'REFUND_EMPTY',
  'REFUND_QUANTITY',
  'QUERY_EMPTY',
  'QUERY_TOO_LONG',
  'QUERY_INVALID',
  'SCAN_INVALID',
  'SCAN_NOT_RECOGNISED',
  'MEMBER_QR_EXPIRED',
  'MEMBER_QR_INVALID',
  'DEVICE_UNKNOWN',
  'DEVICE_CONFIG_INVALID',
  'DEVICE_NAME_INVALID',
  'DEVICE_HOST_INVALID',
  'DEVICE_PORT_INVALID',
  'DEVICE_PATH_INVALID',
  'DEVICE_USB_PATH_INVALID',
  'DEVICE_USB_ID_INVALID',
  'WEDGE_RANGE',
  'WEDGE_AFFIX_INVALID',
  'WEDGE_TERMINATOR_REQUIRED',
  'PRINTER_NOT_CONFIGURED',
  'PRINTER_UNAVAILABLE',
  'DRAWER_NOT_CONFIGURED',
  'PRINT_JOB_UNKNOWN',
  'INVALID_INPUT',
  'TEXT_MALFORMED',
  'HOST_UNREACHABLE',
  'HUB_URL_INVALID',
  'HUB_CODE_INVALID',
  'HUB_TERMINAL_NAME_INVALID',
  'HUB_UNREACHABLE',
  'HUB_CODE_USED',
  'HUB_CODE_UNKNOWN',
  'HUB_ALREADY_REGISTERED',
  'HUB_NOT_REGISTERED',
  'HUB_UNAUTHORIZED',
  'HUB_BUSY',
  'HUB_ANSWER_INVALID',
  'SYNC_PARKED_UNKNOWN',
  // The self-service terminal (issue 10)
  'ROLE_INVALID',
  'IDLE_SECONDS_INVALID',
  /** A customer method called at a counter terminal. */
  'SELF_SERVICE_ONLY',
  /** The customer session ended (idle timeout, "done", another scan): scan the card again. */
  'CUSTOMER_SESSION_ENDED',
  // Rewards bought with points (issue 10)
  'REWARD_UNKNOWN',
  'REWARD_RETIRED',
  'REWARD_OUT_OF_STOCK',
  /** The member has fewer points than the reward costs (params cost, balance). */
  'REWARD_POINTS_SHORT',
  'REWARD_NAME_REQUIRED',
  'REWARD_NAME_TOO_LONG',
  'REWARD_KIND_INVALID',
  'REWARD_COST_INVALID',
  'REWARD_AMOUNT_INVALID',
  'REWARD_PRODUCT_REQUIRED',
  'REWARD_STOCK_INVALID',
  'REWARD_VALID_DAYS_INVALID',
  'REWARD_REQUEST_INVALID',
  // Contests and referrals (issue 10)
  'CONTEST_UNKNOWN',
  'CONTEST_NOT_RUNNING',
  'CONTEST_ENTRANT_UNKNOWN',
  'CONTEST_PURCHASES_OFF',
  'CONTEST_ONE_CODE_PER_SALE',
  'VOTE_ALREADY_TODAY',
  'REFERRAL_SELF',
  'REFERRAL_ALREADY_SET',
  'REFERRAL_TOO_LATE',
  // Self-enrolment: SMS codes and phone verification (issue 10)
  /** The SMS gateway did not take the message. */
  'SMS_SEND_FAILED',
  /** A new code for this number only after {{seconds}} s. */
  'SMS_RESEND_TOO_SOON',
  /** Too many codes for this number in an hour. */
  'SMS_RATE_LIMITED',
  'VERIFY_CODE_FORMAT',
  /** Wrong code; {{attemptsLeft}} tries left. */
  'VERIFY_CODE_WRONG',
  'VERIFY_CODE_EXPIRED',
  'VERIFY_TOO_MANY_ATTEMPTS',
  /** No such verification, or not verified yet, or already used. */
  'VERIFY_UNKNOWN',
  /** The verified number belongs to a member already (whose is never said). */
  'VERIFY_ALREADY_MEMBER',
  /** A product barcode or coupon scanned at the attract screen: only a member card or code starts. */
  'SCAN_NOT_MEMBER',
  // Ambassador posts, feedback and service requests (issue 10)
  'POST_URL_REQUIRED',
  'POST_URL_INVALID',
  'POST_URL_TOO_LONG',
  'POST_URL_NOT_HTTPS',
  /** The same post (same link once normalised) was submitted already. */
  'POST_DUPLICATE',
  'POST_UNKNOWN',
  'POST_STATUS_INVALID',
  'POST_DECISION_INVALID',
  'POST_REASON_REQUIRED',
  'POST_REASON_TOO_LONG',
  /** A post is approved or rejected once. */
  'POST_ALREADY_REVIEWED',
  'POST_POINTS_INVALID',
  'FEEDBACK_RATING_INVALID',
  'FEEDBACK_TAG_INVALID',
  'FEEDBACK_COMMENT_TOO_LONG',
  'REQUEST_KIND_INVALID',
  'REQUEST_DESCRIPTION_REQUIRED',
  'REQUEST_DESCRIPTION_TOO_LONG',
  'REQUEST_TIME_REQUIRED',
  'REQUEST_TIME_INVALID',
  'REQUEST_STATUS_INVALID',
  'REQUEST_UNKNOWN',
  'REQUEST_CLOSED',
  'REQUEST_ANSWER_REQUIRED',
  'REQUEST_ANSWER_TOO_LONG',
  // Community events (issue 10)
  'EVENT_NOT_FOUND',
  'EVENT_TITLE_REQUIRED',
  'EVENT_DESCRIPTION_TOO_LONG',
  'EVENT_PLACE_TOO_LONG',
  'EVENT_TIME_INVALID',
  'EVENT_CAPACITY_INVALID',
  'EVENT_POINTS_INVALID',
  /** A chain-wide event is the brand's: it is changed through the hub, not at a terminal. */
  'EVENT_CHAIN_ONLY',
  'EVENT_CANCELLED',
  /** The event has started or is over: no more sign-ups. */
  'EVENT_CLOSED',
  'EVENT_FULL',
  'EVENT_ALREADY_SIGNED_UP',
  'EVENT_NOT_SIGNED_UP',
  'TICKET_UNKNOWN',
  'TICKET_ALREADY_USED',
  /** A waiting-list or cancelled ticket holds no seat. */
  'TICKET_NOT_CONFIRMED',
  'KIOSK_EXIT_MANAGER_ONLY',
  /** The PIN was right, but the host could not close the kiosk window (e.g. systemctl failed). */
  'KIOSK_EXIT_FAILED',
  /** The export target is no longer there (a USB drive pulled out) or was never listed. */
  'DIAGNOSTICS_TARGET_GONE',
  /** The export target cannot be written (read-only, full, or not a folder). */
  'DIAGNOSTICS_TARGET_NOT_WRITABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What crosses a process boundary: a code, interpolation values, and the form field it belongs to. */
export interface ApiErrorShape {
  code: ErrorCode;
  params?: Record<string, string | number>;
  field?: string;
  /** Every problem of a refused form, when there is more than one (the first is the error itself). */
  issues?: ApiErrorShape[];
}

export class LinliError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly field?: string;
  readonly issues?: ApiErrorShape[];

  constructor(code: ErrorCode, params?: Record<string, string | number>, field?: string, issues?: ApiErrorShape[]) {
    super(code);
    this.name = 'LinliError';
    this.code = code;
    if (params) this.params = params;
    if (field) this.field = field;
    if (issues) this.issues = issues;
  }

  toShape(): ApiErrorShape {
    return {
      code: this.code,
      ...(this.params ? { params: this.params } : {}),
      ...(this.field ? { field: this.field } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
