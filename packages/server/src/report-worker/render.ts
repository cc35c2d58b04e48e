// One report file from one job: shared by the rendering thread (worker.mjs) and the in-thread
// renderer, so both produce the same bytes from the same job.
import type { ReportInput } from '@cscx/success-report';
import type { ReportRequest, ReportSection } from '../contract.js';
import { ProblemError } from '../problem.js';

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
  try {
    switch (job.format) {
      case 'pdf':
        return await r.renderReportPdf(input);
      case 'ppt':
        return await r.renderReportPptx(input);
      case 'html':
        return r.renderReportHtml(input);
    }
  } catch (e) {
    throw (e instanceof Error && renderProblem(e.name, e.message)) || e;
  }
}

/**
 * The problem a renderer's failure is for the client, when it is the request's to fix: a PDF
 * in a language whose script this server has no font for (the report package's
 * ReportFontError) is a 422 naming `/locale`, not a 500. Null for any other failure. Takes the
 * name and message, as a rendering thread reports them.
 *
 * @example
 * renderProblem('ReportFontError', 'A ja-JP PDF needs a font …')?.status; // 422
 */
export function renderProblem(name: string, message: string): ProblemError | null {
  if (name !== 'ReportFontError') return null;
  return new ProblemError(422, message, [
    {
      field: '/locale',
      message:
        'This server has no font for the language of this locale: ask for HTML or PowerPoint, or another locale.',
      code: 'font_unavailable',
    },
  ]);
}

/**
 * The renderer that works in the calling thread: for embedding the app in a process that
 * manages its own threads, and for tests of what the report says rather than where it is made.
 *
 * @example
 * createApp({ db, reports: inThreadRenderer });
 */
export const inThreadRenderer: ReportRenderer = { render: renderJob };
