import { LinliError, isKioskMethodName, type Envelope } from '../contract';
import type { LinliCore } from './app';

/**
 * Runs one API call for a host (IPC or HTTP) and always answers with an envelope. Unexpected
 * errors are logged here and reach the UI only as INTERNAL: no stack traces or SQL in the UI.
 */
export async function dispatch(core: LinliCore, method: unknown, input: unknown): Promise<Envelope> {
  if (!isKioskMethodName(method)) return { ok: false, error: { code: 'INVALID_INPUT' } };
  try {
    const fn = core.methods[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(input ?? undefined) };
  } catch (error) {
    if (error instanceof LinliError) return { ok: false, error: error.toShape() };
    console.error(`[linli] ${method} failed:`, error);
    return { ok: false, error: { code: 'INTERNAL' } };
  }
}
