import { describe, expect, it } from 'vitest';
import { enrolDefaults, enrolSchema, parseInterests, toEnrolInput } from './enrol-form';

describe('enrol form', () => {
  it('splits interests on ASCII and Chinese commas, trimming and dropping blanks', () => {
    expect(parseInterests(' 烘焙, 亲子，, 瑜伽 、 ')).toEqual(['烘焙', '亲子', '瑜伽']);
    expect(parseInterests('')).toEqual([]);
  });

  it('maps blanks to null and the card choice to a CardAssignment', () => {
    const base = { ...enrolDefaults, name: ' 王芳 ', phone: '13800138000' };
    expect(toEnrolInput(base)).toMatchObject({
      name: '王芳',
      birthday: null,
      community: null,
      referralCode: null,
      interests: [],
      card: { mode: 'generate' },
    });
    expect(toEnrolInput({ ...base, cardMode: 'none' }).card).toBeNull();
    expect(toEnrolInput({ ...base, cardMode: 'scan', cardNumber: ' 88001 ' }).card).toEqual({
      mode: 'scan',
      number: '88001',
    });
  });

  it('reports error codes as messages', () => {
    const result = enrolSchema.safeParse({ ...enrolDefaults, name: ' ', phone: '' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).sort();
    expect(messages).toEqual(['NAME_REQUIRED', 'PHONE_REQUIRED']);
  });
});
