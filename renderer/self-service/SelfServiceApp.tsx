import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import '../styles/self-service.css';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, CustomerHome, KioskApi, SessionInfo } from '../../contract';
import { ErrorBanner } from '../components/ErrorBanner';
import { toErrorShape } from '../errors';
import { useWedgeScanner } from '../scanner/use-wedge-scanner';
import type { WedgeConfig } from '../scanner/wedge-decoder';
import { AttractScreen } from './AttractScreen';
import { FeedbackScreen } from './care/FeedbackScreen';
import { ServiceRequestScreen } from './care/ServiceRequestScreen';
import { ContestScreen } from './contests/ContestScreen';
import { SelfEnrolScreen } from './enrol/SelfEnrolScreen';
import { EventScreen } from './events/EventScreen';
import { EventsScreen } from './events/EventsScreen';
import { IdleCountdown } from './IdleCountdown';
import { KioskBar } from './KioskBar';
import { MemberHome } from './MemberHome';
import { PostsScreen } from './posts/PostsScreen';
import { ReferralsScreen } from './referrals/ReferralsScreen';
import { RewardsScreen } from './rewards/RewardsScreen';
import { SelfServiceContext, type SelfRoute, type SelfServiceServices } from './self-service-context';
import { useIdleTimeout } from './use-idle-timeout';

const largeTextKey = 'linli.largeText';

/** Screens a customer may see without scanning first. */
const openRoutes = new Set<SelfRoute['name']>(['attract', 'enrol', 'events', 'event']);

interface Props {
  api: KioskApi;
  session: SessionInfo | null;
  idleSeconds: number;
  /** The small staff button: staff log in here to reach the counter screens. */
  onStaff: () => void;
}

/**
 * The customer's own terminal: the attract loop until a scan, then member home and its actions.
 * Everything a customer did lives under one key: the idle timeout (or "done") changes it, so
 * every screen, typed text and fetched record is dropped from the page, not just hidden.
 */
