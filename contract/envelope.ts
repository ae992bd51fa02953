import { LinliError, isErrorCode, type ApiErrorShape } from './errors';
import {
  kioskMethodNames,
  type KioskApi,
  type KioskEventName,
  type KioskEvents,
  type KioskMethodName,
  type KioskMethods,
  type Unsubscribe,
} from './api';

/** The reply to one call on any transport: errors travel as data because IPC drops custom Error fields. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export type Invoke = (method: KioskMethodName, input: unknown) => Promise<Envelope>;
export type Subscribe = (listener: (event: KioskEventName, payload: unknown) => void) => Unsubscribe;

/**
 * What the Electron preload exposes as `window.linliBridge`: the raw transport, not the API.
 * Errors crossing contextBridge lose every field but the message, so the envelope is unwrapped on
 * the page side, by the same createApiClient the browser host uses.
 */
export interface KioskBridge {
  invoke: Invoke;
  subscribe: Subscribe;
}

declare global {
  interface Window {
    linliBridge?: KioskBridge;
  }
}

export function unwrapEnvelope<T>(envelope: unknown): T {
  if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
    const e = envelope as Envelope<T>;
    if (e.ok) return e.value;
    const { code, params, field, issues } = e.error ?? {};
    throw new LinliError(isErrorCode(code) ? code : 'INTERNAL', params, field, issues);
  }
  throw new LinliError('INTERNAL');
}

/** Builds a KioskApi from a transport; the Electron preload and the browser client both use it. */
export function createApiClient(invoke: Invoke, subscribe: Subscribe): KioskApi {
  const listeners = new Map<KioskEventName, Set<(payload: never) => void>>();
  let unsubscribeTransport: Unsubscribe | null = null;

  const ensureSubscribed = () => {
    if (unsubscribeTransport) return;
    unsubscribeTransport = subscribe((event, payload) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
    });
  };

  const methods = Object.fromEntries(
    kioskMethodNames.map((name) => [name, async (input?: unknown) => unwrapEnvelope(await invoke(name, input))]),
  ) as unknown as KioskMethods;

  return {
    ...methods,
    on<E extends KioskEventName>(event: E, listener: (payload: KioskEvents[E]) => void): Unsubscribe {
      ensureSubscribed();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
