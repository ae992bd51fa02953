import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aaMinimum, contrastRatio } from './contrast';
import { selfServicePalette } from './palette';

const css = [
  readFileSync(new URL('../styles.css', import.meta.url), 'utf8'),
  readFileSync(new URL('../styles/self-service.css', import.meta.url), 'utf8'),
]
  .join('\n')
  .toLowerCase();

describe('self-service palette', () => {
  it.each(selfServicePalette)('$where meets WCAG AA', ({ foreground, background, use }) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(aaMinimum[use]);
  });

  it('lists the colours the CSS really uses', () => {
    const colours = new Set(selfServicePalette.flatMap((p) => [p.foreground, p.background]));
    for (const colour of colours) if (colour !== '#ffffff') expect(css).toContain(colour);
    // Every hex colour in the self-service CSS is in a checked pair (or is decoration listed here).
    const ssCss = readFileSync(new URL('../styles/self-service.css', import.meta.url), 'utf8').toLowerCase();
    const used = new Set(ssCss.match(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/g) ?? []);
    for (const colour of used) expect([...colours, '#fff']).toContain(colour);
  });
});
