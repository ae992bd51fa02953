// The terminal's role and idle timeout, kept in settings so a restart keeps them. A manager sets
// them at the counter; `--role self-service` at start does the same for an unattended install.
import { idleSecondsRange, terminalRoles, type SelfServiceSettings, type TerminalRole } from '../../contract';
import type { TerminalStore } from '../../db/store';
import type { SomeHandlers } from '../handler';

const roleKey = 'terminal.role';
const idleKey = 'terminal.idle_seconds';

const isRole = (value: unknown): value is TerminalRole =>
  typeof value === 'string' && (terminalRoles as readonly string[]).includes(value);

export function readSelfServiceSettings(store: TerminalStore): SelfServiceSettings {
  const role = store.settings.get(roleKey);
  const idle = Number(store.settings.get(idleKey));
  return {
    role: isRole(role) ? role : 'counter',
    idleSeconds:
      Number.isInteger(idle) && idle >= idleSecondsRange.min && idle <= idleSecondsRange.max
        ? idle
        : idleSecondsRange.default,
  };
}

export function writeSelfServiceSettings(
  store: TerminalStore,
  next: Partial<SelfServiceSettings>,
): SelfServiceSettings {
  store.transaction(() => {
    if (next.role) store.settings.set(roleKey, next.role);
    if (next.idleSeconds !== undefined) store.settings.set(idleKey, String(next.idleSeconds));
  });
  return readSelfServiceSettings(store);
}

export const terminalRoleHandlers = {
  getSelfServiceSettings: (_input, { ports }) => readSelfServiceSettings(ports.store),
  setSelfServiceSettings(input, { ports }) {
    const settings = writeSelfServiceSettings(ports.store, {
      role: input.role,
      ...(input.idleSeconds !== undefined ? { idleSeconds: input.idleSeconds } : {}),
    });
    // A customer left in the session of a terminal that becomes a counter is forgotten.
    if (settings.role !== 'self-service') ports.customer.end();
    ports.events.emit('selfServiceSettings', settings);
    return settings;
  },
} satisfies SomeHandlers;
