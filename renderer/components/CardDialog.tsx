import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cardBlockReasons, type ApiErrorShape, type CardAssignment, type CardBlockReason } from '../../contract';
import { useScanReceiver } from '../app-context';
import { Dialog } from './kit/Dialog';
import { Field } from './kit/Field';

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
  /** Why the last confirm was refused: under the card number when it is about the card, else in the dialog. */
  error: ApiErrorShape | null;
  /** The person changed what was refused: the old message goes. */
  onEdit(): void;
  onConfirm(result: CardDialogResult): void;
  onCancel(): void;
}

/** Assigning, blocking and replacing share one dialog: a reason (block, replace) and a new card (assign, replace). */
export function CardDialog({ kind, number, busy, error, onEdit, onConfirm, onCancel }: CardDialogProps) {
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
          onEdit();
        }
      : null,
  );

  useEffect(() => {
    if (mode === 'scan') numberInput.current?.focus();
  }, [mode]);

  const submit = () => {
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

  // A card problem shows under the number typed; with a generated card it can only be the dialog's.
  const cardError = error?.field === 'card' && mode === 'scan' ? error : null;
  return (
    <Dialog
      title={title}
      testId="card-dialog"
      onSubmit={submit}
      onCancel={onCancel}
      error={cardError ? null : error}
      busy={busy}
    >
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
            <Field label={t('cards.number')} field="card" error={cardError}>
              <input
                ref={numberInput}
                className="input"
                autoComplete="off"
                inputMode="numeric"
                data-testid="card-dialog-number"
                value={cardNumber}
                onChange={(e) => {
                  setCardNumber(e.target.value);
                  onEdit();
                }}
              />
            </Field>
          )}
        </fieldset>
      )}
    </Dialog>
  );
}
