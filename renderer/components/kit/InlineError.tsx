import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../../contract';
import { translateError } from '../../errors';

/**
 * An error shown where the action was taken (a dialog, the pay panel, beside a form's button), not in
 * the banner at the top of the page that the cashier is not looking at. It brings itself into view:
 * on a small till screen the panel may be scrolled.
 */
export function InlineError({ error, testId }: { error: ApiErrorShape | null | undefined; testId: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <p ref={box} className="inline-error" role="alert" data-testid={testId} data-code={error.code}>
      {translateError(t, error)}
    </p>
  );
}
