import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueProduct, LocalName, TierInfo } from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { Field } from '../components/kit/Field';
import { useAction } from '../components/use-action';
import { formatMinor } from '../money';
import '../styles/catalogue.css';
import { ProductDialog, TierDialog } from './CatalogueDialogs';
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

/**
 * Products, prices and member tiers a manager keeps at this terminal while no hub sends a catalogue
 * (decision 0015). Saving goes through the core, which checks every field and names each wrong one
 * beside its input; a scanned barcode opens its product, or a new one with that barcode. Once the
 * terminal is registered with a hub, the hub is the source (decision 0018): the screen shows what
 * the hub sent, without edit buttons, and reads again when the hub sends more.
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
  /** The hub's store name when the hub keeps this catalogue; null when the manager does. */
  const [hubStore, setHubStore] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [productForm, setProductForm] = useState<ProductForm | null>(null);
  const [tierForm, setTierForm] = useState<TierForm | null>(null);
  // What was saved, not the words: the notice follows a language switch.
  const [notice, setNotice] = useState<LocalName | string | null>(null);
  const load = useAction();
  const saveProduct = useAction({ inline: true });
  const saveTier = useAction({ inline: true });
  const { run: runLoad } = load;

  const reload = useCallback(
    () =>
      runLoad(async () => {
        const [p, tr, sync] = await Promise.all([api.listCatalogueProducts(), api.listTiers(), api.getSyncStatus()]);
        setProducts(p);
        setTiers(tr);
        setHubStore(sync.registered ? (sync.hubStoreName ?? sync.hubUrl ?? '') : null);
      }),
    [api, runLoad],
  );
  useEffect(() => {
    void reload();
    return api.on('catalogueChanged', () => void reload());
  }, [api, reload]);
  const managed = hubStore !== null;

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
    if (managed) return;
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
      setNotice(saved.name);
      setProducts((list) => [...(list ?? []).filter((p) => p.id !== saved.id), saved].sort(byCategoryAndSku));
    });

  const submitTier = (form: TierForm) =>
    saveTier.run(async () => {
      const all = await api.saveTier(toTierInput(form));
      const code = form.code.trim().toLowerCase();
      const saved = all.find((x) => x.code === code);
      setTierForm(null);
      setTiers(all);
      setNotice(saved ? saved.name : code);
    });

  const shown = useMemo(() => (products ?? []).filter((p) => productMatches(p, query)), [products, query]);
  const categories = useMemo(() => [...new Set((products ?? []).map((p) => p.category))].sort(), [products]);
  const lowestRank = tiers[0]?.rank;

  return (
    <section className="screen catalogue" aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t('catalogue.title')}</h1>
      {managed ? (
        <p className="lead notice" role="note" data-testid="catalogue-hub-managed">
          {t('catalogue.hubLead', { store: hubStore })}
        </p>
      ) : (
        <p className="lead">{t('catalogue.lead')}</p>
      )}
      {notice && (
        <p className="notice catalogue__notice" role="status" data-testid="catalogue-saved">
          {t('catalogue.saved', { name: typeof notice === 'string' ? notice : name(notice) })}
        </p>
      )}

      <div className="panel catalogue__panel">
        <div className="panel__head">
          <h2>{t('catalogue.products.title')}</h2>
          {!managed && (
            <button
              type="button"
              className="button button--primary"
              data-testid="catalogue-add-product"
              onClick={() => openProduct(newProductForm())}
            >
              {t('catalogue.products.add')}
            </button>
          )}
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
                  {!managed && <th aria-label={t('catalogue.products.edit')} />}
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
                    {!managed && (
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
                    )}
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
          {!managed && (
            <button
              type="button"
              className="button"
              data-testid="catalogue-add-tier"
              onClick={() => openTier(newTierForm(tiers))}
            >
              {t('catalogue.tiers.add')}
            </button>
          )}
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
                {!managed && <th aria-label={t('catalogue.tiers.edit')} />}
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
                  {!managed && (
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
                  )}
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
