import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentPurposes, genders, isErrorCode, type ApiErrorShape, type MemberSummary } from '../../contract';
import { useApp, useScanReceiver } from '../app-context';
import { DateField } from '../components/kit/DateField';
import { Field } from '../components/kit/Field';
import { FieldError } from '../components/FieldError';
import { fieldErrorsOf, formLevelError } from '../components/kit/field-errors';
import { InlineError } from '../components/kit/InlineError';
import { useRevealInvalid } from '../components/kit/use-reveal-invalid';
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

// The fields of this form as the core names them; an error naming none of them goes by the button.
const enrolFields = [
  'name',
  'phone',
  'birthday',
  'gender',
  'community',
  'interests',
  'referralCode',
  'consents',
  'card',
] as const;

export function EnrolScreen() {
  const { t } = useTranslation();
  const { api, navigate, clearError } = useApp();
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

  // Every wrong field at once: the form's own checks first, then what the core refused.
  const local = clientErrors(errors);
  const server = fieldErrorsOf(serverError);
  const errorFor = (field: string): ApiErrorShape | null => local[field] ?? server[field] ?? null;
  const formLevel = formLevelError(serverError, enrolFields);
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useRevealInvalid(formRef, refusals);

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
      setServerError(toErrorShape(e));
      setRefusals((n) => n + 1);
    }
  };

  const onInvalid = () => {
    setServerError(null);
    setExisting(null);
    setRefusals((n) => n + 1);
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

      <form ref={formRef} className="form" noValidate onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}>
        <div className="form__grid">
          <Field label={t('enrol.name')} field="name" error={errorFor('name')} required>
            <input
              className="input"
              autoComplete="off"
              data-testid="enrol-name"
              aria-required="true"
              {...register('name')}
            />
          </Field>

          <Field label={t('enrol.phone')} field="phone" error={errorFor('phone')} required>
            <input
              className="input"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              data-testid="enrol-phone"
              aria-required="true"
              {...register('phone')}
            />
          </Field>

          <Field label={t('enrol.birthday')} field="birthday" error={errorFor('birthday')}>
            <DateField
              value={watch('birthday')}
              testId="enrol-birthday"
              fromYear={1900}
              toYear={new Date().getFullYear()}
              onChange={(v) => setValue('birthday', v, { shouldDirty: true })}
            />
          </Field>

          <Field label={t('enrol.gender')} field="gender" error={errorFor('gender')}>
            <select className="input" data-testid="enrol-gender" {...register('gender')}>
              {genders.map((g) => (
                <option key={g} value={g}>
                  {t(`genders.${g}`)}
                </option>
              ))}
            </select>
          </Field>

          <Field label={t('enrol.community')} field="community" error={errorFor('community')}>
            <input className="input" autoComplete="off" data-testid="enrol-community" {...register('community')} />
          </Field>

          <Field
            label={t('enrol.interests')}
            field="interests"
            error={errorFor('interests')}
            hint={t('enrol.interestsHint')}
          >
            <input className="input" autoComplete="off" data-testid="enrol-interests" {...register('interests')} />
          </Field>

          <Field
            label={t('enrol.referral')}
            field="referralCode"
            error={errorFor('referralCode')}
            hint={t('enrol.referralHint')}
          >
            <input className="input" autoComplete="off" data-testid="enrol-referral" {...register('referralCode')} />
          </Field>
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
            <Field label={t('enrol.cardNumber')} field="card" error={errorFor('card')} hint={t('enrol.cardNumberHint')}>
              <input
                className="input"
                autoComplete="off"
                inputMode="numeric"
                data-testid="enrol-card-number"
                {...register('cardNumber')}
              />
            </Field>
          )}
          {cardMode !== 'scan' && <FieldError field="card" error={errorFor('card')} />}
        </fieldset>

        <InlineError error={formLevel} testId="enrol-error" />
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
