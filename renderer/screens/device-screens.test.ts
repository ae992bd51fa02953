import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { KioskApi, SessionInfo } from '../../contract';
import { AppContext, type AppServices } from '../app-context';
import { Header } from '../components/Header';
import { printerLight } from '../components/PrinterStatusBadge';
import { createI18n, type Language } from '../i18n';
import { DeviceSetup } from './DeviceSetup';
import { PrintQueueScreen } from './PrintQueueScreen';

const manager: SessionInfo = {
  staff: { id: 's1', name: '李娜', role: 'manager' },
  store: { id: 'st', code: 'S', name: '店', currency: 'CNY' },
  terminalId: 't',
  utcOffsetMinutes: 480,
};
const cashier: SessionInfo = { ...manager, staff: { id: 's2', name: '张伟', role: 'cashier' } };

function render(node: ReactNode, session: SessionInfo = manager, lng: Language = 'zh-CN'): string {
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

describe('device screens (first render)', () => {
  it('the header offers Devices to managers only, and the printer light to all staff', () => {
    const header = (s: SessionInfo) =>
      render(
        createElement(Header, {
          session: s,
          route: { name: 'search' },
          onNavigate: () => undefined,
          onLogout: () => undefined,
        }),
        s,
      );
    expect(header(manager)).toContain('data-testid="nav-devices"');
    expect(header(cashier)).not.toContain('data-testid="nav-devices"');
    expect(header(cashier)).toContain('data-testid="printer-status"');
  });

  it('set-up has the printer and scanner forms, test scan and discovery', () => {
    const html = render(createElement(DeviceSetup), manager, 'en');
    for (const id of [
      'printer-name',
      'printer-connection',
      'printer-host',
      'printer-port',
      'printer-paper-58',
      'printer-paper-80',
      'printer-encoding',
      'printer-drawer',
      'printer-save',
      'scanner-name',
      'scanner-connection',
      'scanner-path',
      'scanner-baud',
      'scanner-framing',
      'scanner-save',
      'test-scan',
      'discovered',
      'camera-toggle',
    ])
      expect(html, id).toContain(`data-testid="${id}"`);
    expect(html).toContain('Chinese (GB18030)');
  });

  it('the print queue starts empty', () => {
    expect(render(createElement(PrintQueueScreen), manager, 'en')).toContain('Nothing printed yet.');
  });

  it('the printer light: red for a problem, amber while receipts wait, green when ready', () => {
    const base = { configured: true, state: 'idle' as const, health: 'online' as const, problem: null, queued: 0 };
    expect(printerLight(null)).toBe('none');
    expect(printerLight({ ...base, configured: false })).toBe('none');
    expect(printerLight(base)).toBe('ok');
    expect(printerLight({ ...base, queued: 2 })).toBe('warn');
    expect(printerLight({ ...base, health: 'paperNearEnd' })).toBe('warn');
    expect(printerLight({ ...base, state: 'error', health: 'paperOut', problem: 'paperOut' })).toBe('bad');
  });
});
