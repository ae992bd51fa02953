// AIM symbology identifiers (ISO/IEC 15424): "]" + code character + modifier, e.g. "]E0" = EAN-13.
const names: Record<string, string> = {
  A: 'Code39',
  C: 'Code128',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code93',
  I: 'ITF',
  L: 'PDF417',
  Q: 'QRCode',
  d: 'DataMatrix',
  e: 'GS1DataBar',
  z: 'Aztec',
  X: 'Other',
};

/** A readable symbology name for an AIM id, or undefined when the scanner sent none. */
export function symbologyFromAim(aim: string): string | undefined {
  if (aim.length !== 3 || aim[0] !== ']') return undefined;
  const name = names[aim[1]!];
  if (!name) return undefined;
  if (aim[1] === 'E') return aim[2] === '4' ? 'EAN-8' : 'EAN-13';
  return name;
}

/** Strips a leading AIM id from scanned text (keyboard and serial scanners send it as text when enabled). */
export function splitAimPrefix(text: string): { text: string; symbology?: string } {
  const symbology = symbologyFromAim(text.slice(0, 3));
  return symbology ? { text: text.slice(3), symbology } : { text };
}
