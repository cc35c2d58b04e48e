/**
 * @cscx/success-report: the customer-facing success report (PRD-165 FR-165.16..19) as one
 * self-contained HTML page, a PDF and a PowerPoint deck, from the API's success metrics. Every
 * number is computed by @cscx/success-calc and formatted with its Intl formatters in the
 * requested locale; every text from the data stays text in every format.
 *
 * @example
 * import { REPORT_SECTIONS, renderReportPdf } from '@cscx/success-report';
 * const metrics = await client.getCustomerSuccessMetrics({ customerId: 'cus_acme' });
 * const account = await client.getAccountSuccessMetrics({ customerId: 'cus_acme', includeBenchmarks: true });
 * const pdf = await renderReportPdf({ metrics, account, sections: REPORT_SECTIONS, locale: 'en-US' });
 */
export { type TrendChartOptions, trendChartSvg } from './chart-svg.js';
export { escapeHtml, renderReportHtml } from './html.js';
export {
  REPORT_LOCALES,
  REPORT_TRANSLATIONS,
  registerReportTranslations,
} from './locales/index.js';
export * from './messages.js';
export { type PdfFonts, type PdfOptions, ReportFontError, renderReportPdf } from './pdf.js';
export { renderReportPptx } from './pptx.js';
export {
  defaultSections,
  HEALTH_BAND_COLOR,
  HEALTH_BAND_TEXT,
  HEALTH_TEXT,
  hasHealthOrKpis,
  KPI_TEXT,
  REPORT_SECTIONS,
  type ReportText,
  reportText,
  SECTION_TITLE,
} from './sections.js';
export type {
  AccountSuccessMetrics,
  CustomerHealth,
  CustomerKpis,
  CustomerSuccessMetrics,
  ReportInput,
  ReportSection,
} from './types.js';
