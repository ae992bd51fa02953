import { consentPurposes, type ConsentChoices, type ConsentPurpose, type ConsentSource } from '../contract';

export interface NewConsent {
  purpose: ConsentPurpose;
  granted: boolean;
  recordedAt: string;
  source: ConsentSource;
  staffId: string | null;
}

/** Purposes without which we may not keep a member at all (China's PIPL: processing needs consent). */
export const requiredPurposes: readonly ConsentPurpose[] = ['data_processing'];

export function missingRequiredConsent(choices: ConsentChoices): ConsentPurpose | null {
  return requiredPurposes.find((purpose) => !choices[purpose]) ?? null;
}

/**
 * Consent is a history, never overwritten: each decision is a record with when, where and who.
 * At enrolment every purpose gets a record, so "not asked" never looks like "refused".
 */
export function consentRecords(
  choices: Partial<ConsentChoices>,
  at: { recordedAt: string; source: ConsentSource; staffId: string | null },
): NewConsent[] {
  return consentPurposes
    .filter((purpose) => typeof choices[purpose] === 'boolean')
    .map((purpose) => ({ purpose, granted: choices[purpose] === true, ...at }));
}

/** Only changed purposes make new records, so re-saving a form does not flood the history. */
export function changedConsents(
  current: Partial<ConsentChoices>,
  wanted: Partial<ConsentChoices>,
): Partial<ConsentChoices> {
  const changed: Partial<ConsentChoices> = {};
  for (const purpose of consentPurposes) {
    const want = wanted[purpose];
    if (typeof want === 'boolean' && want !== (current[purpose] ?? false)) changed[purpose] = want;
  }
  return changed;
}

/** The latest record per purpose is the one in force. */
export function currentConsents<T extends { purpose: ConsentPurpose; recordedAt: string }>(records: T[]): T[] {
  const latest = new Map<ConsentPurpose, T>();
  for (const record of records) {
    const seen = latest.get(record.purpose);
    if (!seen || seen.recordedAt <= record.recordedAt) latest.set(record.purpose, record);
  }
  return consentPurposes.flatMap((purpose) => (latest.has(purpose) ? [latest.get(purpose)!] : []));
}
