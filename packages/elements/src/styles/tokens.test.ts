import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.js';
import { type ColorToken, darkColors, lightColors } from './tokens.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT: ColorToken[] = [
  'text',
  'muted',
  'accent',
  'success',
  'info',
  'warning',
  'danger',
  'neutral',
];

describe('colour tokens', () => {
  for (const [name, palette] of [
    ['light', lightColors],
    ['dark', darkColors],
  ] as const) {
    it(`keep every text and status colour at >= 4.5:1 on surface, raised and its badge (${name})`, () => {
      for (const token of TEXT) {
        const backgrounds: string[] = [palette.surface, palette.raised];
        const badge = palette[`${token}-bg` as ColorToken] as string | undefined;
        if (badge) backgrounds.push(badge);
        for (const bg of backgrounds) {
          expect(contrast(palette[token], bg), `${name} ${token} on ${bg}`).to.be.at.least(4.5);
        }
      }
      expect(contrast(palette['on-accent'], palette.accent), 'button text').to.be.at.least(4.5);
    });
  }
});
