// Scanners in USB keyboard mode send boot-keyboard reports: [modifiers, reserved, key1..key6], a
// report with the key down, then one with it released. Usage ids from the HID Usage Tables
// (page 0x07), US layout, which is what scanners emulate unless configured otherwise.

const letters = 'abcdefghijklmnopqrstuvwxyz';
const digits = '1234567890';
const digitsShifted = '!@#$%^&*()';
// 0x2C..0x38: space - = [ ] \ (non-US #) ; ' ` , . /
const punct: Record<number, [string, string]> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
};
const keypad: Record<number, string> = {
  0x54: '/',
  0x55: '*',
  0x56: '-',
  0x57: '+',
  0x59: '1',
  0x5a: '2',
  0x5b: '3',
  0x5c: '4',
  0x5d: '5',
  0x5e: '6',
  0x5f: '7',
  0x60: '8',
  0x61: '9',
  0x62: '0',
  0x63: '.',
};

const enterKeys = new Set([0x28, 0x58]);
const tabKey = 0x2b;

/** The character a key usage types, or null for keys that type nothing. */
export function usageToChar(usage: number, shift: boolean): string | null {
  if (usage >= 0x04 && usage <= 0x1d) {
    const c = letters[usage - 0x04]!;
    return shift ? c.toUpperCase() : c;
  }
  if (usage >= 0x1e && usage <= 0x27) return (shift ? digitsShifted : digits)[usage - 0x1e]!;
  const p = punct[usage];
  if (p) return shift ? p[1] : p[0];
  return keypad[usage] ?? null;
}

export interface KeyboardReportDecoder {
  /** One report (8 bytes, or 9 with a report id first). Returns a scan when Enter or Tab ends one. */
  push(report: Uint8Array): string | null;
}

export function createKeyboardReportDecoder(options: { maxLength?: number } = {}): KeyboardReportDecoder {
  const maxLength = options.maxLength ?? 1024;
  let held = new Set<number>();
  let text = '';
  let overflow = false;
  return {
    push(raw) {
      const report = raw.length === 9 ? raw.subarray(1) : raw;
      if (report.length !== 8) return null;
      const modifiers = report[0]!;
      const shift = (modifiers & 0x22) !== 0;
      const now = new Set<number>();
      for (let i = 2; i < 8; i++) if (report[i]! > 0x03) now.add(report[i]!);
      let result: string | null = null;
      for (const usage of now) {
        if (held.has(usage)) continue; // still held from the previous report: not a new keypress
        if (enterKeys.has(usage) || usage === tabKey) {
          if (text && !overflow) result = text;
          text = '';
          overflow = false;
          continue;
        }
        // Ctrl, Alt or GUI chords are not scanner data.
        if (modifiers & 0xdd) continue;
        const ch = usageToChar(usage, shift);
        if (ch === null) continue;
        if (text.length >= maxLength) overflow = true;
        else text += ch;
      }
      held = now;
      return result;
    },
  };
}

/** The report pairs a keyboard-mode scanner sends for text plus Enter (tests use it). */
export function keyboardReports(text: string): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const release = () => new Uint8Array(8);
  for (const ch of text) {
    let usage = 0;
    let shift = false;
    for (let u = 0x04; u <= 0x38 && !usage; u++) {
      if (usageToChar(u, false) === ch) usage = u;
      else if (usageToChar(u, true) === ch) {
        usage = u;
        shift = true;
      }
    }
    if (!usage) throw new RangeError(`no key for ${ch}`);
    reports.push(Uint8Array.of(shift ? 0x02 : 0, 0, usage, 0, 0, 0, 0, 0), release());
  }
  reports.push(Uint8Array.of(0, 0, 0x28, 0, 0, 0, 0, 0), release());
  return reports;
}
