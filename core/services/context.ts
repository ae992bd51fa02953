import type { KioskEventName, KioskEvents, StaffSummary } from '../contract';
import type { Repositories } from '../../db/repositories';

export interface ServiceContext {
  repos: Repositories;
  now: () => Date;
  newId: () => string;
  /** A uniformly random integer in [0, max). */
  randomInt: (max: number) => number;
  terminalId: string;
  storeId: () => string | null;
  session: { staff: StaffSummary | null };
  emit: <E extends KioskEventName>(event: E, payload: KioskEvents[E]) => void;
}
