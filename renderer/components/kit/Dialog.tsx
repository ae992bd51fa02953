import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../../contract';
import { InlineError } from './InlineError';

interface DialogProps {
  title: string;
  testId: string;
  /** A dialog is a form: Enter confirms. */
  onSubmit(): void;
  onCancel(): void;
  /** The error of the dialog's own action, shown inside the dialog above its buttons. */
  error?: ApiErrorShape | null | undefined;
  busy?: boolean;
  confirmLabel?: string;
  danger?: boolean;
  children?: ReactNode;
}

/** A modal over the screen with its own error line; Escape or Cancel closes it, Enter confirms. */
export function Dialog({
  title,
  testId,
  onSubmit,
  onCancel,
  error,
  busy,
  confirmLabel,
  danger,
  children,
}: DialogProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // The cursor starts in the first field; a dialog that destroys something (void) starts on Cancel,
  // so a stray Enter from the scanner cannot confirm it.
  useEffect(() => {
    const selector = danger ? '[data-dialog-cancel]' : 'input, select, textarea, button[type="submit"]';
    form.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [danger]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="dialog-backdrop">
      <form
        ref={form}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2>{title}</h2>
        {children}
        <InlineError error={error} testId={`${testId}-error`} />
        <div className="actions">
          <button
            type="button"
            className="button button--ghost"
            data-testid={`${testId}-cancel`}
            data-dialog-cancel
            onClick={onCancel}
          >
            {t('app.cancel')}
          </button>
          <button
            type="submit"
            className={`button ${danger ? 'button--danger' : 'button--primary'}`}
            data-testid={`${testId}-confirm`}
            disabled={busy}
          >
            {confirmLabel ?? t('app.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
