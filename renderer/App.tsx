import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, KioskApi, ScanOutcome, SelfServiceSettings, SessionInfo } from '../contract';
import { AppContext, type AppServices, type Route, type ScanReceiver } from './app-context';
import { ErrorBanner } from './components/ErrorBanner';
import { Header } from './components/Header';
import { KioskExit } from './components/KioskExit';
import { setStoreUtcOffset } from './format';
import { toErrorShape } from './errors';
import { useWedgeScanner } from './scanner/use-wedge-scanner';
import type { WedgeConfig } from './scanner/wedge-decoder';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { CommunityScreen } from './screens/community/CommunityScreen';
import { CheckoutScreen } from './screens/CheckoutScreen';
import { DeviceSetup } from './screens/DeviceSetup';
import { EnrolScreen } from './screens/EnrolScreen';
import { LoginScreen } from './screens/LoginScreen';
import { PrintQueueScreen } from './screens/PrintQueueScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { RefundScreen } from './screens/RefundScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { SearchScreen } from './screens/SearchScreen';
import { SyncScreen } from './screens/SyncScreen';
import { DiagnosticsScreen } from './screens/DiagnosticsScreen';
import { SelfServiceApp } from './self-service/SelfServiceApp';

interface AppProps {
  api: KioskApi;
  /** Timing for keyboard-wedge scanners that are slower or faster than the defaults. */
  wedgeConfig?: Partial<WedgeConfig>;
}

