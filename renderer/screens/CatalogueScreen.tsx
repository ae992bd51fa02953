import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, CatalogueProduct, LocalName, TierInfo } from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { Dialog } from '../components/kit/Dialog';
import { Field } from '../components/kit/Field';
import { fieldErrorsOf, isFormLevel } from '../components/kit/field-errors';
import { useAction } from '../components/use-action';
import { formatMinor } from '../money';
import '../styles/catalogue.css';
import {
  newProductForm,
  newTierForm,
  productFormOf,
  productHasCode,
  productMatches,
  tierFormOf,
  toProductInput,
  toTierInput,
  type ProductForm,
  type TierForm,
} from './catalogue-form';

const productFields = ['sku', 'barcode', 'nameZh', 'nameEn', 'category', 'listPriceMinor'];
const tierFields = [
  'code',
  'nameZh',
  'nameEn',
  'rank',
  'qualifyMetric',
  'threshold',
  'windowDays',
  'pointsMultiplierPct',
];

/** The dialog's own error line shows what belongs to none of its fields (the fields show the rest). */
const formLevel = (error: ApiErrorShape | null, fields: readonly string[]) =>
  isFormLevel(error, fields) ? error : null;

/**
 * Products, prices and member tiers a manager keeps at this terminal while no hub sends a catalogue
 * (decision 0015). Saving goes through the core, which checks every field and names each wrong one
 * beside its input; a scanned barcode opens its product, or a new one with that barcode.
 */
