// The terminal's hub registration and sync status, for managers and the header.
import { LinliError } from '../../contract';
import type { SomeHandlers } from '../handler';
import type { Ports } from '../ports';
import { normaliseHubUrl, readRegisterAnswer, registrationError } from './hub-wire';
import { parkedEventHandlers } from './parked-events';
import { pullCursorKey } from './pull-apply';
import { catalogueCursorKey } from './pull-apply-catalogue';
import { hubKeys, readRegistration } from './registration';

async function register(ports: Ports, hubUrl: string, code: string, terminalName: string) {
  const url = normaliseHubUrl(hubUrl);
  if (!url) throw new LinliError('HUB_URL_INVALID', undefined, 'hubUrl');
  let answer;
  try {
    answer = await ports.sync.http.post(
      `${url}/v1/terminals/register`,
      { code: code.trim(), terminalName: terminalName.trim() },
      { timeoutMs: ports.sync.requestTimeoutMs },
    );
  } catch {
    throw new LinliError('HUB_UNREACHABLE', undefined, 'hubUrl');
  }
  if (answer.status !== 200 && answer.status !== 201) {
    const { code: error, field } = registrationError(answer.status, answer.body);
    throw new LinliError(error, undefined, field);
  }
  const registered = readRegisterAnswer(answer.body);
  if (!registered) throw new LinliError('HUB_ANSWER_INVALID', undefined, 'hubUrl');
  return { url, registered };
}

export const syncHandlers = {
  getSyncStatus: (_input, { ports }) => ports.sync.status(),
  async registerWithHub(input, { ports, staff }) {
    if (readRegistration(ports.store.settings)) throw new LinliError('HUB_ALREADY_REGISTERED');
    const { url, registered } = await register(ports, input.hubUrl, input.code, input.terminalName);
    const { settings } = ports.store;
    // The code is spent at the hub now: keep what it answered even if another manager registered
    // meanwhile (the last answer wins; both credentials are valid at the hub until revoked).
    ports.store.transaction(() => {
      settings.set(hubKeys.url, url);
      settings.set(hubKeys.terminalId, registered.terminalId);
      settings.set(hubKeys.credential, registered.credential);
      settings.set(hubKeys.storeId, registered.storeId);
      settings.set(hubKeys.storeName, registered.storeName);
      // A new registration reads every stream from its start: a cursor is one hub's, never another's.
      for (const key of [pullCursorKey, catalogueCursorKey]) settings.set(key, '');
      ports.store.audit.append({
        id: ports.ids.newId(),
        at: ports.clock.now().toISOString(),
        staffId: staff.id,
        action: 'hub_registered',
        detail: { hubUrl: url, hubTerminalId: registered.terminalId, terminalName: input.terminalName.trim() },
      });
    });
    ports.sync.start();
    return ports.sync.status();
  },
  async unregisterFromHub(_input, { ports, staff }) {
    const registration = readRegistration(ports.store.settings);
    if (!registration) throw new LinliError('HUB_NOT_REGISTERED');
    await ports.sync.stop();
    const { settings } = ports.store;
    // Settings have no delete: an empty value reads as "not registered". The outbox keeps its events.
    ports.store.transaction(() => {
      for (const key of [hubKeys.url, hubKeys.terminalId, hubKeys.credential, hubKeys.storeId, hubKeys.storeName])
        settings.set(key, '');
      ports.store.audit.append({
        id: ports.ids.newId(),
        at: ports.clock.now().toISOString(),
        staffId: staff.id,
        action: 'hub_unregistered',
        detail: { hubUrl: registration.url, hubTerminalId: registration.terminalId },
      });
    });
    ports.sync.reset();
    return ports.sync.status();
  },
  listParkedEvents: (_input, { ports }) =>
    ports.store.outbox.parked().map((e) => ({
      id: e.id,
      type: e.type,
      createdAt: e.createdAt,
      parkedAt: e.parkedAt,
      reason: e.reason,
      detail: e.detail,
    })),
  ...parkedEventHandlers,
} satisfies SomeHandlers;
