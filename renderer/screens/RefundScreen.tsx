import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiErrorShape,
  ExternalTenderMethod,
  RefundPreview,
  RefundResult,
  SaleRecord,
  TenderMethod,
} from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { Dialog } from '../components/kit/Dialog';
import { InlineError } from '../components/kit/InlineError';
import { useAction } from '../components/use-action';
import { toErrorShape } from '../errors';
import { formatDateTime } from '../format';
import { formatMinor, newRequestId } from '../money';
import '../styles/sale.css';

const tenderKeys = { cash: 'tenders.cash', bank_card: 'tenders.bank_card', mobile: 'tenders.mobile' } as const;

/**
 * Refund against the original receipt: find it, choose quantities per line, pick where the money goes.
 * What the refund gives back (money, points, coupons) is the core's preview, shown as lines are
 * picked and again in the confirm dialog; after committing, the recorded figures in the same shape.
 */
export function RefundScreen({ receiptNo: initialNo }: { receiptNo?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { api, clearError } = useApp();
  const [receiptNo, setReceiptNo] = useState(initialNo ?? '');
  const [sale, setSale] = useState<SaleRecord | null>(null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [method, setMethod] = useState<TenderMethod>('cash');
  const [reference, setReference] = useState('');
  const [result, setResult] = useState<RefundResult | null>(null);
  const action = useAction({ inline: true });
  const requestId = useRef<string | null>(null);
  const [preview, setPreview] = useState<RefundPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [findError, setFindError] = useState<ApiErrorShape | null>(null);
  const { resetError } = action;

  const find = useCallback(
    async (no: string) => {
      try {
        const found = await api.getSale({ receiptNo: no });
        setSale(found);
        setQuantities({});
        setResult(null);
        requestId.current = null;
        const first = found.tenders[0]?.method;
        setMethod(first ?? 'cash');
        setFindError(null);
        clearError();
      } catch (e) {
        setSale(null);
        // Shown beside the receipt number that was not found.
        setFindError(toErrorShape(e));
      }
    },
    [api, clearError],
  );

  useEffect(() => {
    if (initialNo) void find(initialNo);
  }, [initialNo, find]);
  // A receipt barcode scanned here looks the receipt up.
  useScanReceiver((text) => {
    setReceiptNo(text);
    void find(text);
  });

  const chosen = Object.entries(quantities)
    .filter(([, q]) => q > 0)
    .map(([lineId, quantity]) => ({ lineId, quantity }));
  const chosenKey = JSON.stringify(chosen);

  // The preview follows every pick; an answer that arrives after a newer pick is dropped.
  const asked = useRef(0);
  useEffect(() => {
    const n = ++asked.current;
    setPreviewError(null);
    if (!sale || chosenKey === '[]') {
      setPreview(null);
      return;
    }
    api
      .previewRefund({ receiptNo: sale.receiptNo, lines: JSON.parse(chosenKey) as typeof chosen, tender: { method } })
      .then((p) => n === asked.current && setPreview(p))
      .catch((e: unknown) => {
        if (n !== asked.current) return;
        setPreview(null);
        setPreviewError(toErrorShape(e));
      });
  }, [api, sale, chosenKey, method]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sale || !preview) return;
    resetError();
    setConfirming(true);
  };

  const commit = async () => {
    if (!sale) return;
    await action.run(async () => {
      // One id per refund the cashier means, kept across retries so the core records it once.
      requestId.current ??= newRequestId();
      const lines = Object.entries(quantities)
        .filter(([, q]) => q > 0)
        .map(([lineId, quantity]) => ({ lineId, quantity }));
      const tender =
        method === 'cash' ? ({ method: 'cash' } as const) : { method: method as ExternalTenderMethod, reference };
      const r = await api.refund({ requestId: requestId.current, receiptNo: sale.receiptNo, lines, tender });
      setResult(r);
      setSale(r.sale);
      setQuantities({});
      setConfirming(false);
      requestId.current = null;
    });
  };

  const money = (m: number) => formatMinor(m, sale?.currency ?? 'CNY', lng);
  const left = sale ? sale.lines.reduce((a, l) => a + l.quantity - l.refundedQuantity, 0) : 0;

  return (
    <section className="screen refund" aria-labelledby="refund-title">
      <h1 id="refund-title">{t('refund.title')}</h1>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          void find(receiptNo);
        }}
      >
        <label className="field field--grow">
          <span className="field__label">{t('refund.receiptNo')}</span>
          <input
            className="input input--large mono"
            value={receiptNo}
            onChange={(e) => {
              setReceiptNo(e.target.value);
              setFindError(null);
            }}
            autoComplete="off"
            data-testid="refund-receipt-no"
          />
        </label>
        <button type="submit" className="button" data-testid="refund-find">
          {t('refund.find')}
        </button>
      </form>
      <InlineError error={findError} testId="refund-find-error" />
      <p className="hint">{t('refund.hint')}</p>

      <div className="checkout__grid">
        {result && (
          <div className="panel" data-testid="refund-result">
            <h2>{t('refund.done')}</h2>
            <p className="big-figure" data-testid="refund-amount" data-minor={result.refund.amountMinor}>
              {t('refund.amount')} {money(result.refund.amountMinor)}
            </p>
            {result.sale.member && (
              <ul className="plain">
                <li data-testid="refund-points-reversed" data-points={result.refund.pointsReversed}>
                  {t('refund.pointsReversed', { points: result.refund.pointsReversed })}
                </li>
                <li data-testid="refund-points-returned" data-points={result.refund.pointsReturned}>
                  {t('refund.pointsReturned', { points: result.refund.pointsReturned })}
                </li>
                <li data-testid="refund-balance-after" data-points={result.balanceAfter ?? ''}>
                  {t('checkout.balanceAfter', { points: result.balanceAfter ?? 0 })}
                </li>
              </ul>
            )}
            {result.refund.couponsReturned.map((code) => (
              <p key={code}>{t('refund.couponReturned', { code })}</p>
            ))}
            <ReceiptPreview doc={result.receipt} />
          </div>
        )}
        {sale && (
          <form className="panel refund__form" onSubmit={(e) => void submit(e)} data-testid="refund-sale">
            <div className="refund__lines">
              <p className="muted">
                {sale.receiptNo} · {formatDateTime(sale.at, lng)} · {sale.staffName}
                {sale.member ? ` · ${t('refund.member', { name: sale.member.name })}` : ''}
              </p>
              {left === 0 && (
                <p className="notice" data-testid="refund-nothing-left">
                  {t('refund.nothingLeft')}
                </p>
              )}
              <ul className="sale-lines">
                {sale.lines.map((line) => {
                  const max = line.quantity - line.refundedQuantity;
                  const q = quantities[line.id] ?? 0;
                  return (
                    <li key={line.id} className="sale-line" data-testid={`refund-line-${line.sku}`}>
                      <div className="sale-line__name">{lng === 'en' ? line.name.en : line.name.zh}</div>
                      <div className="muted" data-testid={`refund-paid-${line.sku}`}>
                        {t('refund.sold', { qty: line.quantity, refunded: line.refundedQuantity })} ·{' '}
                        {line.pointsRedeemed > 0
                          ? t('sale.refund.paidWithPoints', {
                              amount: money(line.netMinor - line.pointsValueMinor),
                              points: line.pointsRedeemed,
                            })
                          : t('sale.refund.paid', { amount: money(line.netMinor - line.pointsValueMinor) })}
                      </div>
                      <div className="stepper" aria-label={t('refund.refundQty')}>
                        <button
                          type="button"
                          className="button"
                          disabled={q <= 0}
                          data-testid={`refund-minus-${line.sku}`}
                          onClick={() => setQuantities({ ...quantities, [line.id]: q - 1 })}
                        >
                          −
                        </button>
                        <span className="stepper__value" data-testid={`refund-qty-${line.sku}`}>
                          {q}
                        </span>
                        <button
                          type="button"
                          className="button"
                          disabled={q >= max}
                          data-testid={`refund-plus-${line.sku}`}
                          onClick={() => setQuantities({ ...quantities, [line.id]: q + 1 })}
                        >
                          +
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
            {/* What goes back and the button stay beside the lines, not a screen below them. */}
            <div className="refund__side">
              <div className="inline">
                <label className="field">
                  <span className="field__label">{t('refund.tender')}</span>
                  <select
                    className="input"
                    value={method}
                    onChange={(e) => setMethod(e.target.value as TenderMethod)}
                    data-testid="refund-method"
                  >
                    <option value="cash">{t('tenders.cash')}</option>
                    <option value="bank_card">{t('tenders.bank_card')}</option>
                    <option value="mobile">{t('tenders.mobile')}</option>
                  </select>
                </label>
                {method !== 'cash' && (
                  <label className="field field--grow">
                    <span className="field__label">{t('checkout.reference')}</span>
                    <input
                      className="input"
                      value={reference}
                      maxLength={64}
                      onChange={(e) => setReference(e.target.value)}
                      data-testid="refund-reference"
                    />
                  </label>
                )}
              </div>
              <div className="refund-preview" data-testid="refund-preview">
                {preview ? (
                  <>
                    <h3>{t('sale.refund.preview')}</h3>
                    <RefundFigures
                      figures={preview}
                      member={sale.member !== null}
                      money={money}
                      testId="refund-preview"
                    />
                  </>
                ) : (
                  left > 0 && <p className="muted">{t('sale.refund.choose')}</p>
                )}
                <InlineError error={previewError} testId="refund-preview-error" />
              </div>
              <button
                type="submit"
                className="button button--primary button--wide"
                disabled={action.busy || left === 0 || !preview}
                data-testid="refund-submit"
              >
                {t('refund.submit')}
              </button>
            </div>
          </form>
        )}
      </div>
      {confirming && sale && preview && (
        <Dialog
          title={t('sale.refund.confirmTitle')}
          testId="refund-dialog"
          confirmLabel={t('sale.refund.confirm')}
          busy={action.busy}
          error={action.error}
          onSubmit={() => void commit()}
          onCancel={() => setConfirming(false)}
        >
          <ul className="plain">
            {preview.lines.map((l) => {
              const line = sale.lines.find((x) => x.id === l.lineId);
              return (
                <li key={l.lineId}>
                  {t('sale.refund.quantity', {
                    name: line ? (lng === 'en' ? line.name.en : line.name.zh) : l.lineId,
                    qty: l.quantity,
                  })}
                </li>
              );
            })}
          </ul>
          <RefundFigures figures={preview} member={sale.member !== null} money={money} testId="refund-dialog" />
        </Dialog>
      )}
    </section>
  );
}

/** What a refund gives back, as the preview and the confirm dialog show it. */
function RefundFigures({
  figures,
  member,
  money,
  testId,
}: {
  figures: RefundPreview;
  member: boolean;
  money: (minor: number) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <dl className="kv-list">
      <div className="kv">
        <dt>{t('sale.refund.money', { method: t(tenderKeys[figures.tender.method]) })}</dt>
        <dd data-testid={`${testId}-money`} data-minor={figures.tender.amountMinor}>
          {money(figures.tender.amountMinor)}
        </dd>
      </div>
      {member && (
        <>
          <div className="kv">
            <dt>{t('sale.refund.pointsReturned')}</dt>
            <dd data-testid={`${testId}-points-returned`} data-points={figures.pointsReturned}>
              +{figures.pointsReturned}
            </dd>
          </div>
          <div className="kv">
            <dt>{t('sale.refund.pointsReversed')}</dt>
            <dd data-testid={`${testId}-points-reversed`} data-points={figures.pointsReversed}>
              {figures.pointsReversed}
            </dd>
          </div>
          <div className="kv">
            <dt>{t('sale.refund.balanceAfter')}</dt>
            <dd data-testid={`${testId}-balance-after`} data-points={figures.balanceAfter ?? ''}>
              {figures.balanceAfter ?? ''}
            </dd>
          </div>
        </>
      )}
      {figures.couponsReturned.map((code) => (
        <div key={code} className="kv">
          <dt>{t('sale.refund.couponReturned')}</dt>
          <dd className="mono">{code}</dd>
        </div>
      ))}
    </dl>
  );
}
