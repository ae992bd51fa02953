// What a manager does with an event the hub refused: send it again (the hub was fixed or
// upgraded, the reason is gone) or drop it for good. Either is one transaction with its audit
// entry; a dropped event's whole content goes into the audit log, so dropping is never silent and
// what the hub never received can still be read at the terminal.
import { LinliError } from '../../contract';
import type { SomeHandlers } from '../handler';
import type { Ports } from '../ports';

type Action = 'sync_parked_resent' | 'sync_parked_dropped';

function decide(ports: Ports, staffId: string, id: string, action: Action) {
  const { store } = ports;
  store.transaction(() => {
    const event = store.outbox.parkedEvent(id);
    if (!event) throw new LinliError('SYNC_PARKED_UNKNOWN', undefined, 'id');
    if (action === 'sync_parked_resent') store.outbox.unpark(id);
    else store.outbox.dropParked(id);
    const { seq: _seq, ...kept } = event;
    store.audit.append({
      id: ports.ids.newId(),
      at: ports.clock.now().toISOString(),
      staffId,
      action,
      detail:
        action === 'sync_parked_dropped' ? { event: kept } : { eventId: id, type: event.type, reason: event.reason },
    });
  });
  // The relay wakes after every call (dispatch), so a resent event goes out at once.
  return ports.sync.status();
}

export const parkedEventHandlers = {
  resendParkedEvent: ({ id }, { ports, staff }) => decide(ports, staff.id, id, 'sync_parked_resent'),
  dropParkedEvent: ({ id }, { ports, staff }) => decide(ports, staff.id, id, 'sync_parked_dropped'),
} satisfies SomeHandlers;
