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

/** A node of a page's structure tree as pdf.js reports it: a role, or marked content. */
export interface StructNode {
  readonly role?: string;
  readonly alt?: string;
  readonly type?: string;
  readonly children?: StructNode[];
}

export interface PdfTags {
  /** The catalog's MarkInfo /Marked: the document says it is tagged. */
  readonly marked: boolean;
  /** Each page's structure tree (null when the page has none). */
  readonly trees: (StructNode | null)[];
  /** Per page, the text inside marked content tied to the structure tree (what is read). */
  readonly tagged: string[];
  /** Per page, the text inside artifacts (skipped by assistive technology). */
  readonly artifacts: string[];
  /** Per page, text that is neither: a tagged PDF should have none. */
  readonly untagged: string[];
}

/** The tagged-PDF view of a document, as a screen reader gets it through pdf.js. */
export async function readPdfTags(bytes: Uint8Array): Promise<PdfTags> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const info = await doc.getMarkInfo();
  const trees: (StructNode | null)[] = [];
  const tagged: string[] = [];
  const artifacts: string[] = [];
  const untagged: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    trees.push((await page.getStructTree()) as StructNode | null);
    const out = { tagged: [] as string[], artifact: [] as string[], untagged: [] as string[] };
    // The innermost marked content decides: an artifact, tagged (has an MCID), or neither.
    const stack: ('tagged' | 'artifact' | 'other')[] = [];
    const content = await page.getTextContent({ includeMarkedContent: true });
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          // pdf.js passes the tag at run time; its types leave it out.
          const tag = 'tag' in item ? item.tag : undefined;
          stack.push(tag === 'Artifact' ? 'artifact' : item.id ? 'tagged' : 'other');
        } else if (item.type === 'endMarkedContent') {
          stack.pop();
        }
        continue;
      }
      if (!item.str.trim()) continue;
      const kind = stack.includes('artifact')
        ? 'artifact'
        : stack.includes('tagged')
          ? 'tagged'
          : 'untagged';
      out[kind].push(item.str);
    }
    tagged.push(out.tagged.join(' '));
    artifacts.push(out.artifact.join(' '));
    untagged.push(out.untagged.join(' '));
  }
  await doc.destroy();
  return { marked: info?.Marked === true, trees, tagged, artifacts, untagged };
}

/** Every node of a structure tree, depth first (reading order). */
export function structNodes(node: StructNode | null): StructNode[] {
  if (!node) return [];
  return [node, ...(node.children ?? []).flatMap((c) => structNodes(c))];
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
