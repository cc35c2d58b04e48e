// OOXML packages (a .pptx and the .xlsx workbooks pptxgenjs embeds behind each chart) made
// byte-deterministic: pptxgenjs stamps the wall clock into docProps/core.xml and every zip
// entry's date, so the same report rendered twice would differ and an idempotent replay could
// not be told from a re-render. Rewritten here with every date taken from the report's own time.
import JSZip from 'jszip';

// DOS dates (the zip format's) cover 1980-01-01 to 2107-12-31.
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);
const CORE = 'docProps/core.xml';
// [Content_Types].xml first, as Office writes it: some readers sniff the first entry.
const CONTENT_TYPES = '[Content_Types].xml';

function w3cdtf(when: Date): string {
  return when.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function stampCore(xml: string, when: Date): string {
  const at = w3cdtf(when);
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _tag: string, close: string) => `${open}${at}${close}`,
  );
}

function byName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === CONTENT_TYPES) return -1;
  if (b === CONTENT_TYPES) return 1;
  return a < b ? -1 : 1;
}

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const CHART_REF = /\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g;

/**
 * pptxgenjs numbers charts (and the workbook behind each) with a counter shared by every deck
 * the process has made: the third report of a process would name its parts chart13.xml...
 * Numbered 1..n in their original order instead, in part names and in every reference to them.
 */
function chartNumbers(names: readonly string[]): ((s: string) => string) | null {
  const ids = names
    .map((n) => CHART_PART.exec(n)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (ids.length === 0) return null;
  const map = new Map(ids.map((id, i) => [id, i + 1]));
  return (s) =>
    s.replace(CHART_REF, (m, kind: string, id: string, ext: string) => {
      const to = map.get(Number(id));
      return to === undefined ? m : `${kind}${to}.${ext}`;
    });
}

/**
 * Rewrites an OOXML package so its bytes depend only on its content and `when`: the core
 * properties' created/modified dates become `when`, every entry (nested .xlsx packages too)
 * gets `when` as its date, chart parts are numbered from 1, entries are stored in a fixed order,
 * and the whole is compressed with `compression` (DEFLATE unless told otherwise). `rewrite`, when
 * given, may change the text of each XML part (the deck sets its language with it).
 *
 * @example
 * const stable = await stableOoxml(await deck.write({ outputType: 'uint8array' }), generatedAt);
 */
export async function stableOoxml(
  bytes: Uint8Array,
  when: Date,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
  rewrite?: (name: string, xml: string) => string,
): Promise<Uint8Array<ArrayBuffer>> {
  const t = when.getTime();
  if (Number.isNaN(t)) throw new RangeError('stableOoxml needs a valid date');
  // Whole seconds, even (the DOS format's resolution), inside the range a zip can store.
  const date = new Date(Math.floor(Math.min(DOS_MAX, Math.max(DOS_MIN, t)) / 2000) * 2000);
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files)
    .filter((n) => !source.files[n]?.dir)
    .sort(byName);
  const renumber = chartNumbers(names);
  const out = new JSZip();
  const entries: [string, Uint8Array | string][] = [];
  for (const name of names) {
    const entry = source.file(name);
    if (!entry) continue;
    let data: Uint8Array | string;
    if (name === CORE) {
      data = stampCore(await entry.async('string'), when);
    } else if (name.endsWith('.xlsx')) {
      // Stored, not deflated: the deck's own DEFLATE compresses it as well, for a third of the
      // time (pako is slow on many small entries).
      data = await stableOoxml(await entry.async('uint8array'), when, 'STORE');
    } else if ((renumber || rewrite) && /\.(xml|rels)$/.test(name)) {
      const xml = await entry.async('string');
      const renumbered = renumber ? renumber(xml) : xml;
      data = rewrite ? rewrite(name, renumbered) : renumbered;
    } else {
      data = await entry.async('uint8array');
    }
    entries.push([renumber ? renumber(name) : name, data]);
  }
  // Renamed parts may sort differently than before: order by the final names.
  entries.sort(([a], [b]) => byName(a, b));
  for (const [name, data] of entries) out.file(name, data, { date, createFolders: false });
  const zipped = await out.generateAsync({
    type: 'uint8array',
    compression,
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
  return zipped.buffer instanceof ArrayBuffer
    ? (zipped as Uint8Array<ArrayBuffer>)
    : new Uint8Array(zipped);
}
