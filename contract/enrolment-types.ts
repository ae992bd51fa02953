// What the self-service enrolment answers: a code was sent, a code was checked.

/** A verification code is on its way to the phone. */
export interface EnrolCodeSent {
  verificationId: string;
  /** The number as the customer may see it again (138****0000). */
  maskedPhone: string;
  expiresAt: string;
  /** A new code may be asked for from this moment on. */
  resendAt: string;
  /**
   * Only on a demo terminal whose SMS sender is the log sender: the code itself, shown as a hint
   * so a demo can be completed without a phone. Always null with a real gateway.
   */
  demoCode: string | null;
}

/** The code was right. Only now may the terminal say whether the number is already a member. */
export interface EnrolCodeChecked {
  alreadyMember: boolean;
}

/** How a code is sent: the operator's SMS gateway (webhook) or the host's log (demo). */
export type SmsSenderKind = 'webhook' | 'log';
