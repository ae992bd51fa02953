import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiErrorShape,
  CheckoutResult,
  ExternalTenderMethod,
  LocalName,
  ProductInfo,
  QuoteLine,
  SaleDraft,
  SaleQuote,
  TenderInput,
} from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { Dialog } from '../components/kit/Dialog';
import { InlineError } from '../components/kit/InlineError';
import { useAction } from '../components/use-action';
import { toErrorShape } from '../errors';
import { formatMinor, newRequestId, parseMajor } from '../money';
import '../styles/sale.css';

const emptyDraft: SaleDraft = { memberId: null, lines: [], couponCodes: [], pointsToRedeem: 0 };

function addProduct(d: SaleDraft, productId: string): SaleDraft {
  const at = d.lines.findIndex((l) => l.productId === productId);
  if (at < 0) return { ...d, lines: [...d.lines, { productId, quantity: 1 }] };
  return { ...d, lines: d.lines.map((l, i) => (i === at ? { ...l, quantity: l.quantity + 1 } : l)) };
}

interface Props {
  memberId?: string | undefined;
  productId?: string | undefined;
  couponCode?: string | undefined;
}

/**
 * The sale in progress lives here and nowhere else until "Complete": every change is priced by
 * the core (quoteSale) and only an accepted change replaces the basket, so what the cashier sees
 * is what will be recorded. Voiding forgets it (after asking, when it has lines): nothing was written.
 * Errors show where the cashier acted: Complete's in the pay panel, a refused typed code (or a
 * coupon Complete refused: online-only ones are confirmed by the hub then) beside the code input, refused points beside the points form; scans and quantity changes use the banner.
 */
