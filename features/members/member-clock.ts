// This terminal's hybrid logical clock (domain/hlc.ts, decision 0022), kept in SQLite settings. A
// local edit of a member's profile, tier or consents takes the next timestamp inside the edit's own
// transaction, so the stored clock moves exactly when the edit commits. A change pulled from the
// hub moves the clock past the writer's timestamp: an edit made here afterwards is ordered after it
// even when this terminal's wall clock is hours behind the writer's.
import { receive, tick } from '../../domain/hlc';
import type { TerminalStore } from '../../db/store';
import type { Ports } from '../ports';

export const hlcSettingKey = 'hlc.last';

/** The timestamp of a local edit; call inside the edit's transaction. */
export function stampHlc(ports: Ports): string {
  const next = tick(ports.store.settings.get(hlcSettingKey), ports.clock.now().getTime(), ports.config.terminalId);
  ports.store.settings.set(hlcSettingKey, next);
  return next;
}

/**
 * A writer's timestamp seen in a pulled change (inside the page's transaction). The wall clock is
 * not read here: the next local edit's tick takes it into account.
 */
export function observeHlc(store: TerminalStore, remote: string | null | undefined): void {
  if (!remote) return;
  const node = store.settings.get('terminal_id') ?? 'terminal';
  store.settings.set(hlcSettingKey, receive(store.settings.get(hlcSettingKey), remote, 0, node));
}
