// The kiosk shell around the screens: a manager leaves the locked kiosk (the staff exit gesture,
// then a manager PIN). The host decides what "leave" means: Electron quits (its OS unit does not
// restart a clean exit); the browser host closes the kiosk Chromium it looks after.
import { z } from 'zod';
import { methodsOf } from './method';
import { staffPin } from './api-members';
import { id } from './schema-kit';

const m = methodsOf('shell');

export interface KioskExitResult {
  /** The host is closing the kiosk window; false where there is none to close (a plain browser tab). */
  closing: boolean;
}

export const shellMethods = {
  /**
   * Anyone may ask, since the kiosk is locked when nobody is logged in; only a manager's PIN opens it.
   * Wrong PINs count towards the same lockout as the login.
   */
  exitKiosk: m.anyone(z.object({ staffId: id('STAFF_UNKNOWN'), pin: staffPin })).returns<KioskExitResult>(),
};