export function CheckoutScreen({ memberId, productId, couponCode }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { api, session, showError, clearError, navigate } = useApp();
  const currency = session?.store?.currency ?? 'CNY';
  const money = (m: number) => formatMinor(m, currency, lng);
  const name = (n: LocalName) => (lng === 'en' ? n.en : n.zh);

  const [products, setProducts] = useState<ProductInfo[]>([]);
  const [draft, setDraft] = useState<SaleDraft>(emptyDraft);
  const [quote, setQuote] = useState<SaleQuote | null>(null);
  const [result, setResult] = useState<CheckoutResult | null>(null);
  const [code, setCode] = useState('');
  const [pointsText, setPointsText] = useState('');
  const [cashText, setCashText] = useState('');
  const [extMethod, setExtMethod] = useState<ExternalTenderMethod | 'none'>('none');
  const [extAmountText, setExtAmountText] = useState('');
  const [extRef, setExtRef] = useState('');
  const pay = useAction({ inline: true });
  const { busy, resetError: resetPayError } = pay;
  const [codeError, setCodeError] = useState<ApiErrorShape | null>(null);
  const [pointsError, setPointsError] = useState<ApiErrorShape | null>(null);
  const [confirmVoid, setConfirmVoid] = useState(false);
  const draftRef = useRef<SaleDraft>(emptyDraft);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const requestId = useRef<string | null>(null);
  const resultRef = useRef<CheckoutResult | null>(null);
  resultRef.current = result;

  useEffect(() => {
    api.listProducts().then(setProducts).catch(showError);
  }, [api, showError]);

  const reset = useCallback(() => {
    draftRef.current = emptyDraft;
    requestId.current = null;
    setDraft(emptyDraft);
    setQuote(null);
    setResult(null);
    setPointsText('');
    setCashText('');
    setExtMethod('none');
    setExtAmountText('');
    setExtRef('');
    setCodeError(null);
    setPointsError(null);
    setConfirmVoid(false);
    resetPayError();
  }, [resetPayError]);

  /** Runs changes one after another (scans arrive faster than answers) and keeps only accepted ones. */
  const change = useCallback(
    (
      next: (current: SaleDraft) => SaleDraft | Promise<SaleDraft>,
      /** Where a refusal is shown instead of the banner (the panel the change came from). */
      onError?: (error: ApiErrorShape) => void,
    ) => {
      queue.current = queue.current.then(async () => {
        try {
          if (resultRef.current) reset(); // a scan after a finished sale starts the next one
          const proposed = await next(draftRef.current);
          let q: SaleQuote;
          let accepted = proposed;
          try {
            q = await api.quoteSale(proposed);
          } catch (e) {
            // A smaller basket may no longer carry the points chosen: keep the change, drop the points.
            const code = (e as { code?: string }).code ?? '';
            const pointsChanged = proposed.pointsToRedeem !== draftRef.current.pointsToRedeem;
            if (!code.startsWith('POINTS_') || pointsChanged || proposed.pointsToRedeem === 0) throw e;
            accepted = { ...proposed, pointsToRedeem: 0 };
            q = await api.quoteSale(accepted);
            setPointsText('');
          }
          draftRef.current = accepted;
          setDraft(accepted);
          setQuote(q);
          clearError();
        } catch (e) {
          if (onError) onError(toErrorShape(e));
          else showError(e);
        }
      });
      return queue.current;
    },
    [api, clearError, reset, showError],
  );

  // The brand's hub sent new prices or products: the tiles and an open basket show them at once.
  useEffect(
    () =>
      api.on('catalogueChanged', () => {
        api.listProducts().then(setProducts).catch(showError);
        if (!resultRef.current && draftRef.current.lines.length) void change((d) => d);
      }),
    [api, change, showError],
  );

  const handleCode = useCallback(
    (text: string, onError?: (error: ApiErrorShape) => void) => {
      void change(async (d) => {
        const outcome = await api.handleScan({ text, source: 'wedge' });
        if (outcome.kind === 'member') return { ...d, memberId: outcome.member.id };
        if (outcome.kind === 'product') return addProduct(d, outcome.product.id);
        return d.couponCodes.includes(outcome.code) ? d : { ...d, couponCodes: [...d.couponCodes, outcome.code] };
      }, onError);
    },
    [api, change],
  );
  useScanReceiver(useCallback((text: string) => handleCode(text), [handleCode]));

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (memberId || productId || couponCode) {
      void change((d) => ({
        ...(productId ? addProduct(d, productId) : d),
        memberId: memberId ?? d.memberId,
        couponCodes: couponCode ? [couponCode] : d.couponCodes,
      }));
    }
  }, [change, memberId, productId, couponCode]);

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const text = code.trim();
    if (!text) return;
    setCode('');
    setCodeError(null);
    handleCode(text, setCodeError);
  };

  const setQuantity = (index: number, quantity: number) =>
    void change((d) => ({
      ...d,
      lines:
        quantity <= 0
          ? d.lines.filter((_, i) => i !== index)
          : d.lines.map((l, i) => (i === index ? { ...l, quantity } : l)),
    }));

  const applyPoints = (points: number) => {
    setPointsText(points ? String(points) : '');
    setPointsError(null);
    void change((d) => ({ ...d, pointsToRedeem: points }), setPointsError);
  };

  const due = quote?.amountDueMinor ?? 0;
  const extAmount = extMethod === 'none' ? 0 : (parseMajor(extAmountText) ?? 0);
  const cash = parseMajor(cashText) ?? 0;
  const remaining = Math.max(0, due - extAmount);
  const changeDue = cash - remaining;

  const complete = async () => {
    if (!quote) return;
    await queue.current;
    const tenders: TenderInput[] = [];
    if (extMethod !== 'none' && extAmount > 0)
      tenders.push({ method: extMethod, amountMinor: extAmount, reference: extRef });
    if (cash > 0) tenders.push({ method: 'cash', amountMinor: cash });
    await pay.run(async () => {
      requestId.current ??= newRequestId();
      try {
        setResult(await api.checkout({ ...draftRef.current, requestId: requestId.current, tenders }));
      } catch (e) {
        // A coupon only Complete can check (online-only: the hub refused it, or cannot be reached)
        // is shown beside the code field, where coupons are entered and removed.
        const shape = toErrorShape(e);
        if (shape.field !== 'coupon') throw e;
        setCodeError(shape);
      }
    });
  };

  const voidSale = () => {
    reset();
    clearError();
  };

  const productName = (id: string) => {
    const p = products.find((x) => x.id === id);
    return p ? name(p.name) : id;
  };
  const member = quote?.member ?? null;

  if (result) {
    const s = result.sale;
    return (
      <section className="screen checkout checkout--done" aria-labelledby="checkout-title">
        <h1 id="checkout-title">{t('checkout.done')}</h1>
        <div className="checkout__grid">
          <div className="panel checkout__result">
            <p className="big-figure" data-testid="checkout-change" data-minor={s.changeMinor}>
              {t('checkout.changeDue', { change: money(s.changeMinor) })}
            </p>
            <p className="muted">{s.receiptNo}</p>
            {s.member && (
              <ul className="plain">
                <li data-testid="checkout-points-earned" data-points={s.pointsEarned}>
                  {t('checkout.pointsEarned', { points: s.pointsEarned })}
                </li>
                {s.pointsRedeemed > 0 && <li>{t('checkout.pointsUsed', { points: s.pointsRedeemed })}</li>}
                <li data-testid="checkout-balance-after" data-points={result.balanceAfter ?? ''}>
                  {t('checkout.balanceAfter', { points: result.balanceAfter ?? 0 })}
                </li>
                {result.tierChanged && (
                  <li className="notice" data-testid="checkout-tier-up">
                    {t('checkout.tierUp', { tier: name(result.tierChanged.name) })}
                  </li>
                )}
              </ul>
            )}
            <p className="muted">{result.printJobId ? t('checkout.printed') : t('checkout.notPrinted')}</p>
            <div className="actions">
              <button
                type="button"
                className="button button--primary button--wide"
                data-testid="checkout-new"
                onClick={reset}
              >
                {t('checkout.newSale')}
              </button>
              <button
                type="button"
                className="button"
                data-testid="checkout-refund"
                onClick={() => navigate({ name: 'refund', receiptNo: s.receiptNo })}
              >
                {t('checkout.refundThis')}
              </button>
            </div>
          </div>
          <div className="checkout__receipt">
            <h2>{t('checkout.receipt')}</h2>
            <ReceiptPreview doc={result.receipt} />
          </div>
        </div>
      </section>
    );
  }

  return (
    <section className="screen checkout" aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t('checkout.title')}</h1>
      <div className="checkout__grid">
        <div className="checkout__basket">
          <div
            className={`panel checkout__member${member ? ' checkout__member--known' : ''}`}
            data-testid="checkout-member"
          >
            {member ? (
              <>
                <span className="checkout__member-name">{member.name}</span>
                <span className={`tier-badge tier-badge--${member.tier.code}`} data-testid="checkout-member-tier">
                  {name(member.tier.name)}
                </span>
                <span className="muted">{t('checkout.memberBalance', { points: member.balance })}</span>
                <button
                  type="button"
                  className="button button--ghost"
                  data-testid="checkout-clear-member"
                  onClick={() => void change((d) => ({ ...d, memberId: null, pointsToRedeem: 0 }))}
                >
                  {t('checkout.clearMember')}
                </button>
              </>
            ) : (
              <span className="muted">{t('checkout.anonymous')}</span>
            )}
          </div>

          <form className="search-form" onSubmit={submitCode}>
            <label className="field field--grow">
              <span className="field__label">{t('checkout.codeLabel')}</span>
              <input
                className="input input--large"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value);
                  setCodeError(null);
                }}
                placeholder={t('checkout.codePlaceholder')}
                autoComplete="off"
                data-testid="checkout-code-input"
              />
            </label>
            <button type="submit" className="button" data-testid="checkout-code-submit">
              {t('checkout.add')}
            </button>
          </form>
          <InlineError error={codeError} testId="checkout-code-error" />
          <p className="hint">{t('checkout.scanHint')}</p>

          {draft.lines.length === 0 ? (
            <p className="empty" data-testid="checkout-empty">
              {t('checkout.empty')}
            </p>
          ) : (
            <ul className="sale-lines" data-testid="checkout-lines">
              {draft.lines.map((line, i) => {
                const q = quote?.lines[i];
                return (
                  <li key={line.productId} className="sale-line" data-testid={`line-${q?.sku ?? line.productId}`}>
                    <div className="sale-line__name">{q ? name(q.name) : productName(line.productId)}</div>
                    <div
                      className="sale-line__price"
                      data-testid={`line-price-${q?.sku ?? line.productId}`}
                      data-unit={q?.unitMinor}
                    >
                      {q && q.unitMinor < q.listUnitMinor && <s className="muted">{money(q.listUnitMinor)}</s>}{' '}
                      <strong>{q ? money(q.unitMinor) : ''}</strong>
                    </div>
                    <div className="stepper">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('checkout.minus')}
                        data-testid={`line-minus-${i}`}
                        onClick={() => setQuantity(i, line.quantity - 1)}
                      >
                        −
                      </button>
                      <span className="stepper__value" data-testid={`line-qty-${i}`}>
                        {line.quantity}
                      </span>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('checkout.plus')}
                        data-testid={`line-plus-${i}`}
                        onClick={() => setQuantity(i, line.quantity + 1)}
                      >
                        +
                      </button>
                    </div>
                    <div
                      className="sale-line__amount"
                      data-testid={`line-net-${q?.sku ?? line.productId}`}
                      data-minor={q ? q.netMinor - q.pointsValueMinor : undefined}
                      title={t('sale.line.net')}
                    >
                      {q ? money(q.netMinor - q.pointsValueMinor) : ''}
                    </div>
                    <button
                      type="button"
                      className="button button--ghost"
                      data-testid={`line-remove-${i}`}
                      onClick={() => setQuantity(i, 0)}
                    >
                      {t('checkout.remove')}
                    </button>
                    {q && <LineFigures line={q} tier={member ? name(member.tier.name) : ''} money={money} />}
                  </li>
                );
              })}
            </ul>
          )}

          <h2>{t('checkout.catalogue')}</h2>
          <div className="product-tiles">
            {products.map((p) => (
              <button
                key={p.id}
                type="button"
                className="tile product-tile"
                data-testid={`product-${p.sku}`}
                onClick={() => void change((d) => addProduct(d, p.id))}
              >
                <span className="tile__name">{name(p.name)}</span>
                <span className="muted" data-testid={`product-price-${p.sku}`}>
                  {money(p.listPriceMinor)}
                </span>
              </button>
            ))}
          </div>
        </div>

        <div className="checkout__side">
          {/* Reads top-down as a sum: list total − member savings − each coupon (+ tax added) = total;
              total − points = due. Every figure is the quote's, none is worked out here. */}
          <div className="panel totals" data-testid="checkout-totals">
            <div className="kv">
              <dt>{t('checkout.listTotal')}</dt>
              <dd data-testid="checkout-list-total" data-minor={quote?.listTotalMinor ?? 0}>
                {money(quote?.listTotalMinor ?? 0)}
              </dd>
            </div>
            {quote && quote.memberSavingsMinor > 0 && (
              <div className="kv">
                <dt>{t('checkout.memberSavings')}</dt>
                <dd data-testid="checkout-member-savings" data-minor={quote.memberSavingsMinor}>
                  −{money(quote.memberSavingsMinor)}
                </dd>
              </div>
            )}
            {draft.couponCodes.length > 0 && (
              <ul className="plain coupons" data-testid="checkout-coupons">
                {quote?.coupons.map((c) => (
                  <li key={c.code} className="kv">
                    <dt>
                      {name(c.name)} <span className="mono muted">{c.code}</span>
                    </dt>
                    <dd data-testid={`checkout-coupon-${c.code}`} data-minor={c.discountMinor}>
                      −{money(c.discountMinor)}{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          void change((d) => ({ ...d, couponCodes: d.couponCodes.filter((x) => x !== c.code) }))
                        }
                      >
                        {t('checkout.removeCoupon')}
                      </button>
                    </dd>
                  </li>
                ))}
              </ul>
            )}
            {quote?.entrant && (
              <div className="kv" data-testid="checkout-entrant">
                <dt>
                  {t('checkoutEntrant.label')} {quote.entrant.maskedName}{' '}
                  <span className="mono muted">{quote.entrant.code}</span>
                </dt>
                <dd>
                  {t('checkoutEntrant.votes', { count: quote.entrant.votes })}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      void change((d) => ({
                        ...d,
                        couponCodes: d.couponCodes.filter((x) => x !== quote.entrant?.code),
                      }))
                    }
                  >
                    {t('checkout.removeCoupon')}
                  </button>
                </dd>
              </div>
            )}
            {quote && !quote.taxIncluded && quote.taxMinor > 0 && (
              <div className="kv">
                <dt>{t('sale.totals.tax', { rate: quote.taxRateBp / 100 })}</dt>
                <dd data-testid="checkout-tax">+{money(quote.taxMinor)}</dd>
              </div>
            )}
            <div className="kv kv--total">
              <dt>{t('checkout.total')}</dt>
              <dd data-testid="checkout-total">{money(quote?.totalMinor ?? 0)}</dd>
            </div>
            {quote && quote.taxIncluded && quote.taxRateBp > 0 && (
              <p className="muted" data-testid="checkout-tax-note">
                {t('checkout.taxIncluded', { rate: quote.taxRateBp / 100, tax: money(quote.taxMinor) })}
              </p>
            )}
            {quote && quote.pointsValueMinor > 0 && (
              <div className="kv">
                <dt>{t('checkout.points')}</dt>
                <dd data-testid="checkout-points-value" data-minor={quote.pointsValueMinor}>
                  {t('checkout.pointsValue', { value: money(quote.pointsValueMinor), points: quote.pointsRedeemed })}
                </dd>
              </div>
            )}
            <div className="kv kv--due">
              <dt>{t('checkout.due')}</dt>
              <dd data-testid="checkout-due" data-minor={due}>
                {money(due)}
              </dd>
            </div>
            {member && quote && (
              <p className="muted" data-testid="checkout-earn">
                {t('checkout.earn', { points: quote.pointsEarned })}
              </p>
            )}
          </div>

          {member && quote && (
            <form
              className="panel points-form"
              onSubmit={(e) => {
                e.preventDefault();
                applyPoints(Number(pointsText.trim() || '0'));
              }}
            >
              <h2>{t('checkout.points')}</h2>
              <p className="muted">
                {t('checkout.pointsHint', {
                  balance: member.balance,
                  max: quote.maxRedeemablePoints,
                  rate: quote.redeemRate.points,
                  value: money(quote.redeemRate.valueMinor),
                })}
              </p>
              <div className="inline">
                <input
                  className="input"
                  inputMode="numeric"
                  value={pointsText}
                  onChange={(e) => {
                    setPointsText(e.target.value);
                    setPointsError(null);
                  }}
                  data-testid="checkout-points"
                />
                <button type="submit" className="button" data-testid="checkout-points-apply">
                  {t('checkout.pointsApply')}
                </button>
                <button
                  type="button"
                  className="button"
                  data-testid="checkout-points-max"
                  onClick={() => applyPoints(quote.maxRedeemablePoints)}
                >
                  {t('checkout.pointsMax')}
                </button>
              </div>
              <InlineError error={pointsError} testId="checkout-points-error" />
            </form>
          )}

          <div className="panel payment">
            <h2>{t('checkout.pay')}</h2>
            <label className="field">
              <span className="field__label">{t('checkout.external')}</span>
              <select
                className="input"
                value={extMethod}
                data-testid="checkout-ext-method"
                onChange={(e) => {
                  const m = e.target.value as ExternalTenderMethod | 'none';
                  setExtMethod(m);
                  setExtAmountText(m === 'none' ? '' : (due / 100).toFixed(2));
                }}
              >
                <option value="none">{t('checkout.externalNone')}</option>
                <option value="bank_card">{t('tenders.bank_card')}</option>
                <option value="mobile">{t('tenders.mobile')}</option>
              </select>
            </label>
            {extMethod !== 'none' && (
              <div className="inline">
                <label className="field">
                  <span className="field__label">{t('checkout.externalAmount')}</span>
                  <input
                    className="input"
                    inputMode="decimal"
                    value={extAmountText}
                    onChange={(e) => setExtAmountText(e.target.value)}
                    data-testid="checkout-ext-amount"
                  />
                </label>
                <label className="field field--grow">
                  <span className="field__label">{t('checkout.reference')}</span>
                  <input
                    className="input"
                    value={extRef}
                    maxLength={64}
                    onChange={(e) => setExtRef(e.target.value)}
                    data-testid="checkout-ext-reference"
                  />
                </label>
              </div>
            )}
            <label className="field">
              <span className="field__label">{t('checkout.cash')}</span>
              <input
                className="input input--large"
                inputMode="decimal"
                value={cashText}
                onChange={(e) => setCashText(e.target.value)}
                data-testid="checkout-cash"
              />
            </label>
            <div className="inline quick-cash">
              {[remaining, 5000, 10_000, 20_000]
                .filter((v, i, a) => v > 0 && v >= remaining && a.indexOf(v) === i)
                .map((v) => (
                  <button key={v} type="button" className="button" onClick={() => setCashText((v / 100).toFixed(2))}>
                    {money(v)}
                  </button>
                ))}
            </div>
            <p
              className={`big-figure${changeDue < 0 ? ' big-figure--short' : ''}`}
              data-testid="checkout-change-preview"
            >
              {changeDue >= 0
                ? `${t('checkout.change')} ${money(changeDue)}`
                : `${t('checkout.short')} ${money(-changeDue)}`}
            </p>
            <InlineError error={pay.error} testId="checkout-pay-error" />
            <div className="actions">
              <button
                type="button"
                className="button button--primary button--wide"
                data-testid="checkout-complete"
                disabled={busy || draft.lines.length === 0}
                onClick={() => void complete()}
              >
                {busy ? t('checkout.completing') : t('checkout.complete')}
              </button>
              <button
                type="button"
                className="button button--ghost"
                data-testid="checkout-void"
                onClick={() => (draft.lines.length > 0 ? setConfirmVoid(true) : voidSale())}
              >
                {t('checkout.void')}
              </button>
            </div>
          </div>
        </div>
      </div>
      {confirmVoid && (
        <Dialog
          title={t('sale.void.title')}
          testId="void-dialog"
          danger
          confirmLabel={t('sale.void.confirm')}
          onSubmit={voidSale}
          onCancel={() => setConfirmVoid(false)}
        >
          <p data-testid="void-dialog-summary">
            {t('sale.void.body', {
              count: draft.lines.reduce((a, l) => a + l.quantity, 0),
              amount: money(quote?.totalMinor ?? 0),
            })}
          </p>
        </Dialog>
      )}
    </section>
  );
}

