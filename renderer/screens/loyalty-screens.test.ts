import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { KioskApi, MemberLoyalty, ReceiptDocument, SessionInfo, TierInfo } from '../../contract';
import { AppContext, type AppServices } from '../app-context';
import { BarChart } from '../components/BarChart';
import { LoyaltyPanel } from '../components/LoyaltyPanel';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { TierProgress } from '../components/TierProgress';
import { createI18n, type Language } from '../i18n';
import { CheckoutScreen } from './CheckoutScreen';
import { RefundScreen } from './RefundScreen';
import { ReportsScreen } from './ReportsScreen';

// Server rendering runs no effects: this checks what each screen shows first, without a DOM.
const session: SessionInfo = {
  staff: { id: 's1', name: '张伟', role: 'cashier' },
  store: { id: 'st1', code: 'SH001', name: '静安体验店', currency: 'CNY' },
  terminalId: 't1',
  utcOffsetMinutes: 480,
};

function render(node: ReactNode, lng: Language = 'zh-CN', s: SessionInfo = session): string {
  const services: AppServices = {
    api: {} as KioskApi,
    session: s,
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

const tier = (code: string, rank: number, threshold: number): TierInfo => ({
  code,
  name: { zh: `${code}卡`, en: code },
  rank,
  qualifyMetric: 'spend',
  threshold,
  windowDays: 365,
  pointsMultiplierPct: 100,
});
const silver = tier('silver', 1, 50_000);
const gold = tier('gold', 2, 200_000);

describe('loyalty screens (first render)', () => {
  it('checkout starts empty, anonymous, with the code field, payment and a disabled complete button', () => {
    const html = render(createElement(CheckoutScreen, {}));
    for (const id of [
      'checkout-member',
      'checkout-code-input',
      'checkout-empty',
      'checkout-cash',
      'checkout-complete',
      'checkout-void',
      'checkout-due',
    ])
      expect(html, id).toContain(`data-testid="${id}"`);
    expect(html).toContain('散客');
    expect(html).toMatch(/data-testid="checkout-complete"[^>]*disabled/);
  });

  it('refund and reports show their entry points', () => {
    expect(render(createElement(RefundScreen, {}), 'en')).toContain('data-testid="refund-receipt-no"');
    const reports = render(createElement(ReportsScreen), 'en');
    expect(reports).toContain('data-testid="report-x"');
    expect(reports).toContain('Z report (close day)');
  });

  it('the tier bar shows how far the next tier is', () => {
    const html = render(
      createElement(TierProgress, {
        progress: { current: silver, next: gold, metric: 'spend', value: 50_000, target: 200_000, fraction: 0.25 },
        currency: 'CNY',
      }),
      'en',
    );
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain('width:25%');
    expect(html).toMatch(/Spent (CN)?¥500\.00 of (CN)?¥2,000\.00/);
    const top = render(
      createElement(TierProgress, {
        progress: { current: gold, next: null, metric: 'spend', value: 1, target: null, fraction: 1 },
        currency: 'CNY',
      }),
      'en',
    );
    expect(top).toContain('Top tier reached');
  });

  it('the member panel shows balance, tier, what expires soon and the ledger; adjusting only for managers', () => {
    const loyalty: MemberLoyalty = {
      memberId: 'm1',
      balance: 2134,
      tier: gold,
      progress: { current: gold, next: null, metric: 'spend', value: 0, target: null, fraction: 1 },
      expiring: { points: 800, on: '2026-12-31', soon: true },
      recent: [
        {
          id: 'e1',
          kind: 'earn',
          points: 134,
          reason: 'sale',
          saleId: 's1',
          receiptNo: 'AB12-000001',
          at: '2026-06-15T04:00:00.000Z',
          expiresOn: '2027-12-31',
          staffName: '张伟',
        },
      ],
      coupons: [],
      redeemRate: { points: 100, valueMinor: 100 },
    };
    const html = render(createElement(LoyaltyPanel, { memberId: 'm1', initial: loyalty }));
    expect(html).toContain('data-testid="loyalty-balance">2134<');
    expect(html).toContain('data-soon="true"');
    expect(html).toContain('800 分将于');
    expect(html).toContain('AB12-000001');
    expect(html).not.toContain('data-testid="adjust-points"');
    const manager = render(createElement(LoyaltyPanel, { memberId: 'm1', initial: loyalty }), 'zh-CN', {
      ...session,
      staff: { id: 's2', name: '李娜', role: 'manager' },
    });
    expect(manager).toContain('data-testid="adjust-points"');
  });

  it('a receipt document is drawn as paper: rows, rules, QR with its data', () => {
    const doc: ReceiptDocument = {
      kind: 'sale',
      title: 'AB12-000001',
      blocks: [
        { type: 'text', text: '邻里体验店', align: 'center', bold: true, size: 'double' },
        { type: 'rule' },
        { type: 'row', left: '合计 TOTAL', right: '¥85.00', bold: true },
        { type: 'qr', data: 'https://linli.example/r/1', caption: '电子小票' },
        { type: 'cut' },
      ],
    };
    const html = render(createElement(ReceiptPreview, { doc }));
    expect(html).toContain('data-kind="sale"');
    expect(html).toContain('receipt__text--center');
    expect(html).toContain('<span>合计 TOTAL</span><span>¥85.00</span>');
    expect(html).toContain('data-qr="https://linli.example/r/1"');
    expect(html).toContain('receipt__cut');
  });

  it('the bar chart scales bars to the largest value', () => {
    const html = render(
      createElement(BarChart, {
        title: 'Tenders',
        bars: [
          { key: 'cash', label: 'Cash', value: 100, display: '¥1' },
          { key: 'card', label: 'Card', value: 50, display: '¥0.50' },
        ],
      }),
    );
    const widths = [
      ...html.matchAll(/class="bar-chart__bar" [^>]*?width="(\d+)"|width="(\d+)"[^>]*class="bar-chart__bar"/g),
    ].map((m) => Number(m[1] ?? m[2]));
    expect(widths).toEqual([250, 125]);
  });
});
