import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../contract';
import { translateError } from '../errors';

export function ErrorBanner({ error, onDismiss }: { error: ApiErrorShape | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error" data-code={error.code}>
      <span className="error-banner__text">{translateError(t, error)}</span>
      <button type="button" className="button button--ghost" data-testid="error-dismiss" onClick={onDismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
