import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TFunction } from 'i18next';
import { createElement } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../contract';
import { en } from './en';
import { createI18n } from './index';
import { zhCN, type Messages } from './zh-CN';

// Two halves. The functions below are never called: tsc (npm run typecheck) checks them, and each
// expect-error directive turns into an "unused directive" error the moment the key check stops
// working (i18next.d.ts dropped, resources widened to string, en loosened...). The tests after
// them run in vitest without tsc and look up every literal key the renderer's source passes to t().

export function keyChecksForTscOnly(t: TFunction, code: ErrorCode, fallbackCode: 'PIN_WRONG' | 'CARD_IN_USE') {
  t('app.title');
  t('checkout.total'); // spread in from loyalty-zh-CN.ts
  t(`errors.${code}`);
  t(`errorFallbacks.${fallbackCode}`);
  // @ts-expect-error misspelt key
  t('app.titel');
  // @ts-expect-error misspelt group
  t('ap.title');
  // @ts-expect-error a group is not a message (returnObjects is off)
  t('app');
  // @ts-expect-error only four error codes have fallback wording, so any ErrorCode is too wide
  t(`errorFallbacks.${code}`);
  // @ts-expect-error a defaultValue does not excuse a missing key (strictKeyChecks)
  t('app.nope', 'fallback');
  // @ts-expect-error there is only the one namespace
  t('other:app.title');

  const i18n = createI18n('en');
  i18n.t('nav.search');
  // @ts-expect-error the instance's t is checked too
  i18n.t('nav.serch');

  const { t: hookT } = useTranslation();
  hookT('login.submit');
  // @ts-expect-error so is react-i18next's
  hookT('login.submt');

  createElement(Trans, { i18nKey: 'app.loading' });
  // @ts-expect-error and <Trans i18nKey>
  createElement(Trans, { i18nKey: 'app.loadin' });
}

export function catalogueShapeChecksForTscOnly() {
  const exact: Messages = en;
  // @ts-expect-error en may not have a key zh-CN lacks
  const extraLeaf: Messages = { ...en, app: { ...en.app, bogus: 'x' } };
  // @ts-expect-error nor a group
  const extraGroup: Messages = { ...en, bogus: { x: 'x' } };
  const { title: _title, ...appWithoutTitle } = en.app;
  // @ts-expect-error nor miss one
  const missingLeaf: Messages = { ...en, app: appWithoutTitle };
  // @ts-expect-error messages are strings
  const notString: Messages = { ...en, app: { ...en.app, title: 1 } };
  return [exact, extraLeaf, extraGroup, missingLeaf, notString];
}

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string | Tree | undefined {
  return path
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
}

const rendererDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(): string[] {
  return readdirSync(rendererDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.(test|d)\.tsx?$/.test(f) && !f.startsWith(`i18n`))
    .map((f) => join(rendererDir, f));
}

type Use = { file: string; line: number; key: string; prefix: boolean };

/** Keys passed to t(…) / i18n.t(…) / <Trans i18nKey>: literals, both arms of a ternary, and the fixed head of a template. */
function keyUses(file: string): Use[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const uses: Use[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const collect = (arg: ts.Expression | undefined) => {
    if (!arg) return;
    if (ts.isParenthesizedExpression(arg)) collect(arg.expression);
    else if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))
      uses.push({ file, line: at(arg), key: arg.text, prefix: false });
    else if (ts.isConditionalExpression(arg)) {
      collect(arg.whenTrue);
      collect(arg.whenFalse);
    } else if (ts.isTemplateExpression(arg) && arg.head.text.endsWith('.'))
      uses.push({ file, line: at(arg), key: arg.head.text.slice(0, -1), prefix: true });
    // Identifiers (e.g. a field's label) are left to tsc.
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (name === 't') collect(node.arguments[0]);
    }
    if (ts.isJsxAttribute(node) && node.name.getText(source) === 'i18nKey' && node.initializer) {
      const init = node.initializer;
      collect(ts.isJsxExpression(init) ? init.expression : init);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('translation keys used in the renderer', () => {
  const uses = sourceFiles().flatMap(keyUses);

  it('finds the calls (the scan itself works)', () => {
    expect(uses.filter((u) => !u.prefix).length).toBeGreaterThan(200);
    expect(uses.some((u) => u.prefix && u.key === 'errors')).toBe(true);
  });

  it('every literal key is a message in both languages', () => {
    for (const lang of [zhCN, en] as Tree[]) {
      const missing = uses.filter((u) => !u.prefix && typeof lookup(lang, u.key) !== 'string');
      expect(missing.map((u) => `${u.file.slice(rendererDir.length)}:${u.line} ${u.key}`)).toEqual([]);
    }
  });

  it('every template key starts at a group of messages in both languages', () => {
    for (const lang of [zhCN, en] as Tree[]) {
      const missing = uses.filter((u) => u.prefix && typeof lookup(lang, u.key) !== 'object');
      expect(missing.map((u) => `${u.file.slice(rendererDir.length)}:${u.line} ${u.key}.*`)).toEqual([]);
    }
  });
});
