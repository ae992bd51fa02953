import type { KioskEventName, KioskEvents, ReceiptDocument, StaffSummary } from '../contract';
import type { Repositories } from '../db/repositories';

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
  /**
   * Where use cases send what should be printed (sale receipts, vouchers, tickets, reports).
   * The device area replaces it with the persistent print queue; until then nothing prints.
   * Returns the print job id, or null when there is no printing.
   */
  print: (doc: ReceiptDocument) => string | null;
}
