import { LinliError, limits, type SessionInfo, type StaffSummary } from '../../contract';
import { decideLogin } from '../../domain/pin-lockout';
import type { SomeHandlers } from '../handler';
import { utcOffset } from '../loyalty/loyalty-config';
import type { Ports } from '../ports';
import { verifyPin } from './pin-hash';

export function sessionInfo(ports: Ports): SessionInfo {
  const storeId = ports.config.storeId();
  return {
    staff: ports.session.current(),
    store: storeId ? ports.store.stores.get(storeId) : null,
    terminalId: ports.config.terminalId,
    utcOffsetMinutes: utcOffset(ports),
  };
}

export const isPinFormat = (pin: string) =>
  /^\d+$/.test(pin) && pin.length >= limits.pinMin && pin.length <= limits.pinMax;

// Logins of one staff member run one after another. The PIN check is slow and asynchronous (scrypt);
// run side by side, every attempt would read the failure count before any wrote it back, and a
// thousand parallel guesses would never lock the account.
const loginQueues = new WeakMap<Ports, Map<string, Promise<unknown>>>();
function oneAtATime<T>(ports: Ports, key: string, work: () => Promise<T>): Promise<T> {
  let queues = loginQueues.get(ports);
  if (!queues) loginQueues.set(ports, (queues = new Map()));
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.catch(() => {});
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/**
 * Checks a staff member's PIN with the lockout: a wrong PIN counts, too many lock the account, and
 * every attempt is audited. Answers the staff member when the PIN is right. The login and the kiosk
 * exit both check PINs here, so guesses at either count towards the same lockout.
 */
export function checkStaffPin(
  ports: Ports,
  input: { staffId: string; pin: string },
  purpose: 'login' | 'kiosk_exit' = 'login',
): Promise<StaffSummary> {
  if (!ports.store.staff.get(input.staffId)) throw new LinliError('STAFF_UNKNOWN');
  if (!isPinFormat(input.pin)) throw new LinliError('PIN_FORMAT', { min: limits.pinMin, max: limits.pinMax }, 'pin');
  return oneAtATime(ports, input.staffId, () => attemptPin(ports, input, purpose));
}

async function attemptPin(
  ports: Ports,
  { staffId, pin }: { staffId: string; pin: string },
  purpose: 'login' | 'kiosk_exit',
): Promise<StaffSummary> {
  // Read inside the queue: the previous attempt's count is already written.
  const staff = ports.store.staff.get(staffId);
  if (!staff) throw new LinliError('STAFF_UNKNOWN');
  const state = { failedAttempts: staff.failedAttempts, lockedUntil: staff.lockedUntil };
  const locked = decideLogin(state, null, ports.clock.now());
  // While locked, the (slow) PIN check is skipped altogether.
  const decision =
    locked.outcome === 'locked' ? locked : decideLogin(state, await verifyPin(pin, staff.pinHash), ports.clock.now());
  const at = ports.clock.now().toISOString();
  const audit = (
    action: 'login' | 'kiosk_exit' | 'login_failed' | 'login_locked' | 'login_refused_locked',
    detail: Record<string, unknown> = {},
  ) =>
    ports.store.audit.append({
      id: ports.ids.newId(),
      at,
      staffId: staff.id,
      action,
      detail: { terminalId: ports.config.terminalId, ...detail },
    });

  ports.store.transaction(() => {
    ports.store.staff.setLockout(staff.id, decision.next.failedAttempts, decision.next.lockedUntil);
    if (decision.outcome === 'ok') audit(purpose);
    else if (decision.outcome === 'wrong') audit('login_failed', { remaining: decision.remaining });
    else if (decision.outcome === 'locked_now') audit('login_locked', { until: decision.next.lockedUntil });
    else audit('login_refused_locked');
  });

  if (decision.outcome === 'wrong') throw new LinliError('PIN_WRONG', { remaining: decision.remaining }, 'pin');
  if (decision.outcome !== 'ok') throw new LinliError('STAFF_LOCKED', { minutes: decision.minutesLeft });
  return { id: staff.id, name: staff.name, role: staff.role };
}

export const staffHandlers = {
  getSession: (_input, { ports }) => sessionInfo(ports),
  listStaff: (_input, { ports }) => ports.store.staff.listActive(),
  async login(input, { ports }) {
    ports.session.set(await checkStaffPin(ports, input));
    const info = sessionInfo(ports);
    ports.events.emit('session', info);
    return info;
  },
  logout(_input, { ports, staff }) {
    if (staff) {
      ports.store.audit.append({
        id: ports.ids.newId(),
        at: ports.clock.now().toISOString(),
        staffId: staff.id,
        action: 'logout',
        detail: { terminalId: ports.config.terminalId },
      });
      ports.session.set(null);
    }
    const info = sessionInfo(ports);
    ports.events.emit('session', info);
    return info;
  },
} satisfies SomeHandlers;
