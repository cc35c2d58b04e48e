// generate_success_report: "Generate a success report for QBR". The API renders the file; the
// tool answers with a link to it (a resource this server serves, read through the same token)
// and embeds the file for hosts that keep it.
import type { SuccessClient } from '@cscx/success-sdk';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { resolveCustomer } from '../customers.js';
import { answering } from '../errors.js';
import { answer } from '../result.js';
import { customerRef, mcpSchema, period } from '../schema.js';

const FORMATS = ['pdf', 'ppt', 'html'] as const;
type Format = (typeof FORMATS)[number];

const MEDIA: Readonly<Record<Format, string>> = {
  pdf: 'application/pdf',
  ppt: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  html: 'text/html',
};

/** The link of a customer's report in one format. */
export const reportUri = (customerId: string, format: Format, p = 'all'): string =>
  `cscx-success://reports/${encodeURIComponent(customerId)}/${format}?period=${encodeURIComponent(p)}`;

export const reportOutput = v.object({
  customer_id: v.string(),
  customer_name: v.string(),
  format: v.picklist(FORMATS),
  period: v.string(),
  file_name: v.string(),
  media_type: v.string(),
  size_bytes: v.number(),
  uri: v.string(),
});

async function render(client: SuccessClient, customerId: string, format: Format, p: string) {
  const file = await client.generateSuccessReport({
    customerId,
    body: { format, ...(p !== 'all' ? { period: p } : {}) },
  });
  return { file, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function registerReport(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'generate_success_report',
    {
      title: 'Generate a success report',
      description:
        'Renders the customer\'s success report for a QBR as a PDF, a PowerPoint deck (ppt) or an HTML page and returns a link to the file. Answers "Generate a success report for QBR". Changes no data.',
      inputSchema: mcpSchema(
        v.object({
          customer: customerRef,
          format: v.pipe(
            v.picklist(FORMATS, 'The format is pdf, ppt (PowerPoint) or html.'),
            v.description('pdf, ppt (PowerPoint .pptx) or html'),
          ),
          period: v.optional(period),
        }),
      ),
      outputSchema: mcpSchema(reportOutput),
      annotations: {
        title: 'Generate a success report',
        readOnlyHint: true,
        idempotentHint: true,
        destructiveHint: false,
        openWorldHint: false,
      },
    },
    async ({ customer, format, period: p }) =>
      answering('generate the report', async () => {
        const c = await resolveCustomer(client, customer);
        const window = p ?? 'all';
        const { file, bytes } = await render(client, c.id, format, window);
        const uri = reportUri(c.id, format, window);
        const out = {
          customer_id: c.id,
          customer_name: c.name,
          format,
          period: window,
          file_name: file.name,
          media_type: MEDIA[format],
          size_bytes: bytes.byteLength,
          uri,
        };
        const result = answer(
          `${c.name}'s success report (${format}, ${window}) is ready: ${file.name}, ${Math.max(1, Math.round(bytes.byteLength / 1024))} KB, at ${uri}.`,
          out,
        );
        return {
          ...result,
          content: [
            ...result.content,
            {
              type: 'resource_link' as const,
              uri,
              name: file.name,
              mimeType: MEDIA[format],
              size: bytes.byteLength,
            },
          ],
        };
      }),
  );

  server.registerResource(
    'success-report',
    new ResourceTemplate('cscx-success://reports/{customer_id}/{format}{?period}', {
      list: undefined,
    }),
    {
      title: 'Success report file',
      description: "A customer's success report (pdf, ppt or html), rendered when read.",
    },
    async (uri, variables) => {
      const customerId = String(variables.customer_id ?? '');
      const raw = String(variables.format ?? '');
      const format: Format = (FORMATS as readonly string[]).includes(raw) ? (raw as Format) : 'pdf';
      const p = typeof variables.period === 'string' && variables.period ? variables.period : 'all';
      const { bytes } = await render(client, decodeURIComponent(customerId), format, p);
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: MEDIA[format],
            blob: Buffer.from(bytes).toString('base64'),
          },
        ],
      };
    },
  );
}
