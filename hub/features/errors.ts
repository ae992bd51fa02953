import type { HubErrorCode, PushRejectReason } from '../../contract';

/** A refusal the server turns into its HTTP status and error body; the message is for people. */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    readonly status: number,
    message: string,
    /** The request field that is wrong (a 400 of the admin API), for the console to mark. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** A projection that cannot apply one event: that event alone is rejected, the batch goes on. */
export class EventRefused extends Error {
  constructor(
    readonly reason: PushRejectReason,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'EventRefused';
  }
}

/** A unique key already held by another row (both drivers report SQLSTATE on `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
