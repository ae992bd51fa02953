import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { KioskApi } from '../../contract';
import { AppContext, type AppServices } from '../app-context';
import { createI18n, type Language } from '../i18n';
import { SyncParkedActions } from './SyncParkedActions';

// Server rendering runs no effects and no clicks: this checks the row's first look in both languages.
function render(lng: Language): string {
  const services: AppServices = {
    api: {} as KioskApi,
    session: null,
    navigate: () => undefined,
    showError: () => undefined,
    clearError: () => undefined,
    setScanReceiver: () => undefined,
  };
  const event = {
    id: 'e1',
    type: 'sale.completed',
    createdAt: '2026-06-15T04:00:00.000Z',
    parkedAt: '2026-06-15T04:01:00.000Z',
    reason: 'PAYLOAD_INVALID',
    detail: null,
  };
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: createI18n(lng) },
      createElement(
        AppContext.Provider,
        { value: services },
        createElement(SyncParkedActions, { event, onDone: () => undefined }),
      ),
    ),
  );
}

describe('a parked event’s actions', () => {
  it('offers to send it again or to drop it, the drop confirmed first (no dialog yet)', () => {
    const zh = render('zh-CN');
    expect(zh).toContain('data-testid="sync-parked-resend"');
    expect(zh).toContain('重新发送');
    expect(zh).toContain('删除…');
    expect(zh).not.toContain('sync-drop-dialog');
    const en = render('en');
    expect(en).toContain('Send again');
    expect(en).toContain('Drop…');
  });
});