export function App({ api, wedgeConfig }: AppProps) {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [sessionLoaded, setSessionLoaded] = useState(false);
  const [route, setRoute] = useState<Route>({ name: 'search' });
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const scanReceiver = useRef<ScanReceiver | null>(null);
  const [selfService, setSelfService] = useState<SelfServiceSettings | null>(null);
  /** At a self-service terminal: staff pressed the staff button and are logging in. */
  const [staffLogin, setStaffLogin] = useState(false);

  const showError = useCallback((e: unknown) => setError(toErrorShape(e)), []);
  const clearError = useCallback(() => setError(null), []);
  const navigate = useCallback((next: Route) => {
    setError(null);
    setRoute(next);
  }, []);
  const setScanReceiver = useCallback((receiver: ScanReceiver | null) => {
    scanReceiver.current = receiver;
  }, []);

  const staffId = useRef<string | null | undefined>(undefined);
  const applySession = useCallback((next: SessionInfo) => {
    const id = next.staff?.id ?? null;
    if (!id) setStaffLogin(false);
    if (staffId.current !== id) {
      // A different person (or nobody) at the counter starts from the home screen with a clean slate.
      setRoute({ name: 'search' });
      if (staffId.current !== undefined) setError(null);
    }
    staffId.current = id;
    setStoreUtcOffset(next.utcOffsetMinutes);
    setSession(next);
  }, []);

  useEffect(() => {
    let live = true;
    api
      .getSession()
      .then((s) => live && applySession(s))
      .catch((e: unknown) => live && showError(e))
      .finally(() => live && setSessionLoaded(true));
    const unsubscribe = api.on('session', (s) => applySession(s));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, applySession, showError]);

  useEffect(() => {
    let role: SelfServiceSettings['role'] | null = null;
    api
      .getSelfServiceSettings()
      .then((settings) => {
        role ??= settings.role;
        setSelfService(settings);
      })
      .catch(() => setSelfService({ role: 'counter', idleSeconds: 45 }));
    return api.on('selfServiceSettings', (next) => {
      // A counter that becomes a self-service terminal is handed to customers at once: staff are
      // logged out (they come back through the staff button and their PIN).
      if (role !== 'self-service' && next.role === 'self-service')
        api
          .logout()
          .then(applySession)
          .catch(() => undefined);
      role = next.role;
      setSelfService(next);
    });
  }, [api, applySession]);

  const openOutcome = useCallback(
    (outcome: ScanOutcome) => {
      if (outcome.kind === 'member')
        navigate({ name: 'profile', memberId: outcome.member.id, initial: outcome.member });
      else if (outcome.kind === 'product') navigate({ name: 'checkout', productId: outcome.product.id });
      else
        navigate({
          name: 'checkout',
          couponCode: outcome.code,
          ...(outcome.kind === 'coupon' && outcome.memberId ? { memberId: outcome.memberId } : {}),
        });
    },
    [navigate],
  );

  // While the self-service screens show, they read the scanner themselves (a scan starts a customer).
  const selfServiceShown = selfService?.role === 'self-service' && !session?.staff && !staffLogin;
  const onScan = useCallback(
    (text: string) => {
      if (scanReceiver.current) {
        scanReceiver.current(text);
        return;
      }
      api.handleScan({ text, source: 'wedge' }).then(openOutcome).catch(showError);
    },
    [api, openOutcome, showError],
  );
  // A manager may tune the wedge timing on the device set-up screen; it applies in every window at once.
  const [storedWedge, setStoredWedge] = useState<Partial<WedgeConfig>>({});
  useEffect(() => {
    api
      .getWedgeSettings()
      .then(setStoredWedge)
      .catch(() => undefined);
    return api.on('wedgeSettings', setStoredWedge);
  }, [api]);
  // The self-service screens run their own wedge scanner (customer scans); this one rests meanwhile.
  useWedgeScanner(onScan, { ...storedWedge, ...wedgeConfig }, !selfServiceShown);

  // Serial, HID and simulated scanners are read by the core, which routes the scan and tells every
  // window: the screen that takes scans gets the text, otherwise the outcome opens like a wedge scan.
  useEffect(
    () =>
      api.on('scan', ({ input, outcome, error }) => {
        if (input.source === 'wedge' || input.source === 'camera' || selfServiceShown) return;
        if (scanReceiver.current) scanReceiver.current(input.text, input.source);
        else if (outcome) openOutcome(outcome);
        else if (error) showError(error);
      }),
    [api, openOutcome, showError, selfServiceShown],
  );

  const logout = useCallback(() => {
    api.logout().then(applySession).catch(showError);
  }, [api, applySession, showError]);

  const services = useMemo<AppServices>(
    () => ({ api, session, navigate, showError, clearError, setScanReceiver }),
    [api, session, navigate, showError, clearError, setScanReceiver],
  );

  const loggedIn = Boolean(session?.staff);
  const customerFacing = selfService?.role === 'self-service' && !loggedIn;
  if (customerFacing && !staffLogin)
    return (
      <>
        <SelfServiceApp
          api={api}
          session={session}
          idleSeconds={selfService.idleSeconds}
          onStaff={() => setStaffLogin(true)}
        />
        <KioskExit api={api} />
      </>
    );
  let screen: ReactNode;
  if (!sessionLoaded || !selfService) screen = <p className="muted">{t('app.loading')}</p>;
  else if (!loggedIn)
    screen = (
      <>
        {customerFacing && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="back-to-self-service"
            onClick={() => setStaffLogin(false)}
          >
            ‹ {t('selfService.backToCustomers')}
          </button>
        )}
        <LoginScreen onLoggedIn={applySession} />
      </>
    );
  else if (route.name === 'enrol') screen = <EnrolScreen />;
  else if (route.name === 'checkout')
    screen = (
      <CheckoutScreen
        key={JSON.stringify(route)}
        memberId={route.memberId}
        productId={route.productId}
        couponCode={route.couponCode}
      />
    );
  else if (route.name === 'refund') screen = <RefundScreen key={route.receiptNo ?? ''} receiptNo={route.receiptNo} />;
  else if (route.name === 'reports') screen = <ReportsScreen />;
  else if (route.name === 'devices' && session?.staff?.role === 'manager') screen = <DeviceSetup />;
  else if (route.name === 'catalogue' && session?.staff?.role === 'manager') screen = <CatalogueScreen />;
  else if (route.name === 'community') screen = <CommunityScreen key={route.tab ?? ''} tab={route.tab} />;
  else if (route.name === 'printQueue') screen = <PrintQueueScreen />;
  else if (route.name === 'sync' && session?.staff?.role === 'manager') screen = <SyncScreen />;
  else if (route.name === 'diagnostics' && session?.staff?.role === 'manager') screen = <DiagnosticsScreen />;
  else if (route.name === 'profile')
    screen = <ProfileScreen key={route.memberId} memberId={route.memberId} initial={route.initial} />;
  else screen = <SearchScreen />;

  return (
    <AppContext.Provider value={services}>
      <div className="app">
        <Header session={session} route={route} onNavigate={navigate} onLogout={logout} />
        <ErrorBanner error={error} onDismiss={clearError} />
        <main className="main">{screen}</main>
      </div>
      <KioskExit api={api} />
    </AppContext.Provider>
  );
}
