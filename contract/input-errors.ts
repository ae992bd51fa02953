// A failed schema becomes a LinliError like any other refusal: the first problem's code and
// field (what a banner shows), and every problem in `issues` (so a form can flag all its fields).
import type { z } from 'zod';
import { LinliError, isErrorCode, type ApiErrorShape } from './errors';
import type { IssueTag } from './schema-kit';

function tagOf(issue: z.core.$ZodIssue): ApiErrorShape {
  let tag: Partial<IssueTag> = {};
  try {
    tag = JSON.parse(issue.message) as Partial<IssueTag>;
  } catch {
    // An issue without our tag (a schema that did not say its code): the generic refusal.
  }
  const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
  const field = tag.field ?? key;
  return {
    code: isErrorCode(tag.code) ? tag.code : 'INVALID_INPUT',
    ...(tag.params ? { params: tag.params } : {}),
    ...(field ? { field } : {}),
  };
}

/** Every problem of a refused form as one error: the first is the error itself, all are in `issues`. */
export function formError(problems: readonly ApiErrorShape[]): LinliError {
  const first = problems[0] ?? { code: 'INVALID_INPUT' as const };
  return new LinliError(first.code, first.params, first.field, problems.length > 1 ? [...problems] : undefined);
}

export function inputError(error: z.ZodError): LinliError {
  return formError(error.issues.map(tagOf));
}
