// Self-enrolment at the self-service terminal: mobile number on the keypad → code by SMS → name
// and consents → the new member's home. Whether a number is already a member is said only after
// its code (docs/decisions/0028-sms-verification.md), and then without a name.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHome, EnrolCodeSent } from '../../../contract';
import { KioskTextInput } from '../keyboard/KioskTextInput';
import { useSelfService } from '../self-service-context';
import '../../styles/self-enrol.css';

type Step =
  | { name: 'phone' }
  | { name: 'code'; sent: EnrolCodeSent }
  | { name: 'already' }
  | { name: 'details'; verificationId: string }
  | { name: 'welcome'; home: CustomerHome };

type Marketing = 'marketing_sms' | 'marketing_wechat' | 'marketing_email';
const marketing: { purpose: Marketing; label: 'marketingSms' | 'marketingWechat' | 'marketingEmail' }[] = [
  { purpose: 'marketing_sms', label: 'marketingSms' },
  { purpose: 'marketing_wechat', label: 'marketingWechat' },
  { purpose: 'marketing_email', label: 'marketingEmail' },
];

/** A consent as a big yes/no switch: readable from a metre away, no small checkbox to hit. */
function ConsentSwitch(props: { on: boolean; onToggle: () => void; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={props.on}
      className={props.on ? 'se-consent se-consent--on' : 'se-consent'}
      data-testid={props.testId}
      onClick={props.onToggle}
    >
      <span className="se-consent__mark" aria-hidden="true">
        {props.on ? t('selfEnrol.consentOn') : t('selfEnrol.consentOff')}
      </span>
      <span className="se-consent__label">{props.label}</span>
    </button>
  );
}

