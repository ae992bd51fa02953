import { createContext, useContext, useEffect, useRef } from 'react';
import type { KioskApi, MemberProfile, ScanSource, SessionInfo } from '../contract';
import type { CommunityTab } from './screens/community/CommunityScreen';

export type Route =
  | { name: 'search' }
  | { name: 'enrol' }
  | { name: 'profile'; memberId: string; initial?: MemberProfile }
  /** A scan elsewhere can start a sale: the member, product or coupon it named comes along. */
  | { name: 'checkout'; memberId?: string; productId?: string; couponCode?: string }
  | { name: 'refund'; receiptNo?: string }
  | { name: 'reports' }
  | { name: 'devices' }
  /** Products, prices and tiers kept at this terminal while no hub sends a catalogue (managers). */
  | { name: 'catalogue' }
  | { name: 'printQueue' }
  /** Registration with the brand's hub, the sync status and the events it refused (managers). */
  | { name: 'sync' }
  /** Versions, devices, sync, disk, last errors, and the export of it all with the logs (managers). */
  | { name: 'diagnostics' }
  /** Community life: events and check-in, rewards, contests, posts to review, service requests. */
  | { name: 'community'; tab?: CommunityTab };

/**
 * Screens a manager opens from the devices screen (设备 → …) rather than the header, in the order of
 * their buttons there; the header's 设备 button stays lit on them.
 */
export const devicesSubScreens = [
  { route: 'printQueue', label: 'printQueue.nav', testId: 'devices-print-queue' },
  { route: 'sync', label: 'sync.nav', testId: 'devices-sync' },
  { route: 'diagnostics', label: 'diagnostics.nav', testId: 'devices-diagnostics' },
] as const satisfies readonly { route: Route['name']; label: string; testId: string }[];

/** `source` is set for scans the core read from a serial, HID or simulated scanner (already routed there). */
export type ScanReceiver = (text: string, source?: ScanSource) => void;

export interface AppServices {
  api: KioskApi;
  session: SessionInfo | null;
  navigate(route: Route): void;
  /** Shows the translated message for any thrown value in the global banner. */
  showError(error: unknown): void;
  clearError(): void;
  /** The screen that wants wedge scans right now; null sends them to api.handleScan. */
  setScanReceiver(receiver: ScanReceiver | null): void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppContext.Provider>');
  return services;
}

/** While `receiver` is non-null the current screen gets wedge scans instead of the scan router. */
export function useScanReceiver(receiver: ScanReceiver | null): void {
  const { setScanReceiver } = useApp();
  const latest = useRef(receiver);
  latest.current = receiver;
  const active = receiver !== null;
  useEffect(() => {
    if (!active) return;
    setScanReceiver((text, source) => latest.current?.(text, source));
    return () => setScanReceiver(null);
  }, [active, setScanReceiver]);
}
