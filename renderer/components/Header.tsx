import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contract';
import { devicesSubScreens, type Route } from '../app-context';
import { LanguageSwitch } from './LanguageSwitch';
import { PrinterStatusBadge } from './PrinterStatusBadge';
import { SyncStatusBadge } from './SyncStatusBadge';

type NavRoute = 'search' | 'enrol' | 'checkout' | 'refund' | 'reports' | 'community' | 'catalogue' | 'devices';

// The screens a person can open from the header, in order; managers see their own at the end.
// Eight is all a 1024 px till shows on one row in English: the print queue, sync and diagnostics
// open from the devices screen (设备 → …) instead.
const navItems = [
  { route: 'search', label: 'nav.search' },
  { route: 'enrol', label: 'nav.enrol' },
  { route: 'checkout', label: 'checkout.nav' },
  { route: 'refund', label: 'refund.nav' },
  { route: 'reports', label: 'reports.nav' },
  { route: 'community', label: 'community.nav' },
  { route: 'catalogue', label: 'catalogue.nav', managerOnly: true },
  { route: 'devices', label: 'devices.nav', managerOnly: true },
] as const satisfies readonly { route: NavRoute; label: string; managerOnly?: boolean }[];

/** The header button that stays lit: a screen opened from the devices screen lights 设备. */
function navRouteOf(route: Route): Route['name'] {
  return devicesSubScreens.some((s) => s.route === route.name) ? 'devices' : route.name;
}

interface HeaderProps {
  session: SessionInfo | null;
  route: Route;
  onNavigate(route: Route): void;
  onLogout(): void;
}

export function Header({ session, route, onNavigate, onLogout }: HeaderProps) {
  const { t } = useTranslation();
  const staff = session?.staff ?? null;
  const storeName = session?.store?.name ?? t('app.storeUnknown');
  const current = navRouteOf(route);
  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__app">{t('app.title')}</span>
        <span className="header__store" data-testid="store-name" title={storeName}>
          {storeName}
        </span>
      </div>
      {staff && (
        <nav className="header__nav">
          {navItems
            .filter((item) => !('managerOnly' in item) || staff.role === 'manager')
            .map((item) => (
              <button
                key={item.route}
                type="button"
                className={`button nav-button${current === item.route ? ' nav-button--current' : ''}`}
                data-testid={`nav-${item.route}`}
                aria-current={current === item.route ? 'page' : undefined}
                onClick={() => onNavigate({ name: item.route })}
              >
                {t(item.label)}
              </button>
            ))}
        </nav>
      )}
      <div className="header__session">
        {staff && (
          // Name over role, so a long name is cut (and shown whole on hover) instead of pushing the nav.
          <span
            className="header__staff"
            data-testid="staff-name"
            title={`${staff.name} · ${t(`roles.${staff.role}`)}`}
          >
            <span className="header__staff-name">{staff.name}</span>
            <span className="header__staff-role" data-testid="staff-role">
              {t(`roles.${staff.role}`)}
            </span>
          </span>
        )}
        {staff && <PrinterStatusBadge />}
        {staff && <SyncStatusBadge />}
        <LanguageSwitch />
        {staff && (
          <button type="button" className="button button--ghost" data-testid="nav-logout" onClick={onLogout}>
            {t('nav.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
