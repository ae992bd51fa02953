// A use case as the dispatcher calls it: parsed input, and the caller (ports, who is logged in,
// and at a self-service terminal the customer a scan identified). Types flow from the contract's
// declaration, so a handler cannot drift from what clients send.
import type { KioskMethodName, MethodAccess, MethodOutput, ParsedInput, StaffSummary } from '../contract';
import type { CustomerSession, Ports } from './ports';

export interface Call<S extends StaffSummary | null = StaffSummary, C extends CustomerSession | null = null> {
  ports: Ports;
  /** The logged-in staff member; never null for methods declared `staff` or `manager`. */
  staff: S;
  /** The member in the customer session; never null for methods declared `customer`. */
  customer: C;
}

export type CallFor<M extends KioskMethodName> =
  MethodAccess<M> extends 'customer'
    ? Call<StaffSummary | null, CustomerSession>
    : MethodAccess<M> extends 'anyone' | 'kiosk'
      ? Call<StaffSummary | null, CustomerSession | null>
      : Call<StaffSummary, CustomerSession | null>;

export type Handler<M extends KioskMethodName> = (
  input: ParsedInput<M>,
  call: CallFor<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in KioskMethodName]: Handler<M> };
/** A feature's share of the handlers (features/app.ts checks that together they are all). */
export type SomeHandlers = Partial<Handlers>;
