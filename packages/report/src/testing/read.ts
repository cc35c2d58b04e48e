// Reads produced reports back the way a viewer would: PDFs through pdf.js (text per page,
// metadata, drawing operators), PPTX through JSZip (the OOXML parts). Test-only.
import JSZip from 'jszip';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfRead {
  readonly pages: string[];
  readonly info: Record<string, unknown>;
  /** Image drawing operators per page: charts must be vector, so none are expected. */
  readonly images: number[];
  /** Path drawing operators per page. */
  readonly paths: number[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: string[] = [];
  const images: number[] = [];
  const paths: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join(' ')
        .replace(/[ \t]+/g, ' '),
    );
    const ops = await page.getOperatorList();
    images.push(
      ops.fnArray.filter((f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject)
        .length,
    );
    paths.push(ops.fnArray.filter((f) => f === OPS.constructPath).length);
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, images, paths };
}

export interface PptxRead {
  readonly zip: JSZip;
  readonly files: string[];
  /** The slides' XML in slide order. */
  readonly slides: string[];
  /** The notes' XML by slide number (1-based), for slides that have notes. */
  readonly notes: Map<number, string>;
  /** The chart parts each slide references, by slide number. */
  readonly chartsBySlide: Map<number, string[]>;
  read(path: string): Promise<string>;
}

export async function readPptx(bytes: Uint8Array): Promise<PptxRead> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((f) => !zip.files[f]?.dir);
  const read = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`${path} is not in the deck`);
    return f.async('string');
  };
  const count = files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
  const slides: string[] = [];
  const notes = new Map<number, string>();
  const chartsBySlide = new Map<number, string[]>();
  for (let i = 1; i <= count; i++) {
    slides.push(await read(`ppt/slides/slide${i}.xml`));
    const rels = await read(`ppt/slides/_rels/slide${i}.xml.rels`);
    const targets = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => m[1] ?? '');
    const note = targets.find((t) => t.includes('notesSlide'));
    if (note) notes.set(i, await read(`ppt/notesSlides/${note.split('/').at(-1)}`));
    chartsBySlide.set(
      i,
      targets.filter((t) => t.includes('charts/')).map((t) => `ppt/charts/${t.split('/').at(-1)}`),
    );
  }
  return { zip, files, slides, notes, chartsBySlide, read };
}

/** The visible text runs of an OOXML part, XML entities left as they are stored. */
export function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1] ?? '');
}
