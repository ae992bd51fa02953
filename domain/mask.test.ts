import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './mask';

describe('maskName', () => {
  it('keeps the first and last character of a Chinese name of three or more', () => {
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });
  it('keeps only the family name of a two-character name', () => {
    expect(maskName('李娜')).toBe('李*');
  });
  it('keeps the initial of each word of a Latin name', () => {
    expect(maskName('Chen Jinka')).toBe('C*** J****');
    expect(maskName('Al')).toBe('A*');
  });
  it('never returns the name itself', () => {
    for (const name of ['王', 'A', '陈金卡', 'Zhang Wei']) expect(maskName(name)).not.toBe(name);
  });
});

describe('maskPhone', () => {
  it('hides the middle four digits of a mainland mobile number', () => {
    expect(maskPhone('+8613700000888')).toBe('137****0888');
  });
  it('keeps only the last four digits of other numbers', () => {
    expect(maskPhone('+85291234567')).toBe('*******4567');
  });
});
