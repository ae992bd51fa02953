// Self-enrolment at the self-service terminal: the phone number is verified by a code sent
// through the SMS sender, then name and consents, then the member is enrolled and becomes the
// customer (docs/decisions/0028-sms-verification.md).
import { z } from 'zod';
import { methodsOf } from './method';
import { enrolInput } from './api-members';
import { id, text } from './schema-kit';
import type { EnrolCodeChecked, EnrolCodeSent } from './enrolment-types';
import type { CustomerHome } from './self-service-types';

const m = methodsOf('enrolment');
const verificationId = id('VERIFY_UNKNOWN', 'verificationId');

export const enrolmentMethods = {
  /** Sends a code to the number (throttled per number); says nothing about whether it is a member. */
  requestEnrolCode: m.kiosk(z.object({ phone: enrolInput.shape.phone })).returns<EnrolCodeSent>(),
  verifyEnrolCode: m
    .kiosk(z.object({ verificationId, code: text('VERIFY_CODE_FORMAT', { max: 16, field: 'code' }) }))
    .returns<EnrolCodeChecked>(),
  /** With a verified number: enrols (the counter's rules, consent source 'terminal') and starts the customer session. */
  selfEnrol: m
    .kiosk(
      z.object({
        verificationId,
        name: enrolInput.shape.name,
        consents: enrolInput.shape.consents,
        referralCode: enrolInput.shape.referralCode,
      }),
    )
    .returns<CustomerHome>(),
};
