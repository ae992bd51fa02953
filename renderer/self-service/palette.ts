// The colour pairs the self-service screens put text and controls on (renderer/styles.css variables
// and renderer/styles/self-service.css). palette.test.ts checks each meets WCAG AA and is still the
// one the CSS uses; a new colour in the CSS belongs here too.
import type { ContrastUse } from './contrast';

export interface ColourPair {
  where: string;
  foreground: string;
  background: string;
  use: ContrastUse;
}

const text = '#1f2328';
const muted = '#5d6670';
const bg = '#f5f3ef';
const surface = '#ffffff';
const primary = '#b4462a';
const primaryDark = '#8f3620';
const bad = '#b42318';
const chip = '#f3e3d9';
const edge = '#857b70';
const idle = '#1f2328';
const slideStops = ['#8f3620', '#b4462a', '#a9572c'];

export const selfServicePalette: ColourPair[] = [
  { where: 'text on the page', foreground: text, background: bg, use: 'text' },
  { where: 'text on cards, buttons, tiles', foreground: text, background: surface, use: 'text' },
  { where: 'muted text on cards', foreground: muted, background: surface, use: 'text' },
  { where: 'muted text on the page', foreground: muted, background: bg, use: 'text' },
  { where: 'primary button and logo', foreground: '#ffffff', background: primary, use: 'text' },
  { where: 'tier chip', foreground: primaryDark, background: chip, use: 'text' },
  { where: 'points balance', foreground: primaryDark, background: surface, use: 'text' },
  { where: 'points expiring soon', foreground: bad, background: surface, use: 'text' },
  { where: 'tile icons', foreground: primary, background: surface, use: 'non-text' },
  { where: 'button and tile edges on cards', foreground: edge, background: surface, use: 'non-text' },
  { where: 'button and tile edges on the page', foreground: edge, background: bg, use: 'non-text' },
  { where: 'focus ring', foreground: primary, background: bg, use: 'non-text' },
  { where: 'start box edge', foreground: primary, background: bg, use: 'non-text' },
  { where: 'idle countdown', foreground: '#ffffff', background: idle, use: 'text' },
  ...slideStops.map((stop) => ({
    where: `slide text on ${stop}`,
    foreground: '#ffffff',
    background: stop,
    use: 'text' as const,
  })),
];
