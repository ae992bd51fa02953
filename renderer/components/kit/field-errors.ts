import type { ApiErrorShape } from '../../../contract';

/**
 * A refused form names its first wrong field in the error itself and every wrong field in `issues`;
 * a form wants them by field, so each input can show its own message at once. The first problem of a
 * field wins (that is the one the server found first). Errors that name no field are not here: the
 * form shows them by its submit button.
 */
export function fieldErrorsOf(error: ApiErrorShape | null | undefined): Record<string, ApiErrorShape> {
  const out: Record<string, ApiErrorShape> = {};
  if (!error) return out;
  for (const { issues: _all, ...issue } of [error, ...(error.issues ?? [])]) {
    if (issue.field && !out[issue.field]) out[issue.field] = issue;
  }
  return out;
}

/** True when the error belongs to none of `fields` (and so goes beside the form's submit button). */
export function isFormLevel(error: ApiErrorShape | null | undefined, fields: readonly string[]): boolean {
  if (!error) return false;
  const named = Object.keys(fieldErrorsOf(error));
  return named.length === 0 || !named.some((f) => fields.includes(f));
}

/** The error for a form's own line (beside its button or in its dialog), or null when its fields show it. */
export function formLevelError(
  error: ApiErrorShape | null | undefined,
  fields: readonly string[],
): ApiErrorShape | null {
  return error && isFormLevel(error, fields) ? error : null;
}
