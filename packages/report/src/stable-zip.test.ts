// The deterministic OOXML rewrite on its own: dates, chart numbering, order, compression.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { stableOoxml } from './stable-zip.js';

const WHEN = new Date('2026-04-30T09:00:00Z');

async function pkg(files: [string, string][], date: Date): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of files) z.file(name, text, { date });
  return z.generateAsync({ type: 'uint8array' });
}

const CORE =
  '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2031-01-01T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2031-01-01T08:00:00Z</dcterms:modified></cp:coreProperties>';

describe('stableOoxml', () => {
  it('gives the same bytes for packages that differ only in their dates and entry order', async () => {
    const a = await pkg(
      [
        ['[Content_Types].xml', '<Types/>'],
        ['docProps/core.xml', CORE],
        ['ppt/slides/slide1.xml', '<p:sld/>'],
      ],
      new Date('2031-01-01T08:00:00Z'),
    );
    const b = await pkg(
      [
        ['ppt/slides/slide1.xml', '<p:sld/>'],
        ['docProps/core.xml', CORE.replaceAll('2031-01-01T08:00:00Z', '2034-07-15T17:33:21Z')],
        ['[Content_Types].xml', '<Types/>'],
      ],
      new Date('2034-07-15T17:33:21Z'),
    );
    const [sa, sb] = await Promise.all([stableOoxml(a, WHEN), stableOoxml(b, WHEN)]);
    expect(Buffer.from(sa).equals(Buffer.from(sb))).toBe(true);
    const out = await JSZip.loadAsync(sa);
    expect(Object.keys(out.files)[0]).toBe('[Content_Types].xml');
    expect(await out.file('docProps/core.xml')?.async('string')).toBe(
      CORE.replaceAll('2031-01-01T08:00:00Z', '2026-04-30T09:00:00Z'),
    );
    for (const f of Object.values(out.files)) expect(f.date.toISOString()).toBe(WHEN.toISOString());
  });

  it('numbers chart parts from 1 in their order, in names and in every reference', async () => {
    const deck = await pkg(
      [
        ['ppt/charts/chart7.xml', '<c:chartSpace/>'],
        ['ppt/charts/chart12.xml', '<c:chartSpace/>'],
        [
          'ppt/charts/_rels/chart12.xml.rels',
          '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet12.xlsx"/>',
        ],
        [
          'ppt/slides/_rels/slide1.xml.rels',
          '<R Target="../charts/chart7.xml"/><R Target="../charts/chart12.xml"/>',
        ],
      ],
      new Date(),
    );
    const out = await JSZip.loadAsync(await stableOoxml(deck, WHEN));
    expect(Object.keys(out.files).sort()).toEqual([
      'ppt/charts/_rels/chart2.xml.rels',
      'ppt/charts/chart1.xml',
      'ppt/charts/chart2.xml',
      'ppt/slides/_rels/slide1.xml.rels',
    ]);
    expect(await out.file('ppt/slides/_rels/slide1.xml.rels')?.async('string')).toBe(
      '<R Target="../charts/chart1.xml"/><R Target="../charts/chart2.xml"/>',
    );
    expect(await out.file('ppt/charts/_rels/chart2.xml.rels')?.async('string')).toContain(
      'Microsoft_Excel_Worksheet2.xlsx',
    );
  });

  it('compresses with DEFLATE, keeps dates a zip can hold, and refuses an invalid date', async () => {
    const text = '<a>repeated text </a>'.repeat(500);
    const out = await stableOoxml(await pkg([['x.xml', text]], new Date()), new Date('1970-01-01'));
    expect(out.length).toBeLessThan(text.length / 10);
    const z = await JSZip.loadAsync(out);
    expect(await z.file('x.xml')?.async('string')).toBe(text);
    expect(z.file('x.xml')?.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    await expect(stableOoxml(out, new Date('nope'))).rejects.toThrow(/valid date/);
  });
});
