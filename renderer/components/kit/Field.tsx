import type { ReactNode } from 'react';
import type { ApiErrorShape } from '../../../contract';
import { FieldError } from '../FieldError';

interface FieldProps {
  label: ReactNode;
  /** The input's name as the core names it in errors (`field`), for the message's test id. */
  field: string;
  error?: ApiErrorShape | null | undefined;
  /** A line under the input saying what is expected, instead of a placeholder that gets cut off. */
  hint?: ReactNode;
  required?: boolean;
  grow?: boolean;
  children: ReactNode;
}

/** A label, its input, an optional hint and the field's own error, in that order, in one box. */
export function Field({ label, field, error, hint, required, grow, children }: FieldProps) {
  const classes = ['field', grow ? 'field--grow' : '', error ? 'field--invalid' : ''].filter(Boolean).join(' ');
  return (
    <label className={classes}>
      <span className="field__label">
        {label}
        {required && <span className="required"> *</span>}
      </span>
      {children}
      {hint && <span className="field__hint">{hint}</span>}
      <FieldError field={field} error={error} />
    </label>
  );
}
