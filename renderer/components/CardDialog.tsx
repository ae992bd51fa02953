import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cardBlockReasons, type CardAssignment, type CardBlockReason } from '../../contract';
import { useScanReceiver } from '../app-context';

export type CardDialogKind = 'assign' | 'block' | 'replace';

export interface CardDialogResult {
  reason: CardBlockReason;
  card: CardAssignment;
}

interface CardDialogProps {
  kind: CardDialogKind;
  /** The card being blocked or replaced. */
  number?: string;
  busy: boolean;
  onConfirm(result: CardDialogResult): void;
  onCancel(): void;
}

/** Assigning, blocking and replacing share one dialog: a reason (block, replace) and a new card (assign, replace). */
export function CardDialog({ kind, number, busy, onConfirm, onCancel }: CardDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CardBlockReason>('lost');
  const [mode, setMode] = useState<CardAssignment['mode']>('generate');
  const [cardNumber, setCardNumber] = useState('');
  const numberInput = useRef<HTMLInputElement>(null);
  const wantsCard = kind !== 'block';
  const wantsReason = kind !== 'assign';

  // A scanned card goes into this dialog, not to the member lookup.
  useScanReceiver(
    wantsCard
      ? (text) => {
          setMode('scan');
          setCardNumber(text);
        }
      : null,
  );

  useEffect(() => {
    if (mode === 'scan') numberInput.current?.focus();
  }, [mode]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = numberInput.current?.value ?? cardNumber;
    const card: CardAssignment = mode === 'scan' ? { mode: 'scan', number: typed.trim() } : { mode: 'generate' };
    onConfirm({ reason, card });
  };

  const title =
    kind === 'assign'
      ? t('cards.assignTitle')
      : kind === 'block'
        ? t('cards.blockTitle', { number })
        : t('cards.replaceTitle', { number });

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="card-dialog"
        onSubmit={submit}
      >
        <h2>{title}</h2>
        {wantsReason && (
          <fieldset className="fieldset">
            <legend>{t('cards.reason')}</legend>
            <div className="radio-row">
              {cardBlockReasons.map((r) => (
                <label key={r} className="check">
                  <input
                    type="radio"
                    name="reason"
                    value={r}
                    checked={reason === r}
                    data-testid={`card-dialog-reason-${r}`}
                    onChange={() => setReason(r)}
                  />
                  <span>{t(`cards.reasons.${r}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {wantsCard && (
          <fieldset className="fieldset">
            <legend>{t('cards.mode')}</legend>
            <div className="radio-row">
              <label className="check">
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'generate'}
                  data-testid="card-dialog-mode-generate"
                  onChange={() => setMode('generate')}
                />
                <span>{t('cards.modeGenerate')}</span>
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'scan'}
                  data-testid="card-dialog-mode-scan"
                  onChange={() => setMode('scan')}
                />
                <span>{t('cards.modeScan')}</span>
              </label>
            </div>
            {mode === 'scan' && (
              <label className="field">
                <span className="field__label">{t('cards.number')}</span>
                <input
                  ref={numberInput}
                  className="input"
                  autoComplete="off"
                  data-testid="card-dialog-number"
                  value={cardNumber}
                  onChange={(e) => setCardNumber(e.target.value)}
                />
              </label>
            )}
          </fieldset>
        )}
        <div className="actions">
          <button type="button" className="button button--ghost" data-testid="card-dialog-cancel" onClick={onCancel}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="card-dialog-confirm" disabled={busy}>
            {t('app.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
