import {
  formatBenchmarkValue,
  formatDate,
  formatHours,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
} from '@cscx/success-calc';
import { textDirection } from '@cscx/success-calc/i18n';
import {
  benchmarkLabel,
  derivation,
  executiveSummaryLines,
  fillIn,
  generatedAt,
  HEALTH_BAND_COLOR,
  headlineKpis,
  healthSummary,
  KPI_RATING_COLOR,
  kpiTable,
  periodLabel,
  periodName,
  projectedFact,
  provenance,
  reportText,
  rollupTable,
  segmentLabel,
  statusLabel,
  trendCaption,
  valueTable,
  valueWithUnit,
} from './sections.js';
import type {
  AccountSuccessMetrics,
  CustomerSuccessMetrics,
  ProgressTrend,
  ReportInput,
  SuccessGoal,
} from './types.js';

// The customer-facing success report as one self-contained HTML page (PRD-165 FR-165.16..19,
// TC-165.3): no script, no external request, inline SVG charts, print-friendly. Every text from
// the data is escaped; every number is one calc computed, shown through calc's Intl formatters
// in the requested locale.

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

const e = escapeHtml;

/** A status badge: the wire name picks the colour, `text` (calc's words) is what it says. */
function status(s: string | null, text: string): string {
  if (s === null) return `<span class="status">${e(text)}</span>`;
  return `<span class="status status-${e(s)}">${e(text)}</span>`;
}

/** A horizontal bar for a percent: the width is capped to the bar, the label is not. */
function bar(percent: number | null, locale: string): string {
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return `<span class="bar" role="img" aria-label="${e(formatPercent(percent, { locale }))}"><span style="width:${width.toFixed(1)}%"></span></span> ${e(formatPercent(percent, { locale }))}`;
}

function overview(m: CustomerSuccessMetrics, a: AccountSuccessMetrics, locale: string): string {
  return `<div class="cards">${headlineKpis(m, locale)
    .map(
      (k) =>
        `<div class="card"><div class="label">${e(k.label)}</div><div class="big">${e(k.value)}</div><div class="small">${e(k.detail)}</div></div>`,
    )
    .join('')}</div>
<ul class="summary">
${executiveSummaryLines(a, locale)
  .map((l) => `<li><strong>${e(l.figure)}</strong> ${e(l.words)}</li>`)
  .join('\n')}
</ul>`;
}

function goalsTable(goals: readonly SuccessGoal[], locale: string): string {
  const t = reportText(locale);
  const T = t.text;
  if (goals.length === 0) return `<p class="empty">${e(T.noGoals)}</p>`;
  const rows = goals
    .map((g) => {
      const metrics = g.metrics
        .map(
          (m) =>
            `<tr class="metric"><td>${e(m.name)}</td><td class="num">${e(valueWithUnit(m.baseline_value, m.unit, locale))}</td><td class="num">${e(valueWithUnit(m.target_value, m.unit, locale))}</td><td class="num">${e(valueWithUnit(m.current_value, m.unit, locale))}</td><td>${m.progress_pct === null ? e(m.progress_note ?? '—') : bar(m.progress_pct, locale)}</td><td>${status(m.status, t.vocabulary.metricStatus(m.status, m.progress_pct))}</td></tr>`,
        )
        .join('');
      const owner = g.owner
        ? ` · ${e(t.goalRow.owner)}: ${e(g.owner.name)}${g.owner.title ? ` (${e(g.owner.title)})` : ''}`
        : '';
      return `<tbody class="goal"><tr class="goal-row"><th colspan="4" scope="rowgroup">${e(g.name)}<div class="sub">${e(t.goalRow.target)} ${e(formatDate(g.target_date, { locale }))}${owner}${g.progress_note ? ` · ${e(g.progress_note)}` : ''}</div></th><td>${bar(g.achievement_pct, locale)}</td><td>${status(g.status, t.vocabulary.goalStatus(g.status, g.exceeded))}</td></tr>${metrics}</tbody>`;
    })
    .join('');
  return `<table class="goals"><thead><tr><th scope="col">${e(T.goalMetric)}</th><th scope="col" class="num">${e(T.baseline)}</th><th scope="col" class="num">${e(T.target)}</th><th scope="col" class="num">${e(T.current)}</th><th scope="col">${e(T.progress)}</th><th scope="col">${e(T.status)}</th></tr></thead>${rows}</table>`;
}

