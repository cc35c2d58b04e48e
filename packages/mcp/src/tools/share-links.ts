// create_share_link, list_share_links, revoke_share_link: "Share with customer", an expiring,
// revocable, read-only link to one customer's customer-facing dashboard and report.
import type { components, SuccessClient } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { resolveCustomer } from '../customers.js';
import { answering } from '../errors.js';
import { answer, READ_ONLY } from '../result.js';
import { customerRef, id, mcpSchema } from '../schema.js';

type ShareLink = components['schemas']['ShareLink'];

const LIST_MAX = 100;

export const shareLinkOutput = v.object({
  id: v.string(),
  customer_id: v.string(),
  label: v.string(),
  status: v.string(),
  created_at: v.string(),
  expires_at: v.string(),
  revoked_at: v.nullable(v.string()),
});

export const createdShareLinkOutput = v.object({
  ...shareLinkOutput.entries,
  url: v.string(),
  token: v.string(),
});

export const shareLinkListOutput = v.object({
  customer_id: v.string(),
  links: v.array(shareLinkOutput),
  next_cursor: v.nullable(v.string()),
});

const toOutput = (l: ShareLink): v.InferOutput<typeof shareLinkOutput> => ({
  id: l.id,
  customer_id: l.customer_id,
  label: l.label,
  status: l.status,
  created_at: l.created_at,
  expires_at: l.expires_at,
  revoked_at: l.revoked_at,
});

const ROLES =
  "Needs a manager token or the customer's CSM: a viewer token or share link gets the API's 403.";

export function registerShareLinks(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'create_share_link',
    {
      title: 'Share with customer',
      description: `Creates a link to send the customer: it opens a read-only, customer-facing dashboard and report of this one customer (no internal notes or recommendations), until it expires (default 30 days; 5 minutes to 90 days ahead) or is revoked. The answer holds the link's url, shown only now: give it to the user, it cannot be read again. ${ROLES}`,
      inputSchema: mcpSchema(
        v.object({
          customer: customerRef,
          expires_at: v.optional(
            v.pipe(
              v.string(),
              v.maxLength(40, 'expires_at is at most 40 characters.'),
              v.description(
                'When the link stops working, an ISO 8601 timestamp such as 2026-05-31T23:59:59Z. Default: 30 days from now.',
              ),
            ),
          ),
          label: v.optional(
            v.pipe(
              v.string(),
              v.maxLength(200, 'A label is at most 200 characters.'),
              v.description(
                'What the link is for, such as "Q2 business review" (listed for the team, never shown to the customer).',
              ),
            ),
          ),
        }),
      ),
      outputSchema: mcpSchema(createdShareLinkOutput),
      annotations: {
        title: 'Share with customer',
        readOnlyHint: false,
        idempotentHint: false,
        destructiveHint: false,
        openWorldHint: false,
      },
    },
    async ({ customer, expires_at, label }) =>
      answering('create a share link', async () => {
        const c = await resolveCustomer(client, customer);
        const link = await client.createShareLink({
          customerId: c.id,
          body: {
            ...(expires_at !== undefined ? { expires_at } : {}),
            ...(label !== undefined ? { label } : {}),
          },
        });
        return answer(
          `Share link for ${c.name} (${link.id}), valid until ${link.expires_at}: ${link.url}\nThis url is shown only now; send it to the customer. Revoke it with revoke_share_link.`,
          { ...toOutput(link), url: link.url, token: link.token },
        );
      }),
  );

  server.registerTool(
    'list_share_links',
    {
      title: 'List share links',
      description: `A customer's share links, newest first, active, expired and revoked alike (never their urls). ${ROLES}`,
      inputSchema: mcpSchema(v.object({ customer: customerRef })),
      outputSchema: mcpSchema(shareLinkListOutput),
      annotations: { title: 'List share links', ...READ_ONLY },
    },
    async ({ customer }) =>
      answering('list the share links', async () => {
        const c = await resolveCustomer(client, customer);
        const list = await client.listShareLinks({ customerId: c.id, limit: LIST_MAX });
        const lines = list.items.map(
          (l) =>
            `- ${l.id} (${l.status}${l.label ? `, "${l.label}"` : ''}): created ${l.created_at}, expires ${l.expires_at}${l.revoked_at ? `, revoked ${l.revoked_at}` : ''}`,
        );
        const text =
          lines.length === 0
            ? `${c.name} has no share links.`
            : `${lines.length} share link${lines.length === 1 ? '' : 's'} of ${c.name}, newest first:\n${lines.join('\n')}`;
        return answer(text, {
          customer_id: c.id,
          links: list.items.map(toOutput),
          next_cursor: list.next_cursor,
        });
      }),
  );

  server.registerTool(
    'revoke_share_link',
    {
      title: 'Revoke a share link',
      description: `Revokes a customer's share link (its id from list_share_links): from now on the link's page answers 410 and its token 401. Revoking a link already revoked or expired succeeds again. ${ROLES}`,
      inputSchema: mcpSchema(
        v.object({
          customer: customerRef,
          share_link_id: id(
            'share link id',
            'shl_acme_qbr',
            'The link, by its id from list_share_links (not its url).',
          ),
        }),
      ),
      outputSchema: mcpSchema(v.object({ customer_id: v.string(), share_link_id: v.string() })),
      annotations: {
        title: 'Revoke a share link',
        readOnlyHint: false,
        idempotentHint: true,
        destructiveHint: true,
        openWorldHint: false,
      },
    },
    async ({ customer, share_link_id }) =>
      answering(`revoke share link ${share_link_id}`, async () => {
        const c = await resolveCustomer(client, customer);
        await client.revokeShareLink({ customerId: c.id, shareLinkId: share_link_id });
        return answer(
          `Revoked share link ${share_link_id} of ${c.name}: it no longer opens anything.`,
          { customer_id: c.id, share_link_id },
        );
      }),
  );
}
