// The keyboard itself: simple-keyboard mounted on a div, docked at the bottom of the screen.
// Taps never take the focus from the field (mousedown is cancelled), so the physical keyboard
// and a wedge scanner keep typing into the same field.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import '../../styles/kiosk-keyboard.css';
import { modeLayouts, otherMode, type KeyboardMode } from './layouts';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
  first: KeyboardMode;
  maxLength?: number;
  testId: string;
}

export function OnScreenKeyboard({ value, onChange, onDone, first, maxLength, testId }: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const [mode, setMode] = useState<KeyboardMode>(first);
  const [shift, setShift] = useState(false);
  // The latest callbacks, for simple-keyboard's handlers set once.
  const latest = useRef({ onChange, onDone, mode, first });
  latest.current = { onChange, onDone, mode, first };

  useEffect(() => {
    const instance = new Keyboard(host.current!, {
      disableCaretPositioning: true,
      preventMouseDownDefault: true,
      disableButtonHold: true,
      enableLayoutCandidates: true,
      layoutCandidatesPageSize: 8,
      onChange: (input: string) => latest.current.onChange(input),
      onKeyPress: (button: string) => {
        if (button === '{done}') latest.current.onDone();
        else if (button === '{shift}') setShift((on) => !on);
        else if (button === '{lang}') {
          setShift(false);
          setMode((current) => otherMode(current, latest.current.first));
        }
      },
    });
    keyboard.current = instance;
    return () => {
      keyboard.current = null;
      instance.destroy();
    };
  }, []);

  useEffect(() => {
    const layout = modeLayouts[mode];
    keyboard.current?.setOptions({
      layout: layout.layout,
      layoutName: shift && layout.layout.shift ? 'shift' : 'default',
      layoutCandidates: layout.candidates ?? {},
      maxLength: maxLength ?? false,
      display: {
        '{bksp}': t('kioskKeyboard.backspace'),
        '{done}': t('kioskKeyboard.done'),
        '{space}': t('kioskKeyboard.space'),
        '{shift}': t('kioskKeyboard.shift'),
        '{lang}': mode === 'chinese' ? t('kioskKeyboard.toLatin') : t('kioskKeyboard.toChinese'),
      },
      buttonAttributes: [
        { attribute: 'data-testid', value: `${testId}-key-done`, buttons: '{done}' },
        { attribute: 'data-testid', value: `${testId}-key-lang`, buttons: '{lang}' },
        { attribute: 'data-testid', value: `${testId}-key-bksp`, buttons: '{bksp}' },
      ],
    });
  }, [mode, shift, maxLength, t, testId]);

  // Typed on the physical keyboard or scanned: the on-screen keyboard continues from there.
  useEffect(() => {
    if (keyboard.current && keyboard.current.getInput() !== value) keyboard.current.setInput(value);
  }, [value]);

  return (
    <div
      className={`kk kk--${mode}`}
      role="group"
      aria-label={t('kioskKeyboard.keyboard')}
      data-testid={`${testId}-keyboard`}
      data-mode={mode}
      onMouseDown={(e) => e.preventDefault()}
    >
      {mode === 'chinese' && <p className="kk__hint">{t('kioskKeyboard.pinyinHint')}</p>}
      <div ref={host} className="simple-keyboard" />
    </div>
  );
}