function valueSection(a: AccountSuccessMetrics, m: CustomerSuccessMetrics, locale: string): string {
  const v = a.value_summary;
  const cur = v.currency;
  // The rows as every format shows them (sections.ts), so a category of goals not measured yet
  // reads "Not started · … projected at target" here as in the PDF and the deck, never $0.
  const rows = valueTable(a, m, locale)
    .rows.map(
      (r) =>
        `<tr><td>${e(r.label)}</td><td class="num">${e(r.annualValue)}</td><td class="num">${e(r.hours)}</td><td>${e(r.confidence)}</td></tr>`,
    )
    .join('');
  const d = m.metrics.value_delivered;
  const projected = projectedFact(v, cur, locale);
  const t = reportText(locale);
  const T = t.text;
  return `<table class="value"><thead><tr><th scope="col">${e(T.sourceOfValue)}</th><th scope="col" class="num">${e(T.annualValue)}</th><th scope="col" class="num">${e(T.hoursSaved)}</th><th scope="col">${e(T.confidence)}</th></tr></thead><tbody>${rows || `<tr><td colspan="4" class="empty">${e(T.noValueDrivers)}</td></tr>`}</tbody>
<tfoot><tr><th scope="row">${e(T.total)}</th><td class="num">${e(formatMoney(v.total_value, cur, { locale }))}</td><td class="num">${e(formatHours(v.time_saved_hours, { locale }))}</td><td></td></tr></tfoot></table>
<dl class="roi">
<div><dt>${e(T.timeSaved)}</dt><dd>${e(formatHours(d.time_saved_hours, { locale }))}</dd></div>
<div><dt>${e(T.costReduction)}</dt><dd>${e(formatMoney(d.cost_reduction, cur, { locale }))}</dd></div>
<div><dt>${e(T.revenueImpact)}</dt><dd>${e(formatMoney(d.revenue_impact, cur, { locale }))}</dd></div>
<div><dt>${e(T.investment)}</dt><dd>${e(formatMoney(v.investment, cur, { locale }))}</dd></div>
<div><dt>${e(T.roi)}</dt><dd>${e(formatMultiplier(v.roi_multiplier, { locale }))} (${e(formatPercent(v.roi_pct, { locale }))})</dd></div>
<div><dt>${e(T.netReturn)}</dt><dd>${e(formatPercent(v.net_return_pct, { locale }))}</dd></div>
</dl>${v.roi_note ? `<p class="note">${e(v.roi_note)}</p>` : ''}
<p class="note">${e(T.unpricedHours)}</p>${projected ? `\n<dl class="roi projected"><div><dt>${e(projected[0])}</dt><dd>${e(projected[1])}</dd></div></dl>\n<p class="note">${e(t.projected.note)}</p>` : ''}`;
}

function milestonesSection(
  m: CustomerSuccessMetrics,
  a: AccountSuccessMetrics,
  locale: string,
): string {
  const t = reportText(locale);
  const T = t.text;
  const achieved = m.metrics.milestones
    .map(
      (x) =>
        `<li><time datetime="${e(x.achieved_date)}">${e(formatDate(x.achieved_date, { locale, style: 'short' }))}</time> ${e(x.name)}${x.description ? `<div class="sub">${e(x.description)}</div>` : ''}</li>`,
    )
    .join('');
  const upcoming = a.upcoming_milestones
    .map(
      (x) =>
        `<li><time datetime="${e(x.target_date)}">${e(formatDate(x.target_date, { locale, style: 'short' }))}</time> ${e(x.name)} ${status(x.status, t.vocabulary.milestoneStatus(x.status))}</li>`,
    )
    .join('');
  return `<div class="two"><div><h3>${e(T.achieved)}</h3>${achieved ? `<ul class="timeline">${achieved}</ul>` : `<p class="empty">${e(T.noneAchieved)}</p>`}</div><div><h3>${e(T.upcoming)}</h3>${upcoming ? `<ul class="timeline">${upcoming}</ul>` : `<p class="empty">${e(T.noneUpcoming)}</p>`}</div></div>`;
}

