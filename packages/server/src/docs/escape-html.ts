// The docs page needs an HTML escaper at start-up. @cscx/success-report has one too, but it
// loads only with the first report (it brings pdfkit, pptxgenjs and Vega), so the server keeps
// this small one rather than loading the whole report package to start.

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}
