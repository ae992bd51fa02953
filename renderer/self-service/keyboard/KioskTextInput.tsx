// The one text field of the self-service screens. Touch terminals have no keyboard and system
// on-screen keyboards fail under kiosk windows, so this field brings its own (see the keyboard feature).
// Stub: a plain input until the on-screen keyboard is built; the props stay.

export type KeyboardLayout = 'numeric' | 'latin' | 'chinese' | 'url';

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

export function KioskTextInput({ value, onChange, label, testId, maxLength, multiline }: KioskTextInputProps) {
  return multiline ? (
    <textarea
      className="input"
      aria-label={label}
      value={value}
      maxLength={maxLength}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  ) : (
    <input
      className="input"
      aria-label={label}
      value={value}
      maxLength={maxLength}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
