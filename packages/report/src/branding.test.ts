// A report in the vendor's look: logo (PNG or SVG), colour and font through `branding`, in the
// deck and the PDF alike; a logo that is not what it says is refused with its field named.
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from './pdf.js';
import { renderReportPptx } from './pptx.js';
import { brandOf, DEFAULT_BRAND } from './sections.js';
import { readPdf, readPptx } from './testing/read.js';
import { slideShapes } from './testing/rendered.js';
import { acmeInput } from './testing/variants.js';
import type { ReportBranding } from './types.js';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = btoa(
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0F766E"/></svg>',
);
const branded = (branding: ReportBranding) => ({ ...acmeInput(), branding });

describe('branding', () => {
  it('puts the logo on the title slide, the colour on rules and charts, the font on every text', async () => {
    const deck = await readPptx(
      await renderReportPptx(
        branded({
          logo: { media_type: 'image/png', data: PNG_1PX },
          primary_color: '#0f766e',
          font_family: 'Helvetica Neue',
        }),
      ),
    );
    const [title = '', ...rest] = deck.slides;
    expect(title).toContain('<p:pic>');
    expect(title).toContain('<a:srgbClr val="0F766E"/>');
    // The logo sits on the title slide beside, never over, its text.
    const shapes = slideShapes(title);
    const pic = shapes.find((s) => s.kind === 'pic');
    expect(pic).toBeDefined();
    for (const s of shapes.filter((x) => x.kind === 'sp' && x.text))
      expect(s.y >= (pic?.y ?? 0) + (pic?.h ?? 0) || s.x + s.w <= (pic?.x ?? 0)).toBe(true);
    for (const s of rest) expect(s).not.toContain(`typeface="${DEFAULT_BRAND.font}"`);
    expect(rest.join('')).toContain('typeface="Helvetica Neue"');
    const charts = await Promise.all([...deck.chartsBySlide.values()].flat().map(deck.read));
    expect(charts.some((c) => c.includes('<a:srgbClr val="0F766E"/>'))).toBe(true);
    expect(charts.join('')).not.toContain(`val="${DEFAULT_BRAND.color}"`);
  });

  it("leaves the next deck in the kit's own look", async () => {
    await renderReportPptx(branded({ primary_color: '#0F766E', font_family: 'Helvetica Neue' }));
    const plain = await readPptx(await renderReportPptx(acmeInput(['overview'])));
    expect(plain.slides[1]).toContain(`typeface="${DEFAULT_BRAND.font}"`);
    expect(plain.slides.join('')).not.toContain('Helvetica Neue');
  });

  it('draws a PNG or an SVG logo on the PDF cover', async () => {
    const png = await readPdf(
      await renderReportPdf(branded({ logo: { media_type: 'image/png', data: PNG_1PX } })),
    );
    expect(png.images[0]).toBe(1);
    const plain = await readPdf(await renderReportPdf(acmeInput()));
    const svg = await readPdf(
      await renderReportPdf(branded({ logo: { media_type: 'image/svg+xml', data: SVG } })),
    );
    // The SVG is drawn as vector paths, not an image.
    expect(svg.images[0]).toBe(0);
    expect(svg.paths[0]).toBeGreaterThan(plain.paths[0] ?? 0);
  });

  it('refuses a logo that is not what its media type says, and a colour that is not #RRGGBB', () => {
    expect(() => brandOf(branded({ logo: { media_type: 'image/png', data: SVG } }))).toThrow(
      /branding\.logo\.data is not a image\/png image/,
    );
    expect(() => brandOf(branded({ primary_color: 'teal' }))).toThrow(/primary_color/);
    expect(brandOf(acmeInput())).toEqual({
      color: DEFAULT_BRAND.color,
      font: DEFAULT_BRAND.font,
      logo: null,
    });
  });
});
