// Leaving the locked kiosk: the staff exit gesture opens a PIN prompt, and a manager's PIN (with the
// login's lockout) asks the host to close the kiosk window. Audited as kiosk_exit.
import { LinliError } from '../../contract';
import type { SomeHandlers } from '../handler';
import type { Ports } from '../ports';
import { checkStaffPin } from '../staff/staff-session';

export const kioskExitHandlers = {
  async exitKiosk(input, { ports }) {
    const staff = ports.store.staff.get(input.staffId);
    if (!staff) throw new LinliError('STAFF_UNKNOWN');
    // A cashier's PIN is never checked here, so trying one cannot lock the cashier out either.
    if (staff.role !== 'manager') throw new LinliError('KIOSK_EXIT_MANAGER_ONLY', {}, 'staffId');
    const manager = await checkStaffPin(ports, input, 'kiosk_exit');
    try {
      return { closing: await ports.shell.exit(manager) };
    } catch (error) {
      // The manager is told at once instead of waiting at "closing…" for a window that stays.
      ports.log.error({ err: error, staff: manager.name }, 'the kiosk window could not be closed');
      throw new LinliError('KIOSK_EXIT_FAILED');
    }
  },
} satisfies SomeHandlers;

/**
 * Someone is using the terminal: a staff member is logged in (a basket may be open), a customer is
 * at the self-service screens, or receipts are still printing. An update never restarts it then.
 */
export function terminalBusy(ports: Ports): boolean {
  return ports.session.current() !== null || ports.customer.active() || ports.store.printJobs.pendingCount() > 0;
}
