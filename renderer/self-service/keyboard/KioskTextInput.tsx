// The one text field of the self-service screens. Touch terminals have no keyboard and system
// on-screen keyboards fail under kiosk windows, so this field brings its own: tapping it docks
// the on-screen keyboard (numeric pad, Latin, Chinese by pinyin) at the bottom of the screen.
// A physical keyboard or a wedge scanner still types into it (docs/decisions/0021-on-screen-keyboard.md).
import { useEffect, useRef, useState } from 'react';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import type { KeyboardMode } from './layouts';

export type KeyboardLayout = KeyboardMode;

export interface KioskTextInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Which keyboard opens first; Latin and Chinese can switch between each other. */
  layout: KeyboardLayout;
  label: string;
  testId: string;
  maxLength?: number;
  /** A multi-line comment box instead of one line. */
  multiline?: boolean;
}

export function KioskTextInput({ value, onChange, layout, label, testId, maxLength, multiline }: KioskTextInputProps) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  // A tap outside the field and its keyboard closes the keyboard, once that tap's click is done:
  // closing at pointerdown would move the page under the finger before the button got its click.
  useEffect(() => {
    if (!open) return;
    // The docked keyboard covers the lower part of the screen: bring the field above it.
    wrapper.current?.scrollIntoView?.({ block: 'nearest' });
    let outside = false;
    const down = (e: PointerEvent) => {
      outside = !wrapper.current?.contains(e.target as Node);
    };
    const click = () => {
      if (outside) setOpen(false);
      outside = false;
    };
    document.addEventListener('pointerdown', down, true);
    window.addEventListener('click', click);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      window.removeEventListener('click', click);
    };
  }, [open]);
  const change = (next: string) => onChange(maxLength === undefined ? next : next.slice(0, maxLength));
  const field = {
    className: 'input kk-field__input',
    'aria-label': label,
    value,
    maxLength,
    'data-testid': testId,
    // No system keyboard: this field has its own.
    inputMode: 'none' as const,
    autoComplete: 'off',
    onFocus: () => setOpen(true),
    onClick: () => setOpen(true),
  };
  return (
    <div ref={wrapper} className={open ? 'kk-field kk-field--open' : 'kk-field'}>
      <label className="kk-field__label">
        <span>{label}</span>
        {multiline ? (
          <textarea {...field} onChange={(e) => change(e.target.value)} />
        ) : (
          <input {...field} onChange={(e) => change(e.target.value)} />
        )}
      </label>
      {open && (
        <OnScreenKeyboard
          value={value}
          onChange={change}
          onDone={() => {
            setOpen(false);
            (document.activeElement as HTMLElement | null)?.blur();
          }}
          first={layout}
          testId={testId}
          {...(maxLength === undefined ? {} : { maxLength })}
        />
      )}
    </div>
  );
}
