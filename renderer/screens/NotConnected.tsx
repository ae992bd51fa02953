import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';

/**
 * A browser tab opened without the launch token (a bookmark, a new tab) cannot reach the API.
 * It says so plainly, instead of showing the first-run set-up as if the shop's data were gone.
 */
export function NotConnected() {
  const { t } = useTranslation();
  return (
    <main className="screen not-connected" data-testid="not-connected" aria-labelledby="not-connected-title">
      <h1 id="not-connected-title">{t('notConnected.title')}</h1>
      <p className="lead">{t('notConnected.body')}</p>
      <LanguageSwitch />
    </main>
  );
}
