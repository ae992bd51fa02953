import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CheckoutResult,
  ExternalTenderMethod,
  LocalName,
  ProductInfo,
  SaleDraft,
  SaleQuote,
  TenderInput,
} from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { useAction } from '../components/use-action';
import { formatMinor, newRequestId, parseMajor } from '../money';

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
 * is what will be recorded. Voiding simply forgets it: nothing was written.
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
  const { busy, run } = useAction();
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
  }, []);

  /** Runs changes one after another (scans arrive faster than answers) and keeps only accepted ones. */
  const change = useCallback(
    (next: (current: SaleDraft) => SaleDraft | Promise<SaleDraft>) => {
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
          showError(e);
        }
      });
      return queue.current;
    },
    [api, clearError, reset, showError],
  );

  const handleCode = useCallback(
    (text: string) => {
      void change(async (d) => {
        const outcome = await api.handleScan({ text, source: 'wedge' });
        if (outcome.kind === 'member') return { ...d, memberId: outcome.member.id };
        if (outcome.kind === 'product') return addProduct(d, outcome.product.id);
        return d.couponCodes.includes(outcome.code) ? d : { ...d, couponCodes: [...d.couponCodes, outcome.code] };
      });
    },
    [api, change],
  );
  useScanReceiver(handleCode);

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
    handleCode(text);
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
    void change((d) => ({ ...d, pointsToRedeem: points }));
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
    await run(async () => {
      requestId.current ??= newRequestId();
      setResult(await api.checkout({ ...draftRef.current, requestId: requestId.current, tenders }));
    });
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
                onChange={(e) => setCode(e.target.value)}
                placeholder={t('checkout.codePlaceholder')}
                autoComplete="off"
                data-testid="checkout-code-input"
              />
            </label>
            <button type="submit" className="button" data-testid="checkout-code-submit">
              {t('checkout.add')}
            </button>
          </form>
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
                      {q && q.unitMinor < q.listUnitMinor && member && (
                        <span className="badge badge--ok">
                          {t('checkout.memberPrice', { tier: name(member.tier.name) })}
                        </span>
                      )}
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
                    <div className="sale-line__amount">{q ? money(q.netMinor) : ''}</div>
                    <button
                      type="button"
                      className="button button--ghost"
                      data-testid={`line-remove-${i}`}
                      onClick={() => setQuantity(i, 0)}
                    >
                      {t('checkout.remove')}
                    </button>
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
                <span className="muted">{money(p.listPriceMinor)}</span>
              </button>
            ))}
          </div>
        </div>

        <div className="checkout__side">
          <div className="panel totals" data-testid="checkout-totals">
            {quote && quote.memberSavingsMinor > 0 && (
              <>
                <div className="kv">
                  <dt>{t('checkout.listTotal')}</dt>
                  <dd>{money(quote.listTotalMinor)}</dd>
                </div>
                <div className="kv">
                  <dt>{t('checkout.memberSavings')}</dt>
                  <dd data-testid="checkout-member-savings">−{money(quote.memberSavingsMinor)}</dd>
                </div>
              </>
            )}
            {draft.couponCodes.length > 0 && (
              <ul className="plain coupons" data-testid="checkout-coupons">
                {quote?.coupons.map((c) => (
                  <li key={c.code} className="kv">
                    <dt>
                      {name(c.name)} <span className="mono muted">{c.code}</span>
                    </dt>
                    <dd>
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
            <div className="kv kv--total">
              <dt>{t('checkout.total')}</dt>
              <dd data-testid="checkout-total">{money(quote?.totalMinor ?? 0)}</dd>
            </div>
            {quote && quote.taxRateBp > 0 && (
              <p className="muted">
                {t(quote.taxIncluded ? 'checkout.taxIncluded' : 'checkout.taxAdded', {
                  rate: quote.taxRateBp / 100,
                  tax: money(quote.taxMinor),
                })}
              </p>
            )}
            {quote && quote.pointsValueMinor > 0 && (
              <div className="kv">
                <dt>{t('checkout.points')}</dt>
                <dd data-testid="checkout-points-value">
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
                  onChange={(e) => setPointsText(e.target.value)}
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
                onClick={() => {
                  reset();
                  clearError();
                }}
              >
                {t('checkout.void')}
              </button>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
