import { useEffect, type RefObject } from 'react';

/**
 * After a refused submit, brings the form's first marked field into view and puts the cursor in
 * it: the Save button may sit a screen below the field that is wrong (the device set-up form on a
 * till's display). `refusal` is whatever changes with each refusal (the error value).
 */
export function useRevealInvalid(form: RefObject<HTMLElement | null>, refusal: unknown): void {
  useEffect(() => {
    if (!refusal) return;
    const first = form.current?.querySelector<HTMLElement>('.field--invalid');
    if (!first) return;
    first.scrollIntoView?.({ block: 'center' });
    first.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }, [form, refusal]);
}
