import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="button button--ghost"
      data-testid="lang-switch"
      lang={next}
      onClick={() => void setLanguage(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