function benchmarksSection(a: AccountSuccessMetrics, locale: string): string {
  const b = a.benchmarks;
  const t = reportText(locale);
  const T = t.text;
  if (!b) return `<p class="empty">${e(a.benchmarks_note ?? T.noBenchmarks)}</p>`;
  const fmt = (metric: string, v: number | null) => formatBenchmarkValue(metric, v, { locale });
  const rows = b.rows
    .map(
      (r) =>
        `<tr><td>${e(benchmarkLabel(r, locale))}</td><td class="num">${e(fmt(r.metric, r.value))}</td><td class="num">${e(fmt(r.metric, r.peer_average))}</td><td class="num">${r.percentile === null ? '—' : e(formatNumber(r.percentile, { locale, maximumFractionDigits: 0 }))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">${e(T.metric)}</th><th scope="col" class="num">${e(a.customer.name)}</th><th scope="col" class="num">${e(T.peerAverage)}</th><th scope="col" class="num">${e(T.percentile)}</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">${e(fillIn(t, T.comparedWith, { count: b.peer_count, segment: segmentLabel(b.segment, locale) }))}</p>`;
}

/** Accounts in this group: the parent and its children, then the totals per currency. */
function rollupSection(m: CustomerSuccessMetrics, locale: string): string {
  const r = rollupTable(m, locale);
  if (!r.ok) return `<p class="empty">${e(r.note)}</p>`;
  const [name, ...figures] = r.headers;
  const row = (x: (typeof r.rows)[number]) =>
    `<tr${x.total ? ' class="total"' : ''}><th scope="row">${e(x.name)}</th><td class="num">${e(x.goals)}</td><td class="num">${e(x.atRisk)}</td><td class="num">${e(x.value)}</td><td class="num">${e(x.score)}</td><td class="num">${e(x.roi)}</td></tr>`;
  return `<p>${e(r.summary)}</p><table class="rollup"><thead><tr><th scope="col">${e(name)}</th>${figures.map((h) => `<th scope="col" class="num">${e(h)}</th>`).join('')}</tr></thead><tbody>${r.rows.map(row).join('')}</tbody><tfoot>${r.totals.map(row).join('')}</tfoot></table>
${r.notes.map((n) => `<p class="note">${e(n)}</p>`).join('')}`;
}

/** A small inline SVG line chart of one metric with its target line. */
function sparkline(t: ProgressTrend, locale: string): string {
  const W = 320;
  const H = 90;
  const P = 8;
  const pts = t.points;
  const w = reportText(locale);
  if (pts.length === 0) return `<p class="empty">${e(w.trend.noMeasurements)}</p>`;
  const xs = pts.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const ys = [...pts.map((p) => p.value), t.target, ...(t.baseline === null ? [] : [t.baseline])];
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) =>
    P + (x1 === x0 ? (W - 2 * P) / 2 : ((x - x0) / (x1 - x0)) * (W - 2 * P));
  const sy = (y: number) =>
    H - P - (y1 === y0 ? (H - 2 * P) / 2 : ((y - y0) / (y1 - y0)) * (H - 2 * P));
  const line = pts
    .map((p, i) => `${sx(xs[i] ?? 0).toFixed(1)},${sy(p.value).toFixed(1)}`)
    .join(' ');
  const last = pts.at(-1);
  const label = fillIn(w, w.trend.sparkLabel, {
    name: t.name,
    count: pts.length,
    latest: valueWithUnit(last?.value ?? null, t.unit, locale),
    target: valueWithUnit(t.target, t.unit, locale),
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${e(label)}"><title>${e(label)}</title>
<line x1="${P}" x2="${W - P}" y1="${sy(t.target).toFixed(1)}" y2="${sy(t.target).toFixed(1)}" class="target"/>
${t.baseline === null ? '' : `<line x1="${P}" x2="${W - P}" y1="${sy(t.baseline).toFixed(1)}" y2="${sy(t.baseline).toFixed(1)}" class="baseline"/>`}
<polyline points="${line}" class="series"/>${pts.length === 1 ? `<circle cx="${line.split(',')[0]}" cy="${line.split(',')[1]}" r="3" class="dot"/>` : ''}</svg>`;
}

function trendsSection(m: CustomerSuccessMetrics, locale: string): string {
  if (m.trends.length === 0) return `<p class="empty">${e(reportText(locale).text.noCharts)}</p>`;
  return `<div class="charts">${m.trends
    .map((t) => {
      return `<figure><figcaption>${e(t.name)}<span class="sub">${e(trendCaption(t, locale))}</span></figcaption>${sparkline(t, locale)}</figure>`;
    })
    .join('')}</div>`;
}

/** Health score bars, one per observation, in its band's colour under a line at each band's floor. */
function healthBars(h: NonNullable<ReturnType<typeof healthSummary>>): string {
  const W = 320;
  const H = 70;
  const n = h.history.length;
  if (n === 0) return '';
  const slot = W / n;
  const bw = Math.max(2, Math.min(18, slot - 4));
  const bars = h.history
    .map((p, i) => {
      const bh = (p.value / 100) * (H - 4);
      const x = i * slot + (slot - bw) / 2;
      return `<rect x="${x.toFixed(1)}" y="${(H - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="#${HEALTH_BAND_COLOR[p.bandKey]}"><title>${e(`${p.date}: ${p.score}, ${p.band}`)}</title></rect>`;
    })
    .join('');
  return `<svg class="health-bars" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${e(h.historyAlt)}"><title>${e(h.historyAlt)}</title>${bars}</svg>`;
}

