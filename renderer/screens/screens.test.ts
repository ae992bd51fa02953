import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { KioskApi, MemberProfile, SessionInfo } from '../../contract';
import { AppContext, type AppServices } from '../app-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { Header } from '../components/Header';
import { createI18n, type Language } from '../i18n';
import { EnrolScreen } from './EnrolScreen';
import { LoginScreen } from './LoginScreen';
import { ProfileScreen } from './ProfileScreen';
import { SearchScreen } from './SearchScreen';

// Server rendering runs no effects, so this checks what each screen shows first, without a DOM.

const session: SessionInfo = {
  staff: { id: 's1', name: '李娜', role: 'manager' },
  store: { id: 'st1', code: 'SH001', name: '静安体验店', currency: 'CNY' },
  terminalId: 't1',
  utcOffsetMinutes: 480,
};

const member: MemberProfile = {
  id: 'm1',
  name: '王芳',
  phone: '+8613800138000',
  phoneDisplay: '138 0013 8000',
  community: '梅园小区',
  enrolledAt: '2026-03-01T08:30:00.000Z',
  activeCard: '8800000012',
  birthday: '1990-05-17',
  gender: 'female',
  interests: ['烘焙', '瑜伽'],
  referralCode: 'WF7K2Q',
  referredBy: null,
  consents: [
    {
      purpose: 'data_processing',
      granted: true,
      recordedAt: '2026-03-01T08:30:00.000Z',
      source: 'counter',
      staffId: 's1',
      staffName: '李娜',
    },
    {
      purpose: 'marketing_sms',
      granted: true,
      recordedAt: '2026-03-01T08:30:00.000Z',
      source: 'counter',
      staffId: 's1',
      staffName: '李娜',
    },
    {
      purpose: 'marketing_sms',
      granted: false,
      recordedAt: '2026-04-01T08:30:00.000Z',
      source: 'terminal',
      staffId: null,
      staffName: null,
    },
  ],
  cards: [
    {
      number: '8800000012',
      status: 'active',
      issuedAt: '2026-03-01T08:30:00.000Z',
      blockedAt: null,
      blockReason: null,
    },
    {
      number: '8800000005',
      status: 'blocked',
      issuedAt: '2026-02-01T08:30:00.000Z',
      blockedAt: '2026-03-01T08:00:00.000Z',
      blockReason: 'lost',
    },
  ],
  enrolledStore: '静安体验店',
  enrolledBy: '李娜',
};

function render(node: ReactNode, lng: Language = 'zh-CN'): string {
  const services: AppServices = {
    api: {} as KioskApi,
    session,
    navigate: () => undefined,
    showError: () => undefined,
    clearError: () => undefined,
    setScanReceiver: () => undefined,
  };
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: createI18n(lng) },
      createElement(AppContext.Provider, { value: services }, node),
    ),
  );
}

describe('screens (first render)', () => {
  it('header shows store, staff, role, navigation and the language switch', () => {
    const html = render(
      createElement(Header, {
        session,
        route: { name: 'search' },
        onNavigate: () => undefined,
        onLogout: () => undefined,
      }),
    );
    for (const id of ['nav-search', 'nav-enrol', 'nav-logout', 'lang-switch'])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('静安体验店');
    expect(html).toContain('店长');
    expect(html).toContain('>English<');
    expect(
      render(
        createElement(Header, {
          session,
          route: { name: 'search' },
          onNavigate: () => undefined,
          onLogout: () => undefined,
        }),
        'en',
      ),
    ).toContain('>中文<');
  });

  it('search has its input, button and hint', () => {
    const html = render(createElement(SearchScreen));
    expect(html).toContain('data-testid="search-input"');
    expect(html).toContain('data-testid="search-submit"');
    expect(html).toContain('后 4 位');
  });

  it('enrol has every field, consent and card choice; the card number only in scan mode', () => {
    const html = render(createElement(EnrolScreen), 'en');
    for (const id of [
      'enrol-name',
      'enrol-phone',
      'enrol-birthday',
      'enrol-gender',
      'enrol-community',
      'enrol-interests',
      'enrol-referral',
      'consent-marketing_sms',
      'consent-marketing_wechat',
      'consent-marketing_email',
      'consent-data_processing',
      'card-mode-none',
      'card-mode-generate',
      'card-mode-scan',
      'enrol-submit',
    ])
      expect(html, id).toContain(`data-testid="${id}"`);
    expect(html).not.toContain('data-testid="enrol-card-number"');
  });

  it('profile shows the member, newest consents, cards and the points panel', () => {
    const html = render(createElement(ProfileScreen, { memberId: 'm1', initial: member }), 'en');
    expect(html).toContain('data-testid="profile-name">王芳<');
    expect(html).toContain('data-testid="profile-phone">138 0013 8000<');
    expect(html).toContain('data-testid="profile-card">8800 0000 12<');
    expect(html).toMatch(/data-testid="consent-row-marketing_sms" data-granted="false"/);
    expect(html).toMatch(/data-testid="consent-row-data_processing" data-granted="true"/);
    expect(html).toContain('data-testid="card-row-8800000012"');
    expect(html).toContain('data-testid="card-block-8800000012"');
    expect(html).toContain('data-testid="card-replace-8800000012"');
    expect(html).not.toContain('data-testid="card-block-8800000005"');
    expect(html).toContain('data-testid="card-assign"');
    expect(html).toContain('data-testid="loyalty-panel"');
    expect(html).toContain('May 17, 1990');
  });

  it('login starts by loading the staff list', () => {
    expect(render(createElement(LoginScreen, { onLoggedIn: () => undefined }))).toContain('员工登录');
  });

  it('error banner translates with params and falls back without them', () => {
    const html = render(
      createElement(ErrorBanner, {
        error: { code: 'STAFF_LOCKED', params: { minutes: 15 } },
        onDismiss: () => undefined,
      }),
      'en',
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('data-testid="error"');
    expect(html).toContain('15 minutes');
    const bare = render(createElement(ErrorBanner, { error: { code: 'PIN_WRONG' }, onDismiss: () => undefined }), 'en');
    expect(bare).toContain('Wrong PIN.');
    expect(bare).not.toContain('{{');
  });
});
