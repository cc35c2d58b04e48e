// One report file from one job: shared by the rendering thread (worker.mjs) and the in-thread
// renderer, so both produce the same bytes from the same job.
import type { ReportInput } from '@cscx/success-report';
import type { ReportRequest, ReportSection } from '../contract.js';

/** The report formats of generateSuccessReport's body (`ppt` is the OOXML deck, .pptx). */
export type ReportFormat = ReportRequest['format'];

/** What a renderer is asked for: the format and the report's input, all structured-cloneable. */
export interface ReportJob {
  readonly format: ReportFormat;
  /**
   * Everything but the sections, which default to the report package's `defaultSections` when
   * `sections` is null (all of them; `health` only with health or KPI data).
   */
  readonly input: Omit<ReportInput, 'sections'>;
  readonly sections: readonly ReportSection[] | null;
}

/** A PDF or a deck as bytes; the HTML report as text. */
export type ReportBody = string | Uint8Array<ArrayBuffer>;

/**
 * Renders reports. The server's default renders in its own thread; `npm start` passes a
 * {@link ReportPool} so a PDF never holds up the dashboard's requests.
 *
 * @example
 * const body = await renderer.render({ format: 'pdf', input, sections: null });
 */
export interface ReportRenderer {
  render(job: ReportJob): Promise<ReportBody>;
}

type Renderers = typeof import('@cscx/success-report');
let loading: Promise<Renderers> | undefined;

/**
 * The renderers bring pdfkit, pptxgenjs and Vega, which take over a second to load: they load
 * with the first report rather than delaying every server start.
 *
 * @example
 * await loadRenderers(); // a rendering thread, before it says it is ready
 */
export function loadRenderers(): Promise<Renderers> {
  loading ??= import('@cscx/success-report').catch((e: unknown) => {
    // A failed load is retried by the next report instead of failing every one after it.
    loading = undefined;
    throw e;
  });
  return loading;
}

/**
 * Renders one job in the calling thread.
 *
 * @example
 * const pdf = await renderJob({ format: 'pdf', input, sections: ['overview', 'value'] });
 */
export async function renderJob(job: ReportJob): Promise<ReportBody> {
  const r = await loadRenderers();
  // No sections chosen: every section, `health` only for a customer with health or KPI data.
  const input: ReportInput = {
    ...job.input,
    sections: job.sections ?? r.defaultSections(job.input),
  };
  switch (job.format) {
    case 'pdf':
      return r.renderReportPdf(input);
    case 'ppt':
      return r.renderReportPptx(input);
    case 'html':
      return r.renderReportHtml(input);
  }
}

/**
 * The renderer that works in the calling thread: for embedding the app in a process that
 * manages its own threads, and for tests of what the report says rather than where it is made.
 *
 * @example
 * createApp({ db, reports: inThreadRenderer });
 */
export const inThreadRenderer: ReportRenderer = { render: renderJob };