export function CatalogueScreen() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { api, session } = useApp();
  const currency = session?.store?.currency ?? 'CNY';
  const money = (minor: number) => formatMinor(minor, currency, lng);
  const name = (n: LocalName) => (lng === 'en' ? n.en : n.zh);

  const [products, setProducts] = useState<CatalogueProduct[] | null>(null);
  const [tiers, setTiers] = useState<TierInfo[]>([]);
  const [query, setQuery] = useState('');
  const [productForm, setProductForm] = useState<ProductForm | null>(null);
  const [tierForm, setTierForm] = useState<TierForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useAction();
  const saveProduct = useAction({ inline: true });
  const saveTier = useAction({ inline: true });
  const { run: runLoad } = load;

  const reload = useCallback(
    () =>
      runLoad(async () => {
        const [p, tr] = await Promise.all([api.listCatalogueProducts(), api.listTiers()]);
        setProducts(p);
        setTiers(tr);
      }),
    [api, runLoad],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const openProduct = (form: ProductForm) => {
    saveProduct.resetError();
    setNotice(null);
    setProductForm(form);
  };
  const openTier = (form: TierForm) => {
    saveTier.resetError();
    setNotice(null);
    setTierForm(form);
  };

  // A scan fills the barcode of the product being edited; otherwise it opens that product, or a new one.
  useScanReceiver((text) => {
    const code = text.trim();
    if (productForm) {
      setProductForm({ ...productForm, barcode: code });
      return;
    }
    if (tierForm) return;
    const known = products?.find((p) => productHasCode(p, code));
    openProduct(known ? productFormOf(known) : newProductForm(/^\d+$/.test(code) ? { barcode: code } : { sku: code }));
  });

  const submitProduct = (form: ProductForm) =>
    saveProduct.run(async () => {
      const saved = await api.saveProduct(toProductInput(form));
      setProductForm(null);
      setNotice(t('catalogue.saved', { name: name(saved.name) }));
      setProducts((list) => [...(list ?? []).filter((p) => p.id !== saved.id), saved].sort(byCategoryAndSku));
    });

  const submitTier = (form: TierForm) =>
    saveTier.run(async () => {
      const all = await api.saveTier(toTierInput(form));
      const code = form.code.trim().toLowerCase();
      const saved = all.find((x) => x.code === code);
      setTierForm(null);
      setTiers(all);
      setNotice(t('catalogue.saved', { name: saved ? name(saved.name) : code }));
    });

  const shown = useMemo(() => (products ?? []).filter((p) => productMatches(p, query)), [products, query]);
  const categories = useMemo(() => [...new Set((products ?? []).map((p) => p.category))].sort(), [products]);
  const lowestRank = tiers[0]?.rank;

  return (
    <section className="screen catalogue" aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.lead')}</p>
      {notice && (
        <p className="notice catalogue__notice" role="status" data-testid="catalogue-saved">
          {notice}
        </p>
      )}

      <div className="panel catalogue__panel">
        <div className="panel__head">
          <h2>{t('catalogue.products.title')}</h2>
          <button
            type="button"
            className="button button--primary"
            data-testid="catalogue-add-product"
            onClick={() => openProduct(newProductForm())}
          >
            {t('catalogue.products.add')}
          </button>
        </div>
        {(products?.length ?? 0) > 0 && (
          <Field label={t('catalogue.products.filter')} field="filter" hint={t('catalogue.products.filterHint')}>
            <input
              className="input"
              type="search"
              data-testid="catalogue-filter"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </Field>
        )}
        {products?.length === 0 && (
          <p className="muted" data-testid="catalogue-empty">
            {t('catalogue.products.empty')}
          </p>
        )}
        {products && products.length > 0 && shown.length === 0 && (
          <p className="muted">{t('catalogue.products.noMatch')}</p>
        )}
        {shown.length > 0 && (
          <div className="catalogue__scroll">
            <table className="catalogue__table" data-testid="catalogue-products">
              <thead>
                <tr>
                  <th>{t('catalogue.products.name')}</th>
                  <th>{t('catalogue.products.sku')}</th>
                  <th>{t('catalogue.products.barcode')}</th>
                  <th>{t('catalogue.products.category')}</th>
                  <th className="catalogue__num">{t('catalogue.products.price')}</th>
                  <th>{t('catalogue.products.memberPrices')}</th>
                  <th>{t('catalogue.products.status')}</th>
                  <th aria-label={t('catalogue.products.edit')} />
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr
                    key={p.id}
                    className={p.active ? undefined : 'catalogue__row--inactive'}
                    data-testid={`catalogue-product-${p.sku}`}
                  >
                    <td>
                      <span className="catalogue__name">{name(p.name)}</span>
                      {!p.pointsEligible && <span className="muted"> · {t('catalogue.products.noPoints')}</span>}
                    </td>
                    <td className="mono">{p.sku}</td>
                    <td className="mono">
                      {p.barcode ?? <span className="muted">{t('catalogue.products.noBarcode')}</span>}
                    </td>
                    <td>{p.category}</td>
                    <td
                      className="catalogue__num"
                      data-testid={`catalogue-price-${p.sku}`}
                      data-minor={p.listPriceMinor}
                    >
                      {money(p.listPriceMinor)}
                    </td>
                    <td>
                      {tiers
                        .filter((tier) => p.tierPrices[tier.code] !== undefined)
                        .map((tier) => (
                          <span key={tier.code} className="catalogue__tier-price">
                            {name(tier.name)} {money(p.tierPrices[tier.code]!)}
                          </span>
                        ))}
                    </td>
                    <td>
                      <span
                        className={`badge ${p.active ? 'badge--ok' : ''}`}
                        data-testid={`catalogue-status-${p.sku}`}
                      >
                        {p.active ? t('catalogue.products.active') : t('catalogue.products.inactive')}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        data-testid={`catalogue-edit-${p.sku}`}
                        onClick={() => openProduct(productFormOf(p))}
                      >
                        {t('catalogue.products.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <div className="panel catalogue__panel">
        <div className="panel__head">
          <h2>{t('catalogue.tiers.title')}</h2>
          <button
            type="button"
            className="button"
            data-testid="catalogue-add-tier"
            onClick={() => openTier(newTierForm(tiers))}
          >
            {t('catalogue.tiers.add')}
          </button>
        </div>
        <p className="muted">{t('catalogue.tiers.lead')}</p>
        <div className="catalogue__scroll">
          <table className="catalogue__table" data-testid="catalogue-tiers">
            <thead>
              <tr>
                <th className="catalogue__num">{t('catalogue.tiers.rank')}</th>
                <th>{t('catalogue.tiers.code')}</th>
                <th>{t('catalogue.tiers.name')}</th>
                <th>{t('catalogue.tiers.qualify')}</th>
                <th>{t('catalogue.tiers.window')}</th>
                <th>{t('catalogue.tiers.multiplier')}</th>
                <th aria-label={t('catalogue.tiers.edit')} />
              </tr>
            </thead>
            <tbody>
              {tiers.map((tier) => (
                <tr key={tier.code} data-testid={`catalogue-tier-${tier.code}`}>
                  <td className="catalogue__num">{tier.rank}</td>
                  <td className="mono">{tier.code}</td>
                  <td>{name(tier.name)}</td>
                  <td>
                    {tier.rank === lowestRank ? (
                      <span className="badge">{t('catalogue.tiers.entry')}</span>
                    ) : tier.qualifyMetric === 'spend' ? (
                      t('catalogue.tiers.spend', { amount: money(tier.threshold) })
                    ) : (
                      t('catalogue.tiers.points', { points: tier.threshold })
                    )}
                  </td>
                  <td>{t('catalogue.tiers.days', { days: tier.windowDays })}</td>
                  <td>{t('catalogue.tiers.times', { value: tier.pointsMultiplierPct / 100 })}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      data-testid={`catalogue-edit-tier-${tier.code}`}
                      onClick={() => openTier(tierFormOf(tier))}
                    >
                      {t('catalogue.tiers.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      {productForm && (
        <ProductDialog
          form={productForm}
          tiers={tiers}
          categories={categories}
          error={saveProduct.error}
          busy={saveProduct.busy}
          onChange={setProductForm}
          onSubmit={() => void submitProduct(productForm)}
          onCancel={() => setProductForm(null)}
        />
      )}
      {tierForm && (
        <TierDialog
          form={tierForm}
          error={saveTier.error}
          busy={saveTier.busy}
          onChange={setTierForm}
          onSubmit={() => void submitTier(tierForm)}
          onCancel={() => setTierForm(null)}
        />
      )}
    </section>
  );
}

function byCategoryAndSku(a: CatalogueProduct, b: CatalogueProduct): number {
  return a.category === b.category ? (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) : a.category < b.category ? -1 : 1;
}

interface FormDialogProps<F> {
  form: F;
  error: ApiErrorShape | null;
  busy: boolean;
  onChange(form: F): void;
  onSubmit(): void;
  onCancel(): void;
}

/** A text input bound to one key of a form; its test id is `<prefix>-<key>`. */
function TextInput<F>({
  form,
  name,
  prefix,
  onChange,
  inputMode,
  disabled,
  list,
}: {
  form: F;
  name: keyof F & string;
  prefix: string;
  onChange(form: F): void;
  inputMode?: 'decimal' | 'numeric' | 'text';
  disabled?: boolean;
  list?: string;
}): ReactNode {
  return (
    <input
      className="input"
      type="text"
      autoComplete="off"
      data-testid={`${prefix}-${name}`}
      inputMode={inputMode}
      disabled={disabled}
      list={list}
      value={String(form[name] ?? '')}
      onChange={(e) => onChange({ ...form, [name]: e.target.value })}
    />
  );
}

function ProductDialog({
  form,
  tiers,
  categories,
  error,
  busy,
  onChange,
  onSubmit,
  onCancel,
}: FormDialogProps<ProductForm> & { tiers: TierInfo[]; categories: string[] }) {
  const { t, i18n } = useTranslation();
  const errors = fieldErrorsOf(error);
  const fields = [...productFields, ...tiers.map((tier) => `tierPrices.${tier.code}`)];
  const input = (name: keyof ProductForm & string, more: { inputMode?: 'decimal'; list?: string } = {}) => (
    <TextInput form={form} name={name} prefix="product" onChange={onChange} {...more} />
  );
  return (
    <Dialog
      title={form.id ? t('catalogue.product.editTitle', { sku: form.sku }) : t('catalogue.product.newTitle')}
      testId="product-dialog"
      error={formLevel(error, fields)}
      busy={busy}
      confirmLabel={t('catalogue.product.save')}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <div className="catalogue__form">
        <Field label={t('catalogue.product.nameZh')} field="nameZh" error={errors.nameZh} required>
          {input('nameZh')}
        </Field>
        <Field
          label={t('catalogue.product.nameEn')}
          field="nameEn"
          error={errors.nameEn}
          hint={t('catalogue.product.nameEnHint')}
        >
          {input('nameEn')}
        </Field>
        <Field
          label={t('catalogue.product.sku')}
          field="sku"
          error={errors.sku}
          hint={t('catalogue.product.skuHint')}
          required
        >
          {input('sku')}
        </Field>
        <Field
          label={t('catalogue.product.barcode')}
          field="barcode"
          error={errors.barcode}
          hint={t('catalogue.product.barcodeHint')}
        >
          {input('barcode', { inputMode: 'decimal' })}
        </Field>
        <Field
          label={t('catalogue.product.category')}
          field="category"
          error={errors.category}
          hint={t('catalogue.product.categoryHint')}
        >
          {input('category', { list: 'catalogue-categories' })}
          <datalist id="catalogue-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        <Field
          label={t('catalogue.product.listPrice')}
          field="listPriceMinor"
          error={errors.listPriceMinor}
          hint={t('catalogue.product.listPriceHint')}
          required
        >
          {input('listPrice', { inputMode: 'decimal' })}
        </Field>
        {tiers.map((tier) => {
          const field = `tierPrices.${tier.code}`;
          return (
            <Field
              key={tier.code}
              label={t('catalogue.product.tierPrice', { tier: i18n.language === 'en' ? tier.name.en : tier.name.zh })}
              field={field}
              error={errors[field]}
              hint={t('catalogue.product.tierPriceHint')}
            >
              <input
                className="input"
                type="text"
                autoComplete="off"
                inputMode="decimal"
                data-testid={`product-tierPrice-${tier.code}`}
                value={form.tierPrices[tier.code] ?? ''}
                onChange={(e) => onChange({ ...form, tierPrices: { ...form.tierPrices, [tier.code]: e.target.value } })}
              />
            </Field>
          );
        })}
      </div>
      <label className="check">
        <input
          type="checkbox"
          data-testid="product-pointsEligible"
          checked={form.pointsEligible}
          onChange={(e) => onChange({ ...form, pointsEligible: e.target.checked })}
        />
        {t('catalogue.product.pointsEligible')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="product-active"
          checked={form.active}
          onChange={(e) => onChange({ ...form, active: e.target.checked })}
        />
        <span>
          {t('catalogue.product.active')} <span className="field__hint">{t('catalogue.product.activeHint')}</span>
        </span>
      </label>
    </Dialog>
  );
}

function TierDialog({ form, error, busy, onChange, onSubmit, onCancel }: FormDialogProps<TierForm>) {
  const { t } = useTranslation();
  const errors = fieldErrorsOf(error);
  const input = (
    name: keyof TierForm & string,
    more: { inputMode?: 'decimal' | 'numeric'; disabled?: boolean } = {},
  ) => <TextInput form={form} name={name} prefix="tier" onChange={onChange} {...more} />;
  const spend = form.qualifyMetric === 'spend';
  return (
    <Dialog
      title={form.existing ? t('catalogue.tier.editTitle', { code: form.code }) : t('catalogue.tier.newTitle')}
      testId="tier-dialog"
      error={formLevel(error, tierFields)}
      busy={busy}
      confirmLabel={t('catalogue.tier.save')}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <div className="catalogue__form">
        <Field
          label={t('catalogue.tier.code')}
          field="code"
          error={errors.code}
          hint={t('catalogue.tier.codeHint')}
          required
        >
          {input('code', { disabled: form.existing })}
        </Field>
        <Field
          label={t('catalogue.tier.rank')}
          field="rank"
          error={errors.rank}
          hint={t('catalogue.tier.rankHint')}
          required
        >
          {input('rank', { inputMode: 'numeric' })}
        </Field>
        <Field label={t('catalogue.tier.nameZh')} field="nameZh" error={errors.nameZh} required>
          {input('nameZh')}
        </Field>
        <Field
          label={t('catalogue.tier.nameEn')}
          field="nameEn"
          error={errors.nameEn}
          hint={t('catalogue.tier.nameEnHint')}
        >
          {input('nameEn')}
        </Field>
        <Field label={t('catalogue.tier.metric')} field="qualifyMetric" error={errors.qualifyMetric}>
          <select
            className="input"
            data-testid="tier-qualifyMetric"
            value={form.qualifyMetric}
            onChange={(e) => onChange({ ...form, qualifyMetric: e.target.value === 'points' ? 'points' : 'spend' })}
          >
            <option value="spend">{t('catalogue.tier.metricSpend')}</option>
            <option value="points">{t('catalogue.tier.metricPoints')}</option>
          </select>
        </Field>
        <Field
          label={spend ? t('catalogue.tier.thresholdSpend') : t('catalogue.tier.thresholdPoints')}
          field="threshold"
          error={errors.threshold}
          hint={t('catalogue.tier.thresholdHint')}
          required
        >
          {input('threshold', { inputMode: spend ? 'decimal' : 'numeric' })}
        </Field>
        <Field label={t('catalogue.tier.windowDays')} field="windowDays" error={errors.windowDays}>
          {input('windowDays', { inputMode: 'numeric' })}
        </Field>
        <Field
          label={t('catalogue.tier.multiplier')}
          field="pointsMultiplierPct"
          error={errors.pointsMultiplierPct}
          hint={t('catalogue.tier.multiplierHint')}
        >
          {input('multiplier', { inputMode: 'decimal' })}
        </Field>
      </div>
    </Dialog>
  );
}
