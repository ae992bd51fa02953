// The building blocks of every input schema in the contract. Each field says which error code a
// person sees when it is wrong (and which form field it belongs to), so a validation failure is as
// clear as any other refusal. zod carries only a message per issue: the code, field and params
// travel in it as JSON, and `inputError` (input-errors.ts) reads them back.
import { z } from 'zod';
import type { ErrorCode } from './errors';

export interface IssueTag {
  code: ErrorCode;
  /** The form field the error belongs to, when it is not the schema key itself. */
  field?: string;
  params?: Record<string, string | number>;
}

/** The zod `error` option for a field: every failure of this schema answers with this code. */
export const fail = (code: ErrorCode, more: Omit<IssueTag, 'code'> = {}) => ({
  error: () => JSON.stringify({ code, ...more } satisfies IssueTag),
});

// A lone UTF-16 surrogate cannot be stored as UTF-8 (SQLite, JSON to the hub, the printer's
// GB18030): it would come back as U+FFFD. And a U+FFFD that arrives means the text was already
// damaged on its way (a browser's input field replaces a lone surrogate with it). One rule for
// every string that crosses the API.
const malformed = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;
export const isWellFormed = (s: string): boolean => !malformed.test(s);

/**
 * A string field: `code` for a wrong-typed value (and a missing one, unless `missing` says
 * otherwise), `tooLong` (default: `code`) past `max` characters. Every string in the contract is
 * made here, so all are checked for well-formed Unicode.
 */
export function text(
  code: ErrorCode,
  opts: {
    max?: number;
    tooLong?: ErrorCode;
    missing?: ErrorCode;
    /** For text no person typed (a scanner's bytes): its own code instead of TEXT_MALFORMED. */
    malformed?: ErrorCode;
    /** Blank (empty or only spaces) is refused with `missing` (else `code`): it is a form's required field. */
    required?: boolean;
    field?: string;
    params?: IssueTag['params'];
  } = {},
) {
  const max = opts.max ?? 1000;
  const tag = { ...(opts.field ? { field: opts.field } : {}), ...(opts.params ? { params: opts.params } : {}) };
  const { missing } = opts;
  const schema = z
    .string(
      missing ? { error: (issue) => fail(issue.input === undefined ? missing : code, tag).error() } : fail(code, tag),
    )
    .max(max, fail(opts.tooLong ?? code, { ...tag, params: { max, ...opts.params } }))
    .refine(isWellFormed, fail(opts.malformed ?? 'TEXT_MALFORMED', tag));
  return opts.required ? schema.refine((s) => s.trim() !== '', fail(missing ?? code, tag)) : schema;
}

/** A record id made on a terminal (ULID) or by the hub; an unknown one answers `code`. */
export const id = (code: ErrorCode, field?: string) => text(code, { max: 64, ...(field ? { field } : {}) });

/** A whole number in [min, max]. */
export function int(code: ErrorCode, min: number, max: number, field?: string) {
  const error = fail(code, field ? { field } : {});
  return z.number(error).int(error).min(min, error).max(max, error);
}

/** A method that takes nothing: hosts send null or nothing. */
export const noInput = z.undefined();

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, code: ErrorCode, field?: string) =>
  z.enum(values, fail(code, field ? { field } : {}));
