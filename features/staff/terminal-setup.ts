import { LinliError, limits, type SessionInfo, type TerminalSetupInput } from '../../contract';
import { validateName } from '../../domain/member-input';
import { hashPin } from './pin-hash';
import type { ServiceContext } from '../context';
import { sessionInfo } from './staff-session';

/**
 * A terminal started without demo data has no store and nobody who could log in. The first person
 * at the screen names the store and becomes its manager; after that this is refused for good
 * (more staff and store changes come from the hub).
 */
export function setupTerminal(ctx: ServiceContext, input: TerminalSetupInput): SessionInfo {
  if (ctx.storeId()) throw new LinliError('SETUP_ALREADY_DONE');
  const storeName = typeof input?.storeName === 'string' ? input.storeName.trim().replace(/\s+/g, ' ') : '';
  if (!storeName || [...storeName].length > limits.communityMax || /[\p{Cc}]/u.test(storeName)) {
    throw new LinliError('STORE_NAME_INVALID', { max: limits.communityMax }, 'storeName');
  }
  const storeCode = typeof input.storeCode === 'string' ? input.storeCode.trim().toUpperCase() : '';
  if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(storeCode)) throw new LinliError('STORE_CODE_INVALID', undefined, 'storeCode');
  const managerName = validateName(input.managerName, 'managerName');
  const pin = input.pin;
  if (typeof pin !== 'string' || !/^\d+$/.test(pin) || pin.length < limits.pinMin || pin.length > limits.pinMax) {
    throw new LinliError('PIN_FORMAT', { min: limits.pinMin, max: limits.pinMax }, 'pin');
  }
  const at = ctx.now().toISOString();
  const storeId = ctx.newId();
  const staffId = ctx.newId();
  const pinHash = hashPin(pin);
  ctx.repos.transaction(() => {
    if (ctx.storeId()) throw new LinliError('SETUP_ALREADY_DONE');
    ctx.repos.stores.insert({ id: storeId, code: storeCode, name: storeName, currency: 'CNY', createdAt: at });
    ctx.repos.staff.insert({ id: staffId, storeId, name: managerName, role: 'manager', pinHash, createdAt: at });
    ctx.repos.settings.set('store_id', storeId);
    ctx.repos.audit.append({ id: ctx.newId(), at, staffId, action: 'terminal_setup', detail: { storeCode, terminalId: ctx.terminalId } });
  });
  ctx.session.staff = { id: staffId, name: managerName, role: 'manager' };
  const info = sessionInfo(ctx);
  ctx.emit('session', info);
  return info;
}
