import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../contract';
import { translateError } from '../errors';

/** The message under one form field; `field` is the EnrolInput key the server names. */
export function FieldError({ field, error }: { field: string; error: ApiErrorShape | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field-error" data-testid={`field-error-${field}`}>
      {translateError(t, error)}
    </span>
  );
}
