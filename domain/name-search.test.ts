import { describe, expect, it } from 'vitest';
import { nameIndexText, nameMatchQuery } from './name-search';

describe('name search tokens', () => {
  it('indexes Chinese characters one by one and Latin words whole', () => {
    expect(nameIndexText('王小明')).toBe('王 小 明');
    expect(nameIndexText('Anna-Lena  Müller')).toBe('anna lena müller');
    expect(nameIndexText('王 Alice')).toBe('王 alice');
  });

  it('searches Chinese as a phrase and Latin by prefix', () => {
    expect(nameMatchQuery('小明')).toBe('"小 明"');
    expect(nameMatchQuery('ali mü')).toBe('"ali"* "mü"*');
  });

  it('neutralises FTS syntax typed into the box', () => {
    expect(nameMatchQuery('"a* OR b')).toBe('"a"* "or"* "b"*');
    expect(nameMatchQuery('***')).toBeNull();
  });
});
