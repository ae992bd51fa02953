import { LinliError, limits, type SessionInfo } from '../../contract';
import { validateName } from '../../domain/member-input';
import { ensureEntryTier } from '../catalogue/catalogue';
import { hashPin } from './pin-hash';
import type { SomeHandlers } from '../handler';
import { isPinFormat, sessionInfo } from './staff-session';

/**
 * A terminal started without demo data has no store and nobody who could log in. The first person
 * at the screen names the store and becomes its manager; after that this is refused for good
 * (more staff and store changes come from the hub). The store starts with the entry tier; products
 * and more tiers are the manager's to add (features/catalogue).
 */
export const setupHandlers = {
  setupTerminal(input, { ports }): SessionInfo {
    if (ports.config.storeId()) throw new LinliError('SETUP_ALREADY_DONE');
    const storeName = input.storeName.trim().replace(/\s+/g, ' ');
    if (!storeName || [...storeName].length > limits.communityMax || /[\p{Cc}]/u.test(storeName)) {
      throw new LinliError('STORE_NAME_INVALID', { max: limits.communityMax }, 'storeName');
    }
    const storeCode = input.storeCode.trim().toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(storeCode))
      throw new LinliError('STORE_CODE_INVALID', undefined, 'storeCode');
    const managerName = validateName(input.managerName, 'managerName');
    const pin = input.pin;
    if (!isPinFormat(pin)) {
      throw new LinliError('PIN_FORMAT', { min: limits.pinMin, max: limits.pinMax }, 'pin');
    }
    const at = ports.clock.now().toISOString();
    const storeId = ports.ids.newId();
    const staffId = ports.ids.newId();
    const pinHash = hashPin(pin);
    ports.store.transaction(() => {
      if (ports.config.storeId()) throw new LinliError('SETUP_ALREADY_DONE');
      ports.store.stores.insert({ id: storeId, code: storeCode, name: storeName, currency: 'CNY', createdAt: at });
      ports.store.staff.insert({ id: staffId, storeId, name: managerName, role: 'manager', pinHash, createdAt: at });
      ports.store.settings.set('store_id', storeId);
      // Members need a tier to be priced and earn points in; the manager renames it or adds more.
      ensureEntryTier(ports, staffId, at);
      ports.store.audit.append({
        id: ports.ids.newId(),
        at,
        staffId,
        action: 'terminal_setup',
        detail: { storeCode, terminalId: ports.config.terminalId },
      });
    });
    ports.session.set({ id: staffId, name: managerName, role: 'manager' });
    const info = sessionInfo(ports);
    ports.events.emit('session', info);
    return info;
  },
} satisfies SomeHandlers;
