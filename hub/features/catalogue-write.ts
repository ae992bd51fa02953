// One admin write of the brand's catalogue: the row and its change in the `catalogue` stream in
// one transaction, then a NOTIFY after the commit so every terminal's long-poll wakes at once
// (never inside it: a listener woken early would read before the rows are visible).
import type { PulledChange } from '../../contract';
import type { HubStorage, Queryable } from '../storage';
import { adminSource, appendChange } from './changes';
import { eventsChannel } from './push';

export type CatalogueChange = Extract<
  PulledChange,
  { kind: 'product' | 'tier' | 'rules' | 'coupon_definition' | 'campaign' }
>;

/** Runs fn in a transaction; each change it returns is appended in the same transaction, in order. */
export async function catalogueWrite<T>(
  storage: HubStorage,
  fn: (tx: Queryable) => Promise<{ result: T; changes: CatalogueChange[] }>,
): Promise<T> {
  const result = await storage.transaction(async (tx) => {
    const out = await fn(tx);
    for (const change of out.changes) await appendChange(adminSource(tx), 'catalogue', change.kind, change.data);
    return out.result;
  });
  await storage.notify(eventsChannel, 'catalogue').catch(() => {});
  return result;
}
