import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentPurposes, genders, isErrorCode, type ApiErrorShape, type MemberSummary } from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { FieldError } from '../components/FieldError';
import { toErrorShape } from '../errors';
import { enrolDefaults, enrolFieldOf, enrolSchema, toEnrolInput, type EnrolFormValues } from './enrol-form';

/** The first client-side problem per EnrolInput field, as an error shape the banner understands. */
function clientErrors(errors: FieldErrors<EnrolFormValues>): Record<string, ApiErrorShape> {
  const out: Record<string, ApiErrorShape> = {};
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string') {
      const field = enrolFieldOf(path);
      out[field] ??= { code: isErrorCode(message) ? message : 'INVALID_INPUT', field };
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'ref') visit(child, path ? `${path}.${key}` : key);
  };
  visit(errors, '');
  return out;
}

export function EnrolScreen() {
  const { t } = useTranslation();
  const { api, navigate, showError, clearError } = useApp();
  const [serverError, setServerError] = useState<ApiErrorShape | null>(null);
  const [existing, setExisting] = useState<MemberSummary | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<EnrolFormValues>({
    resolver: zodResolver(enrolSchema),
    defaultValues: enrolDefaults,
  });
  const cardMode = watch('cardMode');

  useScanReceiver(
    cardMode === 'scan' ? (text) => setValue('cardNumber', text, { shouldDirty: true, shouldValidate: false }) : null,
  );

  const local = clientErrors(errors);
  const errorFor = (field: string): ApiErrorShape | null =>
    local[field] ?? (serverError?.field === field ? serverError : null);

  const onValid = async (values: EnrolFormValues) => {
    setServerError(null);
    setExisting(null);
    try {
      const result = await api.enrolMember(toEnrolInput(values));
      if (result.created) {
        navigate({ name: 'profile', memberId: result.member.id, initial: result.member });
        return;
      }
      clearError();
      setExisting(result.existing);
    } catch (e) {
      const shape = toErrorShape(e);
      setServerError(shape);
      showError(shape);
    }
  };

  const onInvalid = (invalid: FieldErrors<EnrolFormValues>) => {
    setServerError(null);
    setExisting(null);
    const first = Object.values(clientErrors(invalid))[0];
    if (first) showError(first);
  };

  return (
    <section className="screen enrol" aria-labelledby="enrol-title">
      <h1 id="enrol-title">{t('enrol.title')}</h1>

      {existing && (
        <div className="notice" data-testid="existing-member">
          <p>{t('enrol.existing', { name: existing.name })}</p>
          <button
            type="button"
            className="button button--primary"
            data-testid="open-existing"
            onClick={() => navigate({ name: 'profile', memberId: existing.id })}
          >
            {t('enrol.openExisting')}
          </button>
        </div>
      )}

      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}>
        <div className="form__grid">
          <label className="field">
            <span className="field__label">
              {t('enrol.name')} <span className="required">*</span>
            </span>
            <input
              className="input"
              autoComplete="off"
              data-testid="enrol-name"
              aria-required="true"
              {...register('name')}
            />
            <FieldError field="name" error={errorFor('name')} />
          </label>

          <label className="field">
            <span className="field__label">
              {t('enrol.phone')} <span className="required">*</span>
            </span>
            <input
              className="input"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              data-testid="enrol-phone"
              aria-required="true"
              {...register('phone')}
            />
            <FieldError field="phone" error={errorFor('phone')} />
          </label>

          <label className="field">
            <span className="field__label">{t('enrol.birthday')}</span>
            <input className="input" type="date" data-testid="enrol-birthday" {...register('birthday')} />
            <FieldError field="birthday" error={errorFor('birthday')} />
          </label>

          <label className="field">
            <span className="field__label">{t('enrol.gender')}</span>
            <select className="input" data-testid="enrol-gender" {...register('gender')}>
              {genders.map((g) => (
                <option key={g} value={g}>
                  {t(`genders.${g}`)}
                </option>
              ))}
            </select>
            <FieldError field="gender" error={errorFor('gender')} />
          </label>

          <label className="field">
            <span className="field__label">{t('enrol.community')}</span>
            <input className="input" autoComplete="off" data-testid="enrol-community" {...register('community')} />
            <FieldError field="community" error={errorFor('community')} />
          </label>

          <label className="field">
            <span className="field__label">{t('enrol.interests')}</span>
            <input
              className="input"
              autoComplete="off"
              placeholder={t('enrol.interestsHint')}
              data-testid="enrol-interests"
              {...register('interests')}
            />
            <FieldError field="interests" error={errorFor('interests')} />
          </label>

          <label className="field">
            <span className="field__label">{t('enrol.referral')}</span>
            <input
              className="input"
              autoComplete="off"
              placeholder={t('enrol.referralHint')}
              data-testid="enrol-referral"
              {...register('referralCode')}
            />
            <FieldError field="referralCode" error={errorFor('referralCode')} />
          </label>
        </div>

        <fieldset className="fieldset">
          <legend>{t('enrol.consents')}</legend>
          {consentPurposes.map((purpose) => {
            const required = purpose === 'data_processing';
            return (
              <label key={purpose} className="check">
                <input
                  type="checkbox"
                  data-testid={`consent-${purpose}`}
                  aria-required={required ? 'true' : undefined}
                  {...register(`consents.${purpose}`)}
                />
                <span>
                  {t(`consent.purposes.${purpose}`)}
                  {required && <span className="required"> * ({t('enrol.required')})</span>}
                </span>
              </label>
            );
          })}
          <FieldError field="consents" error={errorFor('consents')} />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('enrol.card')}</legend>
          <div className="radio-row">
            <label className="check">
              <input type="radio" value="none" data-testid="card-mode-none" {...register('cardMode')} />
              <span>{t('enrol.cardNone')}</span>
            </label>
            <label className="check">
              <input type="radio" value="generate" data-testid="card-mode-generate" {...register('cardMode')} />
              <span>{t('enrol.cardGenerate')}</span>
            </label>
            <label className="check">
              <input type="radio" value="scan" data-testid="card-mode-scan" {...register('cardMode')} />
              <span>{t('enrol.cardScan')}</span>
            </label>
          </div>
          {cardMode === 'scan' && (
            <label className="field">
              <span className="field__label">{t('enrol.cardNumber')}</span>
              <input
                className="input"
                autoComplete="off"
                placeholder={t('enrol.cardNumberHint')}
                data-testid="enrol-card-number"
                {...register('cardNumber')}
              />
            </label>
          )}
          <FieldError field="card" error={errorFor('card')} />
        </fieldset>

        <div className="actions">
          <button
            type="submit"
            className="button button--primary button--wide"
            data-testid="enrol-submit"
            disabled={isSubmitting}
          >
            {isSubmitting ? t('enrol.submitting') : t('enrol.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
