import { useEffect, useRef } from 'react';
import { createWedgeDecoder, isTerminator, type WedgeConfig } from './wedge-decoder';

/**
 * Inputs whose keys cannot be replayed with insertText (the browser edits them segment by segment),
 * so keys typed there are left alone; a scan into one of them is not caught.
 */
const passThroughInputTypes = new Set([
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'color',
  'range',
  'checkbox',
  'radio',
  'file',
]);

function isPassThroughTarget(target: EventTarget | null): boolean {
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && passThroughInputTypes.has(target.type);
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

function asEditable(el: Element | EventTarget | null): Editable | null {
  if (el instanceof HTMLTextAreaElement && !el.readOnly && !el.disabled) return el;
  if (el instanceof HTMLInputElement && !el.readOnly && !el.disabled && !passThroughInputTypes.has(el.type)) return el;
  return null;
}

function focusedEditable(): Editable | null {
  return asEditable(document.activeElement);
}

/**
 * Puts typed text into a field the way a keypress would, so React's onChange fires. `target` is
 * the field that had focus when the keys were pressed; focus may have left it since (a tap elsewhere).
 */
export function insertText(text: string, target: Editable | null = focusedEditable()): void {
  if (!text || !target || !target.isConnected) return;
  // execCommand keeps the caret, the undo stack and the native input event; it is deprecated but
  // still the only way to insert text "as typed" in Chromium. It only acts on the focused field.
  if (target === document.activeElement && document.execCommand?.('insertText', false, text)) return;
  const proto = target instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setValue = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = target.selectionStart;
    end = target.selectionEnd;
  } catch {
    // Some input types (email, number) have no selection API.
  }
  const value = target.value;
  const next = start === null || end === null ? value + text : value.slice(0, start) + text + value.slice(end);
  // The prototype setter bypasses React's value tracker, so React notices the change.
  if (setValue) setValue.call(target, next);
  else target.value = next;
  if (start !== null && target === document.activeElement) {
    try {
      target.setSelectionRange(start + text.length, start + text.length);
    } catch {
      // Ignore: caret placement is a nicety.
    }
  }
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

function isPrintable(event: KeyboardEvent): boolean {
  return [...event.key].length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;
}

export interface WedgeScannerHandle {
  uninstall(): void;
}

/**
 * Holds every printable key in the capture phase so a scan never lands in a focused field, then
 * either reports the scan or replays the keys as typing (at most one burst timeout late).
 */
export function installWedgeScanner(
  target: Window,
  onScan: (text: string) => void,
  config: Partial<WedgeConfig> = {},
): WedgeScannerHandle {
  const decoder = createWedgeDecoder(config);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Where held keys were aimed; typed text goes back there even if focus moved meanwhile.
  let burstTarget: Editable | null = null;

  /** Hands a finished non-scan burst to its field. */
  const deliver = (text: string) => {
    if (!text) return;
    insertText(text, burstTarget ?? focusedEditable());
    burstTarget = null;
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const armTimer = () => {
    clearTimer();
    const due = decoder.deadline();
    if (due === null) return;
    timer = setTimeout(
      () => {
        timer = null;
        deliver(decoder.timeout(performance.now()));
        armTimer();
      },
      Math.max(0, due - performance.now()),
    );
  };

  const flushAll = () => {
    clearTimer();
    deliver(decoder.flush());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // An IME (Chinese names) owns these keys; holding them back would break composition.
    if (event.isComposing || event.key === 'Process' || event.key === 'Unidentified') {
      flushAll();
      return;
    }
    const printable = isPrintable(event);
    const terminator = isTerminator(decoder.config, event.key) && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (!printable && !terminator) {
      // Backspace, arrows, shortcuts: the person is typing, so the held text goes first.
      flushAll();
      return;
    }
    if (decoder.pending() === '' && printable) {
      // Space on a button or checkbox must keep working, and some fields edit key by key.
      if (event.key === ' ' && !focusedEditable()) return;
      if (isPassThroughTarget(event.target)) return;
    }
    const time = event.timeStamp || performance.now();
    const result = decoder.feed(event.key, time);
    deliver(result.flushed);
    if (decoder.pending() === '') burstTarget = null;
    else burstTarget ??= focusedEditable();
    if (result.consumed) {
      event.preventDefault();
      event.stopPropagation();
    }
    armTimer();
    if (result.scan !== null) onScan(result.scan);
  };

  // Scanners do not tap the screen or move focus: either means the person typing is done, and the
  // text must be in its field before a button's click handler reads it.
  const endBurst = () => {
    if (decoder.pending() !== '') flushAll();
  };
  const passive = { capture: true, passive: true } as const;

  target.addEventListener('keydown', onKeyDown, { capture: true });
  target.addEventListener('pointerdown', endBurst, passive);
  target.addEventListener('mousedown', endBurst, passive);
  target.addEventListener('focusout', endBurst, passive);
  target.addEventListener('blur', endBurst);
  return {
    uninstall() {
      target.removeEventListener('keydown', onKeyDown, { capture: true });
      target.removeEventListener('pointerdown', endBurst, passive);
      target.removeEventListener('mousedown', endBurst, passive);
      target.removeEventListener('focusout', endBurst, passive);
      target.removeEventListener('blur', endBurst);
      flushAll();
    },
  };
}

/**
 * Installs the scanner once for the component's lifetime; the latest onScan is always called.
 * `enabled: false` leaves the keys alone (another screen, such as the self-service one, reads them).
 */
export function useWedgeScanner(onScan: (text: string) => void, config?: Partial<WedgeConfig>, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  const configKey = JSON.stringify(config ?? {});
  useEffect(() => {
    if (!enabled) return;
    const handle = installWedgeScanner(
      window,
      (text) => latest.current(text),
      JSON.parse(configKey) as Partial<WedgeConfig>,
    );
    return () => handle.uninstall();
  }, [configKey, enabled]);
}
