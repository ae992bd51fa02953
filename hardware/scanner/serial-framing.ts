// Serial scanners send a code followed by CR, LF or CR LF. Bytes arrive in arbitrary pieces.
import type { SerialFraming } from '../../contract';

export interface LineFramer {
  /** Returns the complete codes in this chunk (terminators removed, text decoded as UTF-8). */
  push(chunk: Uint8Array): string[];
}

/**
 * Frames by the configured terminator, tolerating the other common one (a scanner set to CR LF on a
 * port configured for CR). A line longer than maxLength is dropped whole up to its terminator.
 */
export function createLineFramer(framing: SerialFraming, options: { maxLength?: number } = {}): LineFramer {
  const maxLength = options.maxLength ?? 512;
  const end = framing === 'CR' ? 0x0d : 0x0a;
  const other = framing === 'CR' ? 0x0a : 0x0d;
  const decoder = new TextDecoder('utf-8');
  let line: number[] = [];
  let discarding = false;
  return {
    push(chunk) {
      const out: string[] = [];
      for (const b of chunk) {
        if (b === end) {
          if (!discarding && line.length) out.push(decoder.decode(Uint8Array.from(line)));
          line = [];
          discarding = false;
          continue;
        }
        // The other terminator byte is framing noise at either end of a code, never data.
        if (b === other) continue;
        if (discarding) continue;
        if (line.length >= maxLength) {
          discarding = true;
          line = [];
          continue;
        }
        line.push(b);
      }
      return out;
    },
  };
}