/**
 * One basket line's figures, as a small sum: list price × quantity, the member price's saving, the
 * line's coupon share and points share (each only when there is one), to the line's amount to pay.
 */
function LineFigures({ line, tier, money }: { line: QuoteLine; tier: string; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; minor: number }[] = [
    {
      key: 'list',
      label: t('sale.line.list', { qty: line.quantity, price: money(line.listUnitMinor) }),
      minor: line.listUnitMinor * line.quantity,
    },
  ];
  if (line.memberSavingMinor > 0)
    rows.push({
      key: 'member',
      label: t('sale.line.memberPrice', { tier, price: money(line.unitMinor) }),
      minor: -line.memberSavingMinor,
    });
  if (line.couponDiscountMinor > 0)
    rows.push({ key: 'coupon', label: t('sale.line.coupon'), minor: -line.couponDiscountMinor });
  if (line.pointsValueMinor > 0)
    rows.push({
      key: 'points',
      label: t('sale.line.points', { points: line.pointsRedeemed }),
      minor: -line.pointsValueMinor,
    });
  // A line at list price and quantity 1 has nothing to explain.
  if (rows.length === 1 && line.quantity === 1) return null;
  return (
    <dl className="sale-line__figures">
      {rows.map((r) => (
        <div key={r.key} className="sale-line__figure">
          <dt>{r.label}</dt>
          <dd data-testid={`line-${r.key}-${line.sku}`} data-minor={r.minor}>
            {r.minor < 0 ? `−${money(-r.minor)}` : money(r.minor)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