export function SelfServiceApp({ api, session, idleSeconds, onStaff }: Props) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<SelfRoute>({ name: 'attract' });
  const [home, setHomeState] = useState<CustomerHome | null>(null);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const [visit, setVisit] = useState(0);
  const [largeText, setLargeTextState] = useState(() => readLargeText());
  const scanReceiver = useRef<((text: string) => void) | null>(null);

  const showError = useCallback((e: unknown) => setError(toErrorShape(e)), []);
  const clearError = useCallback(() => setError(null), []);
  const navigate = useCallback((next: SelfRoute) => {
    setError(null);
    setRoute(next);
  }, []);
  const finish = useCallback(() => {
    setHomeState(null);
    setError(null);
    setRoute({ name: 'attract' });
    setVisit((v) => v + 1);
    api.endCustomer().catch(() => undefined);
  }, [api]);
  const setHome = useCallback((next: CustomerHome) => setHomeState(next), []);
  const refreshHome = useCallback(
    () =>
      api.customerHome().then(setHomeState, (e: unknown) => {
        const shape = toErrorShape(e);
        // The core forgot the customer (its own timeout): start again from the attract screen.
        if (shape.code === 'CUSTOMER_SESSION_ENDED') finish();
        setError(shape);
      }),
    [api, finish],
  );
  const setScanReceiver = useCallback((receiver: ((text: string) => void) | null) => {
    scanReceiver.current = receiver;
  }, []);

  const startWithScan = useCallback(
    (text: string, source: 'wedge' | 'camera' = 'wedge') => {
      if (scanReceiver.current) {
        scanReceiver.current(text);
        return;
      }
      api.startCustomer({ text, source }).then(
        (next) => {
          setVisit((v) => v + 1);
          setHomeState(next);
          setError(null);
          setRoute({ name: 'home' });
        },
        (e: unknown) => {
          // A refused scan forgets whoever was there before (the core did too).
          setHomeState(null);
          setRoute({ name: 'attract' });
          showError(e);
        },
      );
    },
    [api, showError],
  );
  // The wedge timing a manager tuned in Devices applies here too.
  const [wedge, setWedge] = useState<Partial<WedgeConfig>>({});
  useEffect(() => {
    api
      .getWedgeSettings()
      .then(setWedge)
      .catch(() => undefined);
    return api.on('wedgeSettings', setWedge);
  }, [api]);
  useWedgeScanner(
    useCallback((text: string) => startWithScan(text), [startWithScan]),
    wedge,
  );
  // Declared after the scanner, so it runs after the scanner listens: tests wait for it before scanning.
  const [listening, setListening] = useState(false);
  useEffect(() => setListening(true), []);
  // Serial, HID and simulated scanners are read by the core; here their text opens member home too.
  useEffect(
    () =>
      api.on('scan', ({ input }) => {
        if (input.source !== 'wedge' && input.source !== 'camera') startWithScan(input.text);
      }),
    [api, startWithScan],
  );

  const needsMember = !openRoutes.has(route.name);
  useEffect(() => {
    if (needsMember && !home) setRoute({ name: 'attract' });
  }, [needsMember, home]);

  // The attract screen has nothing to forget; every other screen does.
  const left = useIdleTimeout(route.name !== 'attract' || home !== null || error !== null, idleSeconds, finish);

  const setLargeText = (on: boolean) => {
    setLargeTextState(on);
    try {
      localStorage.setItem(largeTextKey, on ? '1' : '0');
    } catch {
      // Storage may be off; the setting then lasts for this page.
    }
  };

  const services = useMemo<SelfServiceServices>(
    () => ({ api, session, home, refreshHome, setHome, navigate, showError, clearError, finish, setScanReceiver }),
    [api, session, home, refreshHome, setHome, navigate, showError, clearError, finish, setScanReceiver],
  );

  let screen: ReactNode;
  if (route.name === 'attract') screen = <AttractScreen onScan={(text) => startWithScan(text, 'camera')} />;
  else if (route.name === 'enrol') screen = <SelfEnrolScreen />;
  else if (route.name === 'events') screen = <EventsScreen />;
  else if (route.name === 'event') screen = <EventScreen eventId={route.eventId} />;
  else if (!home) screen = null;
  else if (route.name === 'home') screen = <MemberHome />;
  else if (route.name === 'rewards') screen = <RewardsScreen />;
  else if (route.name === 'contest') screen = <ContestScreen />;
  else if (route.name === 'referrals') screen = <ReferralsScreen />;
  else if (route.name === 'posts') screen = <PostsScreen />;
  else if (route.name === 'feedback') screen = <FeedbackScreen />;
  else screen = <ServiceRequestScreen />;

  return (
    <SelfServiceContext.Provider value={services}>
      <div
        className={largeText ? 'ss ss--large' : 'ss'}
        data-testid="self-service"
        data-route={route.name}
        data-scanning={listening ? 'on' : undefined}
      >
        <KioskBar largeText={largeText} onLargeText={setLargeText} />
        <ErrorBanner error={error} onDismiss={clearError} />
        <main className="ss-main" key={visit} data-testid="ss-main">
          {route.name !== 'attract' && route.name !== 'home' && (
            <button
              type="button"
              className="ss-button ss-button--ghost ss-back"
              data-testid="ss-back"
              onClick={() => navigate(home ? { name: 'home' } : { name: 'attract' })}
            >
              ‹ {t('app.back')}
            </button>
          )}
          {screen}
        </main>
        <IdleCountdown left={left} />
        <button type="button" className="ss-staff" data-testid="ss-staff" onClick={onStaff}>
          {t('selfService.staff')}
        </button>
      </div>
    </SelfServiceContext.Provider>
  );
}

function readLargeText(): boolean {
  try {
    return localStorage.getItem(largeTextKey) === '1';
  } catch {
    return false;
  }
}
