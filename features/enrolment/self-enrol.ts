// Self-enrolment at the self-service terminal (issue 10): the number first, verified by a code
// sent through the SMS sender, then name and consents; the counter's enrolment use case creates
// the member and the customer session starts with them. Whether a number is already a member is
// said only after its code was verified, so the terminal cannot be used to probe numbers.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LinliError, type EnrolCodeChecked, type EnrolCodeSent } from '../../contract';
import { maskPhone } from '../../domain/mask';
import { validatePhone } from '../../domain/member-input';
import {
  checkCodeUsable,
  checkMaySend,
  formatCode,
  hourMs,
  isCodeShaped,
  verificationRules,
} from '../../domain/verification';
import type { SomeHandlers } from '../handler';
import { enrolment } from '../members/members';
import type { Ports } from '../ports';
import { customerHome } from '../self-service/member-home';

const hashCode = (salt: string, code: string): Buffer => createHash('sha256').update(`${salt}:${code}`).digest();

function storeName(ports: Ports): string {
  const storeId = ports.config.storeId();
  return (storeId && ports.store.stores.get(storeId)?.name) || 'Linli';
}

/** The demo hint: only a demo terminal whose sender is the log shows the code on screen. */
const showsDemoCode = (ports: Ports) => ports.sms.kind === 'log' && ports.store.settings.get('demo') === '1';

export const selfEnrolHandlers = {
  async requestEnrolCode(input, { ports }): Promise<EnrolCodeSent> {
    const phone = validatePhone(input.phone).e164;
    const now = ports.clock.now();
    const hourAgo = new Date(now.getTime() - hourMs).toISOString();
    const id = ports.ids.newId();
    const code = formatCode(ports.ids.randomInt(10 ** verificationRules.codeDigits));
    const expiresAt = new Date(now.getTime() + verificationRules.codeTtlMs).toISOString();
    // The limits are checked and the row written together: two taps cannot both pass the throttle.
    ports.store.transaction(() => {
      const sent = ports.store.phoneVerifications.sentToPhoneSince(phone, hourAgo);
      checkMaySend(
        now.getTime(),
        sent.map((row) => Date.parse(row.createdAt)),
        ports.store.phoneVerifications.countSentSince(hourAgo),
      );
      const salt = randomBytes(16).toString('hex');
      ports.store.phoneVerifications.insert({
        id,
        phone,
        purpose: 'enrol',
        codeHash: hashCode(salt, code).toString('hex'),
        salt,
        createdAt: now.toISOString(),
        expiresAt,
      });
    });
    try {
      await ports.sms.send({ phone, code, store: storeName(ports) });
    } catch (error) {
      // Never sent: it must not count against the number, and no code exists that nobody got.
      ports.store.phoneVerifications.remove(id);
      throw error instanceof LinliError ? error : new LinliError('SMS_SEND_FAILED');
    }
    return {
      verificationId: id,
      maskedPhone: maskPhone(phone),
      expiresAt,
      resendAt: new Date(now.getTime() + verificationRules.resendAfterMs).toISOString(),
      demoCode: showsDemoCode(ports) ? code : null,
    };
  },

  verifyEnrolCode(input, { ports }): EnrolCodeChecked {
    const row = ports.store.phoneVerifications.get(input.verificationId);
    if (!row) throw new LinliError('VERIFY_UNKNOWN');
    if (!isCodeShaped(input.code)) throw new LinliError('VERIFY_CODE_FORMAT', undefined, 'code');
    const now = ports.clock.now().toISOString();
    const usable = checkCodeUsable(row, now);
    if (!usable.ok) throw new LinliError(usable.code, undefined, 'code');
    const right = timingSafeEqual(hashCode(row.salt, input.code), Buffer.from(row.codeHash, 'hex'));
    if (!right) {
      const attempts = ports.store.phoneVerifications.addAttempt(row.id);
      const attemptsLeft = verificationRules.maxAttempts - attempts;
      if (attemptsLeft <= 0) throw new LinliError('VERIFY_TOO_MANY_ATTEMPTS', undefined, 'code');
      throw new LinliError('VERIFY_CODE_WRONG', { attemptsLeft }, 'code');
    }
    ports.store.phoneVerifications.markVerified(row.id, now);
    return { alreadyMember: ports.store.members.findByPhone(row.phone) !== null };
  },

  selfEnrol(input, { ports }) {
    const row = ports.store.phoneVerifications.get(input.verificationId);
    if (!row?.verifiedAt || row.usedAt) throw new LinliError('VERIFY_UNKNOWN');
    const now = ports.clock.now();
    if (now.getTime() - Date.parse(row.verifiedAt) > verificationRules.verifiedTtlMs)
      throw new LinliError('VERIFY_CODE_EXPIRED');
    if (ports.store.members.findByPhone(row.phone)) throw new LinliError('VERIFY_ALREADY_MEMBER');
    // Whoever was the customer before is forgotten, even if this enrolment is refused.
    ports.customer.end();
    const memberId = ports.store.transaction(() => {
      if (!ports.store.phoneVerifications.markUsed(row.id, now.toISOString())) throw new LinliError('VERIFY_UNKNOWN');
      const result = enrolment.enrol(
        ports,
        {
          name: input.name,
          phone: row.phone,
          consents: input.consents ?? {},
          referralCode: input.referralCode ?? null,
        },
        { source: 'terminal', staffId: null },
      );
      if (!result.created) throw new LinliError('VERIFY_ALREADY_MEMBER');
      return result.member.id;
    });
    ports.customer.start(memberId);
    return customerHome(ports, memberId);
  },
} satisfies SomeHandlers;
