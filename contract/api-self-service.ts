// The self-service terminal's own surface: its role, the customer session a scan opens, member
// home and the attract loop. Feature areas (rewards, events, contests, …) add their own methods.
import { z } from 'zod';
import { methodsOf } from './method';
import { scanInput } from './api-members';
import { int, noInput, oneOf } from './schema-kit';
import {
  idleSecondsRange,
  terminalRoles,
  type AttractSlide,
  type CustomerHome,
  type SelfServiceSettings,
} from './self-service-types';

const m = methodsOf('selfService');

export const selfServiceMethods = {
  getSelfServiceSettings: m.anyone(noInput).returns<SelfServiceSettings>(),
  /** A manager turns this terminal into a self-service one (or back); every window follows at once. */
  setSelfServiceSettings: m
    .manager(
      z.object({
        role: oneOf(terminalRoles, 'ROLE_INVALID', 'role'),
        idleSeconds: int('IDLE_SECONDS_INVALID', idleSecondsRange.min, idleSecondsRange.max, 'idleSeconds').optional(),
      }),
    )
    .returns<SelfServiceSettings>(),
  /** A card or phone-QR scan at the attract screen: the member it names becomes the customer. */
  startCustomer: m.kiosk(scanInput).returns<CustomerHome>(),
  customerHome: m.customer(noInput).returns<CustomerHome>(),
  /** Idle timeout or "done": the terminal forgets the customer. */
  endCustomer: m.kiosk(noInput).returns<null>(),
  attractSlides: m.kiosk(noInput).returns<AttractSlide[]>(),
};

export interface SelfServiceEvents {
  selfServiceSettings: SelfServiceSettings;
}
