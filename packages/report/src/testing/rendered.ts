// Renders reports the way a person would look at them: the deck through LibreOffice Impress
// (headless, a fresh profile per run) to PDF, every PDF through poppler to greyscale pixels and
// word boxes. Test-only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first `name` on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** A page as 8-bit grey pixels (0 black, 255 white), and its size in inches. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly pixels: Uint8Array;
}

/** A word poppler found on a page, in points from the top left. */
export interface Word {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface RenderedPdf {
  /** Page size in points. */
  readonly pageW: number;
  readonly pageH: number;
  readonly pages: Raster[];
  readonly words: Word[][];
}

/** Netpbm P5 (binary greyscale), what `pdftoppm -gray` writes. */
function readPgm(bytes: Buffer, dpi: number): Raster {
  // Header: "P5", width, height, maxval, each separated by whitespace, then one byte a pixel.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i] ?? 32))) i++;
    let f = '';
    while (!/\s/.test(String.fromCharCode(bytes[i] ?? 32)))
      f += String.fromCharCode(bytes[i++] ?? 32);
    fields.push(f);
  }
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`not an 8-bit PGM: ${fields}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, dpi, pixels: bytes.subarray(i + 1, i + 1 + width * height) };
}

/** Every page of `pdf` rasterised at `dpi` and its words with their boxes. */
export function rasterise(pdf: string, outDir: string, dpi = 50): RenderedPdf {
  mkdirSync(outDir, { recursive: true });
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(outDir, 'p')], {
    timeout: 60_000,
  });
  // PNGs beside them for a person to look at when a check fails.
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(outDir, 'p')], {
    timeout: 60_000,
  });
  const pages = readdirSync(outDir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => readPgm(readFileSync(join(outDir, f)), dpi));
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
    timeout: 60_000,
    maxBuffer: 64 << 20,
  }).toString('utf8');
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
  const words = html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: m[5] ?? '',
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
      })),
    );
  return { pageW: Number(size?.[1]), pageH: Number(size?.[2]), pages, words };
}

/**
 * Converts a deck to PDF with LibreOffice Impress: a fresh user profile in `dir` (so runs never
 * share or corrupt one) and a timeout. Returns the PDF's path and how long the conversion took.
 */
export function deckToPdf(pptx: Uint8Array, dir: string): { pdf: string; ms: number } {
  mkdirSync(dir, { recursive: true });
  const src = join(dir, 'deck.pptx');
  writeFileSync(src, pptx);
  const started = performance.now();
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      src,
    ],
    { timeout: 120_000, stdio: 'pipe' },
  );
  const pdf = join(dir, 'deck.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
  return { pdf, ms: performance.now() - started };
}

/**
 * How full a region of a page is, as a person judges it: the region cut into cells of `cell`
 * inches, the share of cells holding any ink (a pixel darker than light grey).
 */
export function inkedShare(
  r: Raster,
  region: { x: number; y: number; w: number; h: number },
  cell = 0.5,
): number {
  const px = (inches: number) => Math.round(inches * r.dpi);
  const cols = Math.max(1, Math.round(region.w / cell));
  const rows = Math.max(1, Math.round(region.h / cell));
  let inked = 0;
  for (let cy = 0; cy < rows; cy++)
    for (let cx = 0; cx < cols; cx++)
      if (
        hasInk(
          r,
          px(region.x + (cx * region.w) / cols),
          px(region.y + (cy * region.h) / rows),
          px(region.x + ((cx + 1) * region.w) / cols),
          px(region.y + ((cy + 1) * region.h) / rows),
        )
      )
        inked++;
  return inked / (cols * rows);
}

/** Whether any pixel of the box [x0, x1) x [y0, y1) is ink. */
export function hasInk(r: Raster, x0: number, y0: number, x1: number, y1: number): boolean {
  for (let y = Math.max(0, y0); y < Math.min(r.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(r.width, x1); x++)
      if ((r.pixels[y * r.width + x] ?? 255) < 200) return true;
  return false;
}

/** One shape of a slide, in inches, with the name it was given. */
export interface SlideShape {
  readonly kind: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

const EMU = 914_400;

/** The shapes, pictures and frames (tables, charts) of a slide's XML, the slide number left out. */
export function slideShapes(xml: string): SlideShape[] {
  const out: SlideShape[] = [];
  for (const m of xml.matchAll(/<p:(sp|graphicFrame|pic|cxnSp)>([\s\S]*?)<\/p:\1>/g)) {
    const body = m[2] ?? '';
    if (/type="sldNum"/.test(body)) continue;
    const g = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(body);
    if (!g) continue;
    out.push({
      kind: m[1] ?? '',
      name: /<p:cNvPr id="\d+" name="([^"]*)"/.exec(body)?.[1] ?? '',
      x: Number(g[1]) / EMU,
      y: Number(g[2]) / EMU,
      w: Number(g[3]) / EMU,
      h: Number(g[4]) / EMU,
      text: [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
    });
  }
  return out;
}

/** The area two boxes share. */
export function overlap(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
