import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WedgeSettings } from '../../contract';
import { useApp } from '../app-context';
import { toErrorShape } from '../errors';
import { defaultWedgeConfig } from '../scanner/wedge-decoder';

type NumberKey = 'minLength' | 'maxAvgGapMs' | 'maxGapMs' | 'burstTimeoutMs';
const numberKeys: NumberKey[] = ['maxAvgGapMs', 'maxGapMs', 'burstTimeoutMs', 'minLength'];

/** Keyboard-wedge timing for scanners slower or faster than usual (most need nothing). */
export function WedgeSettingsPanel() {
  const { t } = useTranslation();
  const { api, showError, clearError } = useApp();
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
  const [bad, setBad] = useState<string | null>(null);
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
      clearError();
      setBad(null);
      setSaved(true);
    } catch (e) {
      setBad(toErrorShape(e).field ?? null);
      setSaved(false);
      showError(e);
    }
  };

  return (
    <form className="panel form" onSubmit={(e) => void save(e)} data-testid="wedge-form">
      <h2>{t('devices.wedge.title')}</h2>
      <p className="muted">{t('devices.wedge.hint')}</p>
      <div className="form__grid">
        {numberKeys.map((k) => (
          <label key={k} className="field">
            <span className="field__label">{t(`devices.wedge.${k}`)}</span>
            <input
              className={bad === k ? 'input input--invalid' : 'input'}
              inputMode="numeric"
              value={form[k]}
              data-testid={`wedge-${k}`}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            />
          </label>
        ))}
        {(['prefix', 'suffix'] as const).map((k) => (
          <label key={k} className="field">
            <span className="field__label">{t(`devices.wedge.${k}`)}</span>
            <input
              className={bad === k ? 'input input--invalid' : 'input'}
              value={form[k]}
              data-testid={`wedge-${k}`}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            />
          </label>
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
      {saved && <p className="notice">{t('devices.wedge.saved')}</p>}
      <button type="submit" className="button button--primary" data-testid="wedge-save">
        {t('devices.save')}
      </button>
    </form>
  );
}
