import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSelfService } from './self-service-context';

/** On every self-service screen: the shop, the language, larger text, and a way out for the customer. */
export function KioskBar({ largeText, onLargeText }: { largeText: boolean; onLargeText: (on: boolean) => void }) {
  const { t } = useTranslation();
  const { session, home, finish, navigate } = useSelfService();
  return (
    <header className="ss-bar">
      <button
        type="button"
        className="ss-bar__brand"
        data-testid="ss-brand"
        onClick={() => navigate(home ? { name: 'home' } : { name: 'attract' })}
      >
        <span className="ss-bar__logo" aria-hidden="true">
          邻
        </span>
        <span>{session?.store?.name ?? t('app.title')}</span>
      </button>
      <div className="ss-bar__actions">
        <button
          type="button"
          className="ss-button ss-button--ghost"
          aria-pressed={largeText}
          data-testid="ss-large-text"
          onClick={() => onLargeText(!largeText)}
        >
          {t('selfService.largeText')}
        </button>
        <LanguageSwitch />
        {home && (
          <button type="button" className="ss-button ss-button--ghost" data-testid="ss-finish" onClick={finish}>
            {t('selfService.finish')}
          </button>
        )}
      </div>
    </header>
  );
}
