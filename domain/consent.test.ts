import { describe, expect, it } from 'vitest';
import { changedConsents, consentRecords, currentConsents, missingRequiredConsent } from './consent';

const all = { marketing_sms: true, marketing_wechat: false, marketing_email: false, data_processing: true };

describe('consent records', () => {
  it('records every purpose with time, source and staff at enrolment', () => {
    const records = consentRecords(all, { recordedAt: '2026-11-25T10:00:00.000Z', source: 'counter', staffId: 'S1' });
    expect(records).toHaveLength(4);
    expect(records.find((r) => r.purpose === 'marketing_sms')).toEqual({
      purpose: 'marketing_sms',
      granted: true,
      recordedAt: '2026-11-25T10:00:00.000Z',
      source: 'counter',
      staffId: 'S1',
    });
    expect(records.find((r) => r.purpose === 'marketing_email')?.granted).toBe(false);
  });

  it('requires consent to data processing', () => {
    expect(missingRequiredConsent(all)).toBeNull();
    expect(missingRequiredConsent({ ...all, data_processing: false })).toBe('data_processing');
  });

  it('only records purposes that changed', () => {
    expect(changedConsents(all, { ...all, marketing_email: true })).toEqual({ marketing_email: true });
    expect(changedConsents(all, all)).toEqual({});
  });

  it('takes the latest record per purpose as the one in force', () => {
    const first = consentRecords(all, { recordedAt: '2026-01-01T00:00:00.000Z', source: 'counter', staffId: null });
    const later = consentRecords(
      { marketing_sms: false },
      { recordedAt: '2026-02-01T00:00:00.000Z', source: 'terminal', staffId: null },
    );
    const current = currentConsents([...later, ...first]);
    expect(current).toHaveLength(4);
    expect(current.find((r) => r.purpose === 'marketing_sms')).toMatchObject({ granted: false, source: 'terminal' });
  });
});
