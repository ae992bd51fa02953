import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape, WedgeSettings } from '../../contract';
import { useApp } from '../app-context';
import { toErrorShape } from '../errors';
import { Field } from './kit/Field';
import { fieldErrorsOf, isFormLevel } from './kit/field-errors';
import { InlineError } from './kit/InlineError';
import { defaultWedgeConfig } from '../scanner/wedge-decoder';

type NumberKey = 'minLength' | 'maxAvgGapMs' | 'maxGapMs' | 'burstTimeoutMs';
const numberKeys: NumberKey[] = ['maxAvgGapMs', 'maxGapMs', 'burstTimeoutMs', 'minLength'];

/** Keyboard-wedge timing for scanners slower or faster than usual (most need nothing). */
export function WedgeSettingsPanel() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [form, setForm] = useState<Record<NumberKey | 'prefix' | 'suffix', string> & { enter: boolean; tab: boolean }>(
    () => ({
      minLength: String(defaultWedgeConfig.minLength),
      maxAvgGapMs: String(defaultWedgeConfig.maxAvgGapMs),
      maxGapMs: String(defaultWedgeConfig.maxGapMs),
      burstTimeoutMs: String(defaultWedgeConfig.burstTimeoutMs),
      prefix: defaultWedgeConfig.prefix,
      suffix: defaultWedgeConfig.suffix,
      enter: defaultWedgeConfig.terminators.includes('Enter'),
      tab: defaultWedgeConfig.terminators.includes('Tab'),
    }),
  );
  const [refused, setRefused] = useState<ApiErrorShape | null>(null);
  const bad = fieldErrorsOf(refused);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api
      .getWedgeSettings()
      .then((s) =>
        setForm((f) => ({
          ...f,
          ...Object.fromEntries(numberKeys.filter((k) => s[k] !== undefined).map((k) => [k, String(s[k])])),
          ...(s.prefix !== undefined ? { prefix: s.prefix } : {}),
          ...(s.suffix !== undefined ? { suffix: s.suffix } : {}),
          ...(s.terminators ? { enter: s.terminators.includes('Enter'), tab: s.terminators.includes('Tab') } : {}),
        })),
      )
      .catch(() => undefined);
  }, [api]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const settings: Partial<WedgeSettings> = {
      ...Object.fromEntries(numberKeys.map((k) => [k, /^\d+$/.test(form[k]) ? Number(form[k]) : NaN])),
      prefix: form.prefix,
      suffix: form.suffix,
      terminators: [...(form.enter ? ['Enter' as const] : []), ...(form.tab ? ['Tab' as const] : [])],
    };
    try {
      await api.saveWedgeSettings(settings);
      setRefused(null);
      setSaved(true);
    } catch (e) {
      setRefused(toErrorShape(e));
      setSaved(false);
    }
  };

  return (
    <form className="panel form" onSubmit={(e) => void save(e)} data-testid="wedge-form">
      <h2>{t('devices.wedge.title')}</h2>
      <p className="muted">{t('devices.wedge.hint')}</p>
      <div className="form__grid">
        {numberKeys.map((k) => (
          <Field key={k} label={t(`devices.wedge.${k}`)} field={k} error={bad[k]}>
            <input
              className="input"
              inputMode="numeric"
              value={form[k]}
              data-testid={`wedge-${k}`}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            />
          </Field>
        ))}
        {(['prefix', 'suffix'] as const).map((k) => (
          <Field key={k} label={t(`devices.wedge.${k}`)} field={k} error={bad[k]}>
            <input
              className="input"
              value={form[k]}
              data-testid={`wedge-${k}`}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      <div className="radio-row">
        <label className="check">
          <input type="checkbox" checked={form.enter} onChange={(e) => setForm({ ...form, enter: e.target.checked })} />
          {t('devices.wedge.endEnter')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.tab} onChange={(e) => setForm({ ...form, tab: e.target.checked })} />
          {t('devices.wedge.endTab')}
        </label>
      </div>
      {/* The end keys have no input of their own; they and anything else go here. */}
      <InlineError
        error={
          refused && isFormLevel(refused, [...numberKeys, 'prefix', 'suffix']) ? (bad.terminators ?? refused) : null
        }
        testId="wedge-error"
      />
      {saved && <p className="notice">{t('devices.wedge.saved')}</p>}
      <button type="submit" className="button button--primary" data-testid="wedge-save">
        {t('devices.save')}
      </button>
    </form>
  );
}
