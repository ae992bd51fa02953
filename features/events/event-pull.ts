// An event from the hub's catalogue stream: the brand's chain-wide events, other terminals' shop
// events, and every change of the seats the hub has counted. The event's fields follow the newer
// edit; the count is always the hub's latest.
import type { PulledEvent } from '../../contract';
import type { TerminalStore } from '../../db/store';

export function applyPulledEvent(store: TerminalStore, data: PulledEvent): boolean {
  const local = store.events.event(data.id);
  const { taken, ...event } = data;
  if (!local || event.updatedAt >= local.updatedAt) store.events.saveEvent(event);
  store.events.setHubTaken(data.id, taken);
  return true;
}
