// WCAG 2.x contrast: the relative luminance of sRGB colours and the ratio between two of them.
// The self-service palette is checked with it (palette.ts beside this file).

/** #rgb or #rrggbb → [r, g, b] in 0–255; anything else is refused. */
export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1 (the same colour) to 21 (black on white); the order of the two does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** What WCAG AA asks of a pair: 4.5:1 for body text, 3:1 for large text (≥ 24 px, or 18.66 px bold) and for controls' edges. */
export type ContrastUse = 'text' | 'large-text' | 'non-text';

export const aaMinimum: Record<ContrastUse, number> = { text: 4.5, 'large-text': 3, 'non-text': 3 };

export const meetsAA = (foreground: string, background: string, use: ContrastUse): boolean =>
  contrastRatio(foreground, background) >= aaMinimum[use];
