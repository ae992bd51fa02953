// How an API method is declared: once, as data. Its input is a zod schema (types come from it),
// its output type sits beside it, and `access` says who may call it. The hosts' dispatcher
// (features/dispatch.ts) validates input and checks access from this declaration, for every host.
import type { z } from 'zod';

/**
 * anyone: before login too; staff: a logged-in staff member; manager: a logged-in manager.
 * kiosk: a customer at a terminal in the self-service role, before (or without) a member scan;
 * customer: the same, once a scan has put a member in the terminal's customer session. Customer
 * methods never name a member: they act on the one the session holds (features/self-service).
 */
export type Access = 'anyone' | 'kiosk' | 'customer' | 'staff' | 'manager';

export type Area =
  | 'members'
  | 'loyalty'
  | 'catalogue'
  | 'devices'
  | 'sync'
  | 'selfService'
  | 'rewards'
  | 'events'
  | 'contests'
  | 'referrals'
  | 'posts'
  | 'care'
  | 'enrolment'
  | 'shell'
  | 'diagnostics';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown, A extends Access = Access> {
  area: Area;
  access: A;
  input: I;
  /** Never set: carries the output type, so the declaration holds both. */
  readonly output?: O;
}

/**
 * `const m = methodsOf('members')`, then `m.staff(schema).returns<MemberProfile>()`.
 * The area is stated once per file; access once per method.
 */
export function methodsOf(area: Area) {
  const make =
    <A extends Access>(access: A) =>
    <I extends z.ZodType>(input: I) => ({
      returns: <O>(): MethodSpec<I, O, A> => ({ area, access, input }),
    });
  return {
    anyone: make('anyone'),
    kiosk: make('kiosk'),
    customer: make('customer'),
    staff: make('staff'),
    manager: make('manager'),
  };
}

export type InputOf<S> = S extends MethodSpec<infer I> ? z.input<I> : never;
export type ParsedOf<S> = S extends MethodSpec<infer I> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
export type AccessOf<S> = S extends MethodSpec<z.ZodType, unknown, infer A> ? A : never;

/** What a client calls: no argument when the input may be left out. */
export type ClientMethod<S> =
  undefined extends InputOf<S>
    ? (input?: InputOf<S>) => Promise<OutputOf<S>>
    : (input: InputOf<S>) => Promise<OutputOf<S>>;
