import { LinliError, limits, type SessionInfo, type StaffSummary } from '../../contract';
import { decideLogin } from '../../domain/pin-lockout';
import { verifyPin } from './pin-hash';
import type { ServiceContext } from '../context';
import { utcOffset } from '../loyalty/loyalty-config';

export function sessionInfo(ctx: ServiceContext): SessionInfo {
  const storeId = ctx.storeId();
  return {
    staff: ctx.session.staff,
    store: storeId ? ctx.repos.stores.get(storeId) : null,
    terminalId: ctx.terminalId,
    utcOffsetMinutes: utcOffset(ctx),
  };
}

export function requireStaff(ctx: ServiceContext): StaffSummary {
  if (!ctx.session.staff) throw new LinliError('NOT_LOGGED_IN');
  return ctx.session.staff;
}

export async function login(ctx: ServiceContext, input: { staffId: string; pin: string }): Promise<SessionInfo> {
  const { staffId, pin } = input ?? ({} as typeof input);
  const staff = typeof staffId === 'string' ? ctx.repos.staff.get(staffId) : null;
  if (!staff) throw new LinliError('STAFF_UNKNOWN');
  if (typeof pin !== 'string' || !/^\d+$/.test(pin) || pin.length < limits.pinMin || pin.length > limits.pinMax) {
    throw new LinliError('PIN_FORMAT', { min: limits.pinMin, max: limits.pinMax }, 'pin');
  }
  const state = { failedAttempts: staff.failedAttempts, lockedUntil: staff.lockedUntil };
  const locked = decideLogin(state, null, ctx.now());
  // While locked, the (slow) PIN check is skipped altogether.
  const decision = locked.outcome === 'locked' ? locked : decideLogin(state, await verifyPin(pin, staff.pinHash), ctx.now());
  const at = ctx.now().toISOString();
  const audit = (action: 'login' | 'login_failed' | 'login_locked' | 'login_refused_locked', detail: Record<string, unknown> = {}) =>
    ctx.repos.audit.append({ id: ctx.newId(), at, staffId: staff.id, action, detail: { terminalId: ctx.terminalId, ...detail } });

  ctx.repos.transaction(() => {
    ctx.repos.staff.setLockout(staff.id, decision.next.failedAttempts, decision.next.lockedUntil);
    if (decision.outcome === 'ok') audit('login');
    else if (decision.outcome === 'wrong') audit('login_failed', { remaining: decision.remaining });
    else if (decision.outcome === 'locked_now') audit('login_locked', { until: decision.next.lockedUntil });
    else audit('login_refused_locked');
  });

  if (decision.outcome === 'wrong') throw new LinliError('PIN_WRONG', { remaining: decision.remaining }, 'pin');
  if (decision.outcome !== 'ok') throw new LinliError('STAFF_LOCKED', { minutes: decision.minutesLeft });
  ctx.session.staff = { id: staff.id, name: staff.name, role: staff.role };
  const info = sessionInfo(ctx);
  ctx.emit('session', info);
  return info;
}

export function logout(ctx: ServiceContext): SessionInfo {
  const staff = ctx.session.staff;
  if (staff) {
    ctx.repos.audit.append({ id: ctx.newId(), at: ctx.now().toISOString(), staffId: staff.id, action: 'logout', detail: { terminalId: ctx.terminalId } });
    ctx.session.staff = null;
  }
  const info = sessionInfo(ctx);
  ctx.emit('session', info);
  return info;
}