export function SelfEnrolScreen() {
  const { t } = useTranslation();
  const { api, showError, clearError, setHome, navigate, finish } = useSelfService();
  const [step, setStep] = useState<Step>({ name: 'phone' });
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [referral, setReferral] = useState('');
  const [dataProcessing, setDataProcessing] = useState(false);
  const [wanted, setWanted] = useState<Record<Marketing, boolean>>({
    marketing_sms: false,
    marketing_wechat: false,
    marketing_email: false,
  });
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    clearError();
    try {
      await work();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const sendCode = () =>
    run(async () => {
      const sent = await api.requestEnrolCode({ phone });
      setCode('');
      setStep({ name: 'code', sent });
    });

  const verify = (sent: EnrolCodeSent) =>
    run(async () => {
      const checked = await api.verifyEnrolCode({ verificationId: sent.verificationId, code });
      setStep(checked.alreadyMember ? { name: 'already' } : { name: 'details', verificationId: sent.verificationId });
    });

  const join = (verificationId: string) =>
    run(async () => {
      const home = await api.selfEnrol({
        verificationId,
        name,
        consents: { data_processing: dataProcessing, ...wanted },
        referralCode: referral.trim() || null,
      });
      setHome(home);
      setStep({ name: 'welcome', home });
    });

  return (
    <div className="ss-enrol se" data-testid="ss-enrol" data-step={step.name}>
      <h1>{t('selfEnrol.title')}</h1>
      {step.name === 'phone' && (
        <section className="ss-card se-step">
          <p className="muted">{t('selfEnrol.steps', { step: 1 })}</p>
          <KioskTextInput
            value={phone}
            onChange={(v) => setPhone(v.replace(/[^\d+ ]/g, ''))}
            layout="numeric"
            label={t('selfEnrol.phone')}
            testId="se-phone"
            maxLength={20}
          />
          <p className="muted">{t('selfEnrol.phoneHint')}</p>
          <button
            type="button"
            className="ss-button ss-button--primary"
            data-testid="se-send"
            disabled={busy || phone.trim() === ''}
            onClick={() => void sendCode()}
          >
            {busy ? t('selfEnrol.sending') : t('selfEnrol.sendCode')}
          </button>
        </section>
      )}

      {step.name === 'code' && (
        <section className="ss-card se-step">
          <p className="muted">{t('selfEnrol.steps', { step: 2 })}</p>
          <p data-testid="se-code-sent">{t('selfEnrol.codeSent', { phone: step.sent.maskedPhone })}</p>
          {step.sent.demoCode && (
            <p className="se-demo" data-testid="se-demo-code">
              {t('selfEnrol.demoCode', { code: step.sent.demoCode })}
            </p>
          )}
          <KioskTextInput
            value={code}
            onChange={(v) => setCode(v.replace(/\D/g, ''))}
            layout="numeric"
            label={t('selfEnrol.code')}
            testId="se-code"
            maxLength={6}
          />
          <div className="se-actions">
            <button
              type="button"
              className="ss-button ss-button--primary"
              data-testid="se-verify"
              disabled={busy || code.length !== 6}
              onClick={() => void verify(step.sent)}
            >
              {t('selfEnrol.verify')}
            </button>
            <button
              type="button"
              className="ss-button"
              data-testid="se-resend"
              disabled={busy}
              onClick={() => void sendCode()}
            >
              {t('selfEnrol.resend')}
            </button>
            <button
              type="button"
              className="ss-button ss-button--ghost"
              data-testid="se-change-phone"
              onClick={() => {
                clearError();
                setStep({ name: 'phone' });
              }}
            >
              {t('selfEnrol.changePhone')}
            </button>
          </div>
        </section>
      )}

      {step.name === 'already' && (
        <section className="ss-card se-step" data-testid="se-already">
          <h2>{t('selfEnrol.alreadyTitle')}</h2>
          <p>{t('selfEnrol.alreadyBody')}</p>
          <button type="button" className="ss-button ss-button--primary" data-testid="se-to-start" onClick={finish}>
            {t('selfEnrol.backToStart')}
          </button>
        </section>
      )}

      {step.name === 'details' && (
        <section className="ss-card se-step">
          <p className="muted">{t('selfEnrol.steps', { step: 3 })}</p>
          <KioskTextInput
            value={name}
            onChange={setName}
            layout="chinese"
            label={t('selfEnrol.name')}
            testId="se-name"
            maxLength={40}
          />
          <p className="muted">{t('selfEnrol.nameHint')}</p>
          <fieldset className="se-consents">
            <legend>{t('selfEnrol.consents')}</legend>
            <ConsentSwitch
              on={dataProcessing}
              onToggle={() => setDataProcessing((on) => !on)}
              label={t('selfEnrol.dataProcessing')}
              testId="se-consent-data"
            />
            {marketing.map(({ purpose, label }) => (
              <ConsentSwitch
                key={purpose}
                on={wanted[purpose]}
                onToggle={() => setWanted((w) => ({ ...w, [purpose]: !w[purpose] }))}
                label={t(`selfEnrol.${label}`)}
                testId={`se-consent-${purpose}`}
              />
            ))}
          </fieldset>
          <KioskTextInput
            value={referral}
            onChange={(v) => setReferral(v.toUpperCase())}
            layout="latin"
            label={t('selfEnrol.referral')}
            testId="se-referral"
            maxLength={20}
          />
          <button
            type="button"
            className="ss-button ss-button--primary"
            data-testid="se-join"
            disabled={busy || name.trim() === '' || !dataProcessing}
            onClick={() => void join(step.verificationId)}
          >
            {busy ? t('selfEnrol.joining') : t('selfEnrol.join')}
          </button>
        </section>
      )}

      {step.name === 'welcome' && (
        <section className="ss-card se-step" data-testid="se-welcome">
          <h2>{t('selfEnrol.welcomeTitle', { name: step.home.maskedName })}</h2>
          <p>{t('selfEnrol.welcomeBody')}</p>
          <button
            type="button"
            className="ss-button ss-button--primary"
            data-testid="se-to-home"
            onClick={() => navigate({ name: 'home' })}
          >
            {t('selfEnrol.toHome')}
          </button>
        </section>
      )}
    </div>
  );
}