/** Health (score, band, components, history, active triggers) and the KPI table. */
function healthSection(input: ReportInput): string {
  const { locale } = input;
  const h = healthSummary(input.health, locale);
  const k = kpiTable(input.kpis, locale);
  const T = reportText(locale).health;
  if (!h && !k) return `<p class="empty">${e(T.none)}</p>`;
  const band = (key: keyof typeof HEALTH_BAND_COLOR, text: string) =>
    `<span class="band band-${e(key)}"><span class="swatch" style="background:#${HEALTH_BAND_COLOR[key]}" aria-hidden="true"></span>${e(text)}</span>`;
  const health = h
    ? `<div class="health-head"><div class="card"><div class="label">${e(T.score)}</div><div class="big">${e(h.score)}</div><div class="small">${band(h.bandKey, h.band)}${h.asOf ? ` · ${e(h.asOf)}` : ''}</div></div>
<table class="health-components"><thead><tr><th scope="col">${e(T.component)}</th><th scope="col" class="num">${e(T.componentScore)}</th><th scope="col" class="num">${e(T.weight)}</th><th scope="col">${e(T.source)}</th></tr></thead><tbody>${h.components
        .map(
          (c) =>
            `<tr><th scope="row">${e(c.name)}</th><td class="num">${e(c.score)}</td><td class="num">${e(c.weight)}</td><td>${e(c.source)}</td></tr>`,
        )
        .join('')}</tbody></table></div>
<div class="two"><div><h3>${e(T.history)}</h3><figure>${healthBars(h)}<figcaption class="sub">${e(h.historyCaption)}</figcaption></figure>
<table class="health-history"><thead><tr><th scope="col">${e(T.date)}</th><th scope="col" class="num">${e(T.componentScore)}</th><th scope="col">${e(T.band)}</th></tr></thead><tbody>${h.history
        .slice(-6)
        .map(
          (p) =>
            `<tr><td>${e(p.date)}</td><td class="num">${e(p.score)}</td><td>${band(p.bandKey, p.band)}</td></tr>`,
        )
        .join('')}</tbody></table></div>
<div><h3>${e(T.activeTriggers)}</h3>${
        h.triggers.length === 0
          ? `<p class="empty">${e(T.noTriggers)}</p>`
          : `<ul class="triggers">${h.triggers
              .map(
                (t) =>
                  `<li><strong>${e(t.name)}</strong> <time>${e(t.date)}</time><div class="sub">${e(t.change)}</div><div class="sub">${e(t.cause)}</div></li>`,
              )
              .join('')}</ul>`
      }</div></div>`
    : `<p class="empty">${e(T.noHealth)}</p>`;
  const kpis = k
    ? `<h3>${e(k.title)}</h3><table class="kpis"><thead><tr><th scope="col">${e(T.kpi)}</th><th scope="col" class="num">${e(T.value)}</th><th scope="col">${e(T.rating)}</th><th scope="col" class="num">${e(T.target)}</th><th scope="col" class="num">${e(T.minimum)}</th><th scope="col" class="num">${e(T.benchmark)}</th><th scope="col" class="num">${e(T.bestInClass)}</th><th scope="col">${e(T.trend)}</th></tr></thead><tbody>${k.rows
        .map(
          (r) =>
            `<tr data-kpi="${e(r.key)}"><th scope="row">${e(r.name)}</th><td class="num">${e(r.value)}</td><td><span class="status"${r.ratingKey ? ` style="color:#${KPI_RATING_COLOR[r.ratingKey] ?? '5B6675'}"` : ''}>${e(r.rating)}</span></td><td class="num">${e(r.target)}</td><td class="num">${e(r.minimum)}</td><td class="num">${e(r.benchmark)}</td><td class="num">${e(r.bestInClass)}</td><td>${e(r.trend)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="empty">${e(T.noKpis)}</p>`;
  return `${health}
${kpis}`;
}

/** The section's derivations, the same lines as the PDF appendix and the PPTX speaker notes. */
function howComputed(lines: readonly string[], locale: string): string {
  if (lines.length === 0) return '';
  return `<details class="how"><summary>${e(reportText(locale).text.derivationTitle)}</summary><ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul></details>`;
}

function recommendationsSection(a: AccountSuccessMetrics, locale: string): string {
  const t = reportText(locale);
  const recs = a.recommendations ?? [];
  if (recs.length === 0) return `<p class="empty">${e(t.text.noActions)}</p>`;
  return recs
    .map(
      (r) =>
        `<div class="reco"><h3>${e(r.goal_name)} ${status(r.status, statusLabel(r.status, locale))}</h3><ol>${r.items
          .map((i) => {
            const { action, reason } = t.vocabulary.recommendation(i);
            return `<li><strong>${e(t.priority[i.priority] ?? i.priority)}:</strong> ${e(action)}<div class="sub">${e(reason)}</div></li>`;
          })
          .join('')}</ol></div>`,
    )
    .join('');
}

const STYLE = `
:root{--ink:#1c2430;--muted:#5b6675;--line:#d9dee5;--accent:#2155c4;--good:#1a7f43;--warn:#b25e00;--bad:#b3261e}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:960px;margin:0 auto;padding:32px 40px}header{border-bottom:3px solid var(--accent);padding-bottom:12px;margin-bottom:8px}
h1{font-size:26px;margin:0}h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:15px;margin:12px 0 6px}
.meta{color:var(--muted)}.sub{color:var(--muted);font-size:12px;font-weight:normal}.note,.empty{color:var(--muted);font-size:12px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}.card{border:1px solid var(--line);border-radius:8px;padding:12px}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}.card .big{font-size:26px;font-weight:700}.card .small{font-size:12px;color:var(--muted)}
.summary{padding-left:18px}details.how{margin:10px 0;font-size:12px;color:var(--muted)}details.how summary{cursor:pointer;font-weight:600}details.how ul{padding-left:18px;margin:4px 0}table{width:100%;border-collapse:collapse;margin:6px 0}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}.num{text-align:right;font-variant-numeric:tabular-nums}
.goal-row th{font-size:14px}.metric td:first-child{padding-left:22px}tbody.goal{break-inside:avoid}
.bar{display:inline-block;width:80px;height:8px;background:#edf0f4;border-radius:4px;vertical-align:middle;overflow:hidden}.bar span{display:block;height:100%;background:var(--accent)}
.status{font-size:12px;font-weight:600;white-space:nowrap}.status-achieved,.status-exceeding{color:var(--good)}.status-on_track{color:var(--accent)}
.status-at_risk{color:var(--warn)}.status-missed,.status-not_met{color:var(--bad)}.status-not_started,.status-planned{color:var(--muted)}
dl.roi{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin:12px 0}dl.roi div{border:1px solid var(--line);border-radius:6px;padding:8px}dt{font-size:12px;color:var(--muted)}dd{margin:0;font-weight:600}
.two{display:grid;grid-template-columns:1fr 1fr;gap:24px}.timeline{list-style:none;padding:0;margin:0}.timeline li{padding:4px 0;border-bottom:1px dashed var(--line)}
time{display:inline-block;min-width:64px;color:var(--muted);font-variant-numeric:tabular-nums}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:16px}figure{margin:0;break-inside:avoid}figcaption{font-weight:600;font-size:13px}figcaption .sub{display:block}
svg .series{fill:none;stroke:var(--accent);stroke-width:2}svg .target{stroke:var(--good);stroke-dasharray:4 3}svg .baseline{stroke:var(--muted);stroke-dasharray:2 3}svg .dot{fill:var(--accent)}
.health-head{display:grid;grid-template-columns:200px 1fr;gap:16px;align-items:start}.band{white-space:nowrap;font-weight:600}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:baseline}
.triggers{list-style:none;padding:0;margin:0}.triggers li{padding:4px 0;border-bottom:1px dashed var(--line)}table.kpis{font-size:12px}table.kpis th,table.kpis td{padding:4px 6px}table.kpis tr{break-inside:avoid}
.rollup tbody th{font-weight:normal}.rollup tfoot th,.rollup tfoot td{font-weight:700;border-top:2px solid var(--line)}.rollup tr{break-inside:avoid}.reco{break-inside:avoid}footer{margin-top:32px;color:var(--muted);font-size:11px;border-top:1px solid var(--line);padding-top:8px}
@media print{main{padding:0;max-width:none}h2{break-after:avoid}section{break-inside:auto}.cards{grid-template-columns:repeat(4,1fr)}a{color:inherit}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{size:A4;margin:16mm}
`;

/**
 * East Asian fonts before the generic family: Latin-first system stacks would otherwise render
 * Japanese with whatever fallback the browser picks (Chinese glyph forms on many systems).
 */
const CJK_FONTS: Readonly<Record<string, string>> = {
  ja: 'body{font-family:system-ui,-apple-system,"Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI",Meiryo,"Noto Sans CJK JP","Noto Sans JP",sans-serif}',
};

/**
 * Renders the report as one self-contained HTML page: no script, nothing fetched, inline SVG
 * charts, print-friendly (A4). Only the requested sections, in the requested order; every text
 * from the data is escaped.
 *
 * @example
 * const html = renderReportHtml({ metrics, account, sections: ['overview', 'value'], locale: 'en-US' });
 * await writeFile('acme-success-report.html', html);
 */
export function renderReportHtml(input: ReportInput): string {
  const { metrics: m, account: a, locale } = input;
  const c = m.customer;
  const period = periodLabel(m, locale);
  const t = reportText(locale);
  const T = t.text;
  const body = input.sections
    .map((s) => {
      const content =
        s === 'overview'
          ? overview(m, a, locale)
          : s === 'rollup'
            ? rollupSection(m, locale)
            : s === 'goals'
              ? goalsTable(m.goals, locale)
              : s === 'value'
                ? valueSection(a, m, locale)
                : s === 'milestones'
                  ? milestonesSection(m, a, locale)
                  : s === 'benchmarks'
                    ? benchmarksSection(a, locale)
                    : s === 'trends'
                      ? trendsSection(m, locale)
                      : s === 'health'
                        ? healthSection(input)
                        : recommendationsSection(a, locale);
      return `<section id="${s}"><h2>${e(t.section[s])}</h2>${content}${howComputed(derivation(s, m, a, locale, input), locale)}</section>`;
    })
    .join('\n');
  const lang = locale.split('-')[0] ?? 'en';
  // The language of the words, not only of the numbers: the catalogue's direction for RTL ones.
  const dir = textDirection(locale) === 'rtl' ? ' dir="rtl"' : '';
  return `<!doctype html>
<html lang="${e(lang)}"${dir}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(fillIn(t, T.pageTitle, { name: c.name }))}</title><style>${STYLE}${CJK_FONTS[lang] ?? ''}</style></head>
<body><main>
<header><h1>${e(fillIn(t, T.documentTitle, { name: c.name }))}</h1><div class="meta">${e(period)} (${e(periodName(m.metrics.period, locale))}) · ${e(segmentLabel(c.segment, locale))}${c.industry ? ` · ${e(c.industry)}` : ''} · ${e(fillIn(t, T.generatedLower, { date: formatDate(generatedAt(input), { locale, style: 'long' }) }))}</div></header>
${body}
<footer>${e(provenance(m, locale))}</footer>
</main></body></html>
`;
}
