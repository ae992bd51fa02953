import 'i18next';
import type { zhCN } from './zh-CN';

// Every t('…') key (and every key of <Trans i18nKey>) is checked at compile time against the zh-CN
// catalogue, the source of truth; en.ts is typed as Messages, so it must have exactly the same keys.
// Dynamic keys go through template-literal types built from unions (t(`errors.${code}`) with an
// ErrorCode), so a code without a message fails tsc too. keys.test.ts proves the check can fail.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    // A defaultValue must not hide a missing key either.
    strictKeyChecks: true;
  }
}
