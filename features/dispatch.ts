import {
  LinliError,
  inputError,
  isKioskMethodName,
  kioskMethods,
  type Envelope,
  type KioskMethodName,
} from '../contract';
import type { Call, Handlers } from './handler';
import type { Ports } from './ports';

export type Dispatch = (method: unknown, input: unknown) => Promise<Envelope>;

/**
 * The one place every call goes through, for every host: the method must be declared, the caller
 * must have the access it declares, and the input must parse; only then does the use case run,
 * with parsed, typed input. Unexpected errors are logged here and reach the UI only as INTERNAL:
 * no stack traces or SQL in the UI.
 */
export function createDispatch(handlers: Handlers, ports: Ports): Dispatch {
  return async (method, input) => {
    if (!isKioskMethodName(method)) return { ok: false, error: { code: 'INVALID_INPUT' } };
    try {
      return { ok: true, value: await run(method, input ?? undefined) };
    } catch (error) {
      if (error instanceof LinliError) return { ok: false, error: error.toShape() };
      ports.log.error({ err: error, method }, `${method} failed`);
      return { ok: false, error: { code: 'INTERNAL' } };
    }
  };

  async function run<M extends KioskMethodName>(method: M, input: unknown): Promise<unknown> {
    const spec = kioskMethods[method];
    const staff = ports.session.current();
    const selfService = spec.access === 'kiosk' || spec.access === 'customer';
    if (selfService && ports.role.current() !== 'self-service') throw new LinliError('SELF_SERVICE_ONLY');
    if (!selfService && spec.access !== 'anyone' && !staff) throw new LinliError('NOT_LOGGED_IN');
    if (spec.access === 'manager' && staff?.role !== 'manager') throw new LinliError('FORBIDDEN');
    // Every customer call counts as a touch: the session lasts while the customer uses it.
    const customer = selfService ? ports.customer.touch() : null;
    if (spec.access === 'customer' && !customer) throw new LinliError('CUSTOMER_SESSION_ENDED');
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw inputError(parsed.error);
    const handler = handlers[method] as (input: unknown, call: Call<typeof staff, typeof customer>) => unknown;
    return handler(parsed.data, { ports, staff, customer });
  }
}
