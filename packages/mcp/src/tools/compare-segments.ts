// compare_segments: "Compare success rates across enterprise accounts": success rate, ROI and
// score per segment, or per account inside one segment.
import { benchmark } from '@cscx/success-calc';
import type { SuccessClient } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { answering } from '../errors.js';
import { money, multiplier, percent, score } from '../format.js';
import { answer, READ_ONLY } from '../result.js';
import { mcpSchema, nullableNumber, segment } from '../schema.js';

const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;

const row = v.object({
  /** A segment name, or an account's customer id. */
  key: v.string(),
  name: v.string(),
  customers: v.number(),
  goals: v.number(),
  achievement_rate: nullableNumber,
  roi_multiplier: nullableNumber,
  success_score: nullableNumber,
  value_by_currency: v.record(v.string(), v.number()),
  display: v.string(),
});

export const compareSegmentsOutput = v.object({
  by: v.picklist(['segment', 'account']),
  segment: v.nullable(v.string()),
  rows: v.array(row),
});

type Row = v.InferOutput<typeof row>;

const valueText = (values: Readonly<Record<string, number>>): string =>
  Object.entries(values)
    .map(([c, n]) => money(n, c))
    .join(' + ') || money(0, 'USD');

const line = (r: Row): string =>
  `${r.name}: success rate ${percent(r.achievement_rate)}, ROI ${multiplier(r.roi_multiplier)}, score ${score(r.success_score)}, ${valueText(r.value_by_currency)} delivered`;

export function registerCompareSegments(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'compare_segments',
    {
      title: 'Compare segments or accounts',
      description:
        'Success rate (goals achieved), ROI and success score side by side: across the segments (enterprise, mid_market, smb) when `segment` is left out, or across the accounts of one segment. Answers "Compare success rates across enterprise accounts". Only customers this token can see are counted.',
      inputSchema: mcpSchema(v.object({ segment: v.optional(segment) })),
      outputSchema: mcpSchema(compareSegmentsOutput),
      annotations: { title: 'Compare segments or accounts', ...READ_ONLY },
    },
    async ({ segment: seg }) =>
      answering('compare segments', async () => {
        if (seg !== undefined) {
          const rows: Row[] = [];
          for await (const c of client.getPortfolioSuccessMetrics.all({
            segment: seg,
            limit: 200,
          })) {
            rows.push({
              key: c.customer_id,
              name: c.name,
              customers: 1,
              goals: c.goals_total,
              achievement_rate: c.achievement_rate,
              roi_multiplier: c.roi_multiplier,
              success_score: c.success_score,
              value_by_currency: { [c.currency]: c.total_value },
              display: money(c.total_value, c.currency),
            });
          }
          const text =
            rows.length === 0
              ? `No ${seg} account is in this token's scope.`
              : `${rows.length} ${seg} account${rows.length === 1 ? '' : 's'}:\n${rows.map((r) => `- ${line(r)}`).join('\n')}`;
          return answer(text, { by: 'account' as const, segment: seg, rows });
        }
        const rows: Row[] = [];
        for (const s of SEGMENTS) {
          const scores: number[] = [];
          for await (const c of client.getPortfolioSuccessMetrics.all({ segment: s, limit: 200 })) {
            if (c.success_score !== null) scores.push(c.success_score);
          }
          const { summary } = await client.getPortfolioSuccessMetrics({ segment: s, limit: 1 });
          if (summary.customers === 0) continue;
          // calc's peer average is the segment's mean success score.
          const mean = scores.length > 0 ? benchmark(scores[0] ?? 0, scores) : null;
          rows.push({
            key: s,
            name: s,
            customers: summary.customers,
            goals: summary.goals,
            achievement_rate: summary.achievement_rate,
            roi_multiplier: summary.average_roi,
            success_score: mean?.ok ? mean.peerAverage : null,
            value_by_currency: { ...summary.value_by_currency },
            display: valueText(summary.value_by_currency),
          });
        }
        const text =
          rows.length === 0
            ? "No customer is in this token's scope."
            : `By segment (average ROI, mean score):\n${rows.map((r) => `- ${line(r)} (${r.customers} customer${r.customers === 1 ? '' : 's'})`).join('\n')}`;
        return answer(text, { by: 'segment' as const, segment: null, rows });
      }),
  );
}
