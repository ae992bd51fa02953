import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, TierInfo } from '../../contract';
import { Dialog } from '../components/kit/Dialog';
import { Field } from '../components/kit/Field';
import { fieldErrorsOf, formLevelError } from '../components/kit/field-errors';
import type { ProductForm, TierForm } from './catalogue-form';

// The add/edit dialogs of the catalogue screen: every field with its own message, the rest in the
// dialog's error line.

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

export function ProductDialog({
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
      error={formLevelError(error, fields)}
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

export function TierDialog({ form, error, busy, onChange, onSubmit, onCancel }: FormDialogProps<TierForm>) {
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
      error={formLevelError(error, tierFields)}
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
