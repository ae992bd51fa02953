import { createContext, useContext, useEffect, useRef } from 'react';
import type { CustomerHome, KioskApi, SessionInfo } from '../../contract';

/** The screens of the self-service terminal. Screens that need a member come after a scan. */
export type SelfRoute =
  | { name: 'attract' }
  | { name: 'home' }
  | { name: 'rewards' }
  | { name: 'events' }
  | { name: 'event'; eventId: string }
  | { name: 'contest' }
  | { name: 'referrals' }
  | { name: 'posts' }
  | { name: 'feedback' }
  | { name: 'serviceRequest' }
  | { name: 'enrol' };

export type SelfRouteName = SelfRoute['name'];

export interface SelfServiceServices {
  api: KioskApi;
  session: SessionInfo | null;
  /** The scanned member as the core sent them (masked), or null on the attract screen. */
  home: CustomerHome | null;
  /** Reads member home again (after a redemption, a sign-up, …). */
  refreshHome(): Promise<void>;
  /** Puts a member in the session (self-enrolment ends with the new member's home). */
  setHome(home: CustomerHome): void;
  navigate(route: SelfRoute): void;
  showError(error: unknown): void;
  clearError(): void;
  /** The customer is done (or the idle timeout ran out): forget them and show the attract screen. */
  finish(): void;
  /** While set, scans go to the current screen (ticket check-in) instead of opening member home. */
  setScanReceiver(receiver: ((text: string) => void) | null): void;
}

export const SelfServiceContext = createContext<SelfServiceServices | null>(null);

export function useSelfService(): SelfServiceServices {
  const services = useContext(SelfServiceContext);
  if (!services) throw new Error('useSelfService outside <SelfServiceContext.Provider>');
  return services;
}

/** While `receiver` is non-null the current screen gets every scan (wedge, serial, camera). */
export function useSelfScanReceiver(receiver: ((text: string) => void) | null): void {
  const { setScanReceiver } = useSelfService();
  const latest = useRef(receiver);
  latest.current = receiver;
  const active = receiver !== null;
  useEffect(() => {
    if (!active) return;
    setScanReceiver((text) => latest.current?.(text));
    return () => setScanReceiver(null);
  }, [active, setScanReceiver]);
}
