import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../contract';
import { en } from './en';
import { zhCN } from './zh-CN';
import { createI18n } from './index';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  const zhKeys = leafKeys(zhCN as Tree).sort();
  const enKeys = leafKeys(en as Tree).sort();

  it('have exactly the same keys in both languages', () => {
    expect(enKeys).toEqual(zhKeys);
  });

  it('have no empty messages', () => {
    for (const lang of [zhCN, en] as Tree[]) {
      for (const key of leafKeys(lang)) {
        const value = key
          .split('.')
          .reduce<string | Tree | undefined>((node, part) => (node as Tree | undefined)?.[part], lang);
        expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of zhKeys) {
      const get = (tree: Tree) =>
        key.split('.').reduce<string | Tree | undefined>((n, p) => (n as Tree)[p], tree) as string;
      expect(placeholders(get(en as Tree)), key).toEqual(placeholders(get(zhCN as Tree)));
    }
  });

  it('translate every error code in both languages', () => {
    for (const code of errorCodes) {
      expect(zhCN.errors[code]?.trim(), `zh-CN ${code}`).toBeTruthy();
      expect(en.errors[code]?.trim(), `en ${code}`).toBeTruthy();
    }
    expect(Object.keys(zhCN.errors).sort()).toEqual([...errorCodes].sort());
  });

  it('interpolates error parameters', () => {
    const i18n = createI18n('en');
    expect(i18n.t('errors.STAFF_LOCKED', { minutes: 5 })).toContain('5 minutes');
    expect(i18n.t('errors.PIN_WRONG', { remaining: 2 })).toContain('2');
    expect(i18n.t('errors.PHONE_DUPLICATE', { name: '王芳' })).toContain('王芳');
    const zh = createI18n('zh-CN');
    expect(zh.t('errors.STAFF_LOCKED', { minutes: 5 })).toContain('5 分钟');
  });
});
