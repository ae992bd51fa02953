import type { SmsConfig } from '../features/sms/sms-sender';
import { flagValue } from './data-dir';

/**
 * The SMS gateway for self-enrolment codes, as the operator configures it when starting the host:
 * `--sms-webhook URL` (or LINLI_SMS_WEBHOOK), the bearer token only from LINLI_SMS_TOKEN (a flag
 * would show in the process list), and `--sms-template JSON` (or LINLI_SMS_TEMPLATE). Without a
 * webhook the log sender is used. See docs/decisions/0028-sms-verification.md.
 */
export function smsOptions(argv: string[], env: NodeJS.ProcessEnv): SmsConfig {
  return {
    webhookUrl: flagValue(argv, '--sms-webhook') ?? (env.LINLI_SMS_WEBHOOK || null),
    token: env.LINLI_SMS_TOKEN || null,
    bodyTemplate: flagValue(argv, '--sms-template') ?? (env.LINLI_SMS_TEMPLATE || null),
  };
}
