import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contract';
import type { Route } from '../app-context';
import { LanguageSwitch } from './LanguageSwitch';
import { PrinterStatusBadge } from './PrinterStatusBadge';

interface HeaderProps {
  session: SessionInfo | null;
  route: Route;
  onNavigate(route: Route): void;
  onLogout(): void;
}

export function Header({ session, route, onNavigate, onLogout }: HeaderProps) {
  const { t } = useTranslation();
  const staff = session?.staff ?? null;
  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__app">{t('app.title')}</span>
        <span className="header__store" data-testid="store-name">
          {session?.store?.name ?? t('app.storeUnknown')}
        </span>
      </div>
      {staff && (
        <nav className="header__nav">
          <button
            type="button"
            className={`button nav-button${route.name === 'search' ? ' nav-button--current' : ''}`}
            data-testid="nav-search"
            aria-current={route.name === 'search' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'search' })}
          >
            {t('nav.search')}
          </button>
          <button
            type="button"
            className={`button nav-button${route.name === 'enrol' ? ' nav-button--current' : ''}`}
            data-testid="nav-enrol"
            aria-current={route.name === 'enrol' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'enrol' })}
          >
            {t('nav.enrol')}
          </button>
          <button
            type="button"
            className={`button nav-button${route.name === 'checkout' ? ' nav-button--current' : ''}`}
            data-testid="nav-checkout"
            aria-current={route.name === 'checkout' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'checkout' })}
          >
            {t('checkout.nav')}
          </button>
          <button
            type="button"
            className={`button nav-button${route.name === 'refund' ? ' nav-button--current' : ''}`}
            data-testid="nav-refund"
            aria-current={route.name === 'refund' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'refund' })}
          >
            {t('refund.nav')}
          </button>
          <button
            type="button"
            className={`button nav-button${route.name === 'reports' ? ' nav-button--current' : ''}`}
            data-testid="nav-reports"
            aria-current={route.name === 'reports' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'reports' })}
          >
            {t('reports.nav')}
          </button>
          {staff.role === 'manager' && (
            <button
              type="button"
              className={`button nav-button${route.name === 'devices' ? ' nav-button--current' : ''}`}
              data-testid="nav-devices"
              aria-current={route.name === 'devices' ? 'page' : undefined}
              onClick={() => onNavigate({ name: 'devices' })}
            >
              {t('devices.nav')}
            </button>
          )}
        </nav>
      )}
      <div className="header__session">
        {staff && (
          <span className="header__staff" data-testid="staff-name">
            {staff.name} · <span data-testid="staff-role">{t(`roles.${staff.role}`)}</span>
          </span>
        )}
        {staff && <PrinterStatusBadge />}
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
