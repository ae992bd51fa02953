import type { KioskEventName, KioskEvents } from '../../contract';
import type { LinliCore } from '../../features/app';

/** Resolves with the first event of that name matching `match`, seen from now on. */
export function waitForEvent<E extends KioskEventName>(
  core: LinliCore,
  name: E,
  match: (payload: KioskEvents[E]) => boolean = () => true,
): Promise<KioskEvents[E]> {
  return new Promise((resolve) => {
    const stop = core.subscribe((event, payload) => {
      if (event !== name) return;
      if (!match(payload as KioskEvents[E])) return;
      stop();
      resolve(payload as KioskEvents[E]);
    });
  });
}

/** Every event of that name from now on, for assertions afterwards. */
export function recordEvents<E extends KioskEventName>(core: LinliCore, name: E): KioskEvents[E][] {
  const seen: KioskEvents[E][] = [];
  core.subscribe((event, payload) => {
    if (event === name) seen.push(payload as KioskEvents[E]);
  });
  return seen;
}
