// Rewards bought with points: a manager keeps the list and the stock; staff see it. Each reward's
// value is fixed once added (its vouchers all mean the same); stock changes and a reward retires.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, LocalName, ProductInfo, RewardInfo, RewardKind } from '../../../contract';
import { useApp } from '../../app-context';
import { Dialog } from '../../components/kit/Dialog';
import { Field } from '../../components/kit/Field';
import { fieldErrorsOf, formLevelError } from '../../components/kit/field-errors';
import { InlineError } from '../../components/kit/InlineError';
import { toErrorShape } from '../../errors';
import { formatMinor, parseMajor } from '../../money';
import '../../styles/catalogue.css';

const formFields = ['nameZh', 'nameEn', 'kind', 'pointsCost', 'amountOffMinor', 'productId', 'stock', 'validDays'];

interface Draft {
  nameZh: string;
  nameEn: string;
  kind: RewardKind;
  pointsCost: string;
  amount: string;
  productId: string;
  stock: string;
  validDays: string;
  onlineOnly: boolean;
}

const emptyDraft: Draft = {
  nameZh: '',
  nameEn: '',
  kind: 'voucher',
  pointsCost: '',
  amount: '',
  productId: '',
  stock: '',
  validDays: '30',
  onlineOnly: false,
};

/** A typed whole number, or -1 so the core refuses it with that field's own message (nothing is guessed here). */
const whole = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : -1);

