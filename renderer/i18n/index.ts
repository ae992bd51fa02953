import i18next, { type i18n as I18n } from 'i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

const storageKey = 'linli.language';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    // Storage can be disabled (private mode, sandbox); the default is fine then.
    return defaultLanguage;
  }
}

/** A configured instance; the app uses the shared one below, tests can make their own. */
export function createI18n(lng: Language = defaultLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng,
    fallbackLng: defaultLanguage,
    // React escapes what it renders; escaping here too would show &lt; in names.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** The app's instance; main.tsx hands it to react-i18next through I18nextProvider. */
export const i18n = createI18n(storedLanguage());

function applyLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(storageKey, lng);
  } catch {
    // Not remembered across restarts then; switching still works.
  }
  await i18n.changeLanguage(lng);
}
