// Reading an admin request body with the contract's schema. The catalogue's schemas are the
// terminal's (api-catalogue.ts), whose issues carry an error code and field: the refusal names the
// field, so a person (or the console) knows which value to fix, and nothing is written.
import type { ZodType } from 'zod';
import { inputError } from '../../contract';
import { HubError } from './errors';

export function parseAdmin<T>(schema: ZodType<T, unknown>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problem = inputError(result.error);
  const params = problem.params ? ` ${JSON.stringify(problem.params)}` : '';
  throw new HubError('BAD_REQUEST', 400, `${problem.field ?? 'body'}: ${problem.code}${params}`, problem.field);
}

/** A refusal about one field of the request that the schema could not know (unknown tier, taken code). */
export const badField = (field: string, message: string) =>
  new HubError('BAD_REQUEST', 400, `${field}: ${message}`, field);