export function RewardsTab() {
  const { t, i18n } = useTranslation();
  const { api, session } = useApp();
  const manager = session?.staff?.role === 'manager';
  const currency = session?.store?.currency ?? 'CNY';
  const lng = i18n.language;
  const name = (n: LocalName) => (lng === 'en' ? n.en : n.zh);
  const [rewards, setRewards] = useState<RewardInfo[] | null>(null);
  const [products, setProducts] = useState<ProductInfo[]>([]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [formError, setFormError] = useState<ApiErrorShape | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [listError, setListError] = useState<ApiErrorShape | null>(null);
  const [editing, setEditing] = useState<{ id: string; stock: string } | null>(null);
  const [retiring, setRetiring] = useState<RewardInfo | null>(null);
  const [retireError, setRetireError] = useState<ApiErrorShape | null>(null);

  const load = useCallback(
    () =>
      api.listRewards().then(setRewards, (e: unknown) => {
        setListError(toErrorShape(e));
      }),
    [api],
  );
  useEffect(() => {
    void load();
    api.listProducts().then(setProducts, () => undefined);
  }, [api, load]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const amount = draft.amount.trim() ? parseMajor(draft.amount) : null;
    try {
      const reward = await api.addReward({
        nameZh: draft.nameZh,
        nameEn: draft.nameEn,
        kind: draft.kind,
        pointsCost: whole(draft.pointsCost),
        amountOffMinor: draft.kind === 'voucher' ? (amount ?? (draft.amount.trim() ? -1 : null)) : null,
        productId: draft.kind === 'gift' ? draft.productId || null : null,
        stock: draft.stock.trim() ? whole(draft.stock) : null,
        validDays: whole(draft.validDays),
        onlineOnly: draft.onlineOnly,
      });
      setFormError(null);
      setDraft(emptyDraft);
      setAdded(name(reward.name));
      void load();
    } catch (e) {
      setFormError(toErrorShape(e));
    }
  };

  const saveStock = async () => {
    if (!editing) return;
    try {
      await api.setRewardStock({
        rewardId: editing.id,
        stock: editing.stock.trim() ? whole(editing.stock) : null,
      });
      setEditing(null);
      setListError(null);
      void load();
    } catch (e) {
      setListError(toErrorShape(e));
    }
  };

  const retire = async () => {
    if (!retiring) return;
    try {
      await api.retireReward({ rewardId: retiring.id });
      setRetiring(null);
      setRetireError(null);
      void load();
    } catch (e) {
      setRetireError(toErrorShape(e));
    }
  };

  const errors = fieldErrorsOf(formError);
  const value = (r: RewardInfo) =>
    r.kind === 'voucher' ? formatMinor(r.amountOffMinor ?? 0, currency, lng) : r.productName ? name(r.productName) : '';

  return (
    <div className="community__rewards" data-testid="rewards-tab">
      <div className="panel">
        <div className="panel__head">
          <h2>{t('rewards.counter.title')}</h2>
        </div>
        <p className="muted">{t('rewards.counter.intro')}</p>
        {rewards?.length === 0 && <p className="muted">{t('rewards.counter.empty')}</p>}
        {rewards && rewards.length > 0 && (
          <div className="catalogue__scroll">
            <table className="catalogue__table" data-testid="rewards-table">
              <thead>
                <tr>
                  <th>{t('rewards.counter.colName')}</th>
                  <th>{t('rewards.counter.colKind')}</th>
                  <th className="catalogue__num">{t('rewards.counter.colCost')}</th>
                  <th>{t('rewards.counter.colValue')}</th>
                  <th>{t('rewards.counter.colStock')}</th>
                  <th className="catalogue__num">{t('rewards.counter.colRedeemed')}</th>
                  <th>{t('rewards.counter.colStatus')}</th>
                  {manager && <th aria-label={t('rewards.counter.editStock')} />}
                </tr>
              </thead>
              <tbody>
                {rewards.map((r) => (
                  <tr
                    key={r.id}
                    className={r.active ? undefined : 'catalogue__row--inactive'}
                    data-testid={`reward-row-${r.id}`}
                  >
                    <td>{name(r.name)}</td>
                    <td>{t(`rewards.counter.kindShort.${r.kind}`)}</td>
                    <td className="catalogue__num">{r.pointsCost.toLocaleString(lng)}</td>
                    <td>{value(r)}</td>
                    <td data-testid="reward-stock">
                      {editing?.id === r.id ? (
                        <input
                          className="input"
                          inputMode="numeric"
                          aria-label={t('rewards.counter.stock')}
                          data-testid="reward-stock-input"
                          value={editing.stock}
                          onChange={(e) => setEditing({ id: r.id, stock: e.target.value })}
                        />
                      ) : r.stock === null ? (
                        t('rewards.counter.unlimited')
                      ) : (
                        r.stock
                      )}
                    </td>
                    <td className="catalogue__num">{r.redeemed}</td>
                    <td>
                      <span className={`badge ${r.active ? 'badge--ok' : ''}`} data-testid="reward-status">
                        {r.active ? t('rewards.counter.active') : t('rewards.counter.retired')}
                      </span>
                    </td>
                    {manager && (
                      <td className="actions">
                        {editing?.id === r.id ? (
                          <>
                            <button
                              type="button"
                              className="button button--primary"
                              data-testid="reward-stock-save"
                              onClick={() => void saveStock()}
                            >
                              {t('rewards.counter.saveStock')}
                            </button>
                            <button type="button" className="button" onClick={() => setEditing(null)}>
                              {t('rewards.counter.cancel')}
                            </button>
                          </>
                        ) : (
                          r.active && (
                            <>
                              <button
                                type="button"
                                className="button"
                                data-testid="reward-stock-edit"
                                onClick={() => setEditing({ id: r.id, stock: r.stock === null ? '' : String(r.stock) })}
                              >
                                {t('rewards.counter.editStock')}
                              </button>
                              <button
                                type="button"
                                className="button"
                                data-testid="reward-retire"
                                onClick={() => {
                                  setRetireError(null);
                                  setRetiring(r);
                                }}
                              >
                                {t('rewards.counter.retire')}
                              </button>
                            </>
                          )
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <InlineError error={listError} testId="rewards-list-error" />
      </div>
      {retiring && (
        <Dialog
          title={t('rewards.counter.retire')}
          testId="reward-retire-dialog"
          onSubmit={() => void retire()}
          onCancel={() => setRetiring(null)}
          error={retireError}
          confirmLabel={t('rewards.counter.retire')}
          danger
        >
          <p>{t('rewards.counter.retireConfirm', { name: name(retiring.name) })}</p>
        </Dialog>
      )}

      {manager && (
        <form className="panel form" onSubmit={(e) => void submit(e)} data-testid="reward-form" noValidate>
          <h2>{t('rewards.counter.add')}</h2>
          <div className="form__grid">
            <Field label={t('rewards.counter.nameZh')} field="nameZh" error={errors.nameZh} required>
              <input
                className="input"
                data-testid="reward-name-zh"
                value={draft.nameZh}
                onChange={(e) => set('nameZh', e.target.value)}
              />
            </Field>
            <Field
              label={t('rewards.counter.nameEn')}
              field="nameEn"
              error={errors.nameEn}
              hint={t('rewards.counter.nameEnHint')}
            >
              <input
                className="input"
                data-testid="reward-name-en"
                value={draft.nameEn}
                onChange={(e) => set('nameEn', e.target.value)}
              />
            </Field>
            <Field label={t('rewards.counter.kind')} field="kind" error={errors.kind} required>
              <select
                className="input"
                data-testid="reward-kind"
                value={draft.kind}
                onChange={(e) => set('kind', e.target.value as RewardKind)}
              >
                <option value="voucher">{t('rewards.counter.kinds.voucher')}</option>
                <option value="gift">{t('rewards.counter.kinds.gift')}</option>
              </select>
            </Field>
            <Field label={t('rewards.counter.cost')} field="pointsCost" error={errors.pointsCost} required>
              <input
                className="input"
                inputMode="numeric"
                data-testid="reward-cost"
                value={draft.pointsCost}
                onChange={(e) => set('pointsCost', e.target.value)}
              />
            </Field>
            {draft.kind === 'voucher' ? (
              <Field label={t('rewards.counter.amount')} field="amountOffMinor" error={errors.amountOffMinor} required>
                <input
                  className="input"
                  inputMode="decimal"
                  data-testid="reward-amount"
                  value={draft.amount}
                  onChange={(e) => set('amount', e.target.value)}
                />
              </Field>
            ) : (
              <Field label={t('rewards.counter.product')} field="productId" error={errors.productId} required>
                <select
                  className="input"
                  data-testid="reward-product"
                  value={draft.productId}
                  onChange={(e) => set('productId', e.target.value)}
                >
                  <option value="">{t('rewards.counter.chooseProduct')}</option>
                  {products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {name(p.name)} ({p.sku})
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field
              label={t('rewards.counter.stock')}
              field="stock"
              error={errors.stock}
              hint={t('rewards.counter.stockHint')}
            >
              <input
                className="input"
                inputMode="numeric"
                data-testid="reward-stock-new"
                value={draft.stock}
                onChange={(e) => set('stock', e.target.value)}
              />
            </Field>
            <Field label={t('rewards.counter.validDays')} field="validDays" error={errors.validDays} required>
              <input
                className="input"
                inputMode="numeric"
                data-testid="reward-valid-days"
                value={draft.validDays}
                onChange={(e) => set('validDays', e.target.value)}
              />
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              data-testid="reward-online-only"
              checked={draft.onlineOnly}
              onChange={(e) => set('onlineOnly', e.target.checked)}
            />
            <span>{t('rewards.counter.onlineOnly')}</span>
          </label>
          <InlineError error={formLevelError(formError, formFields)} testId="reward-form-error" />
          {added && (
            <p className="notice" role="status" data-testid="reward-added">
              {t('rewards.counter.added', { name: added })}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button--primary" data-testid="reward-save">
              {t('rewards.counter.save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
