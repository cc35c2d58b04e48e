import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/success-provider.js';
import '../define/success-trend-chart.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { acmeMetrics, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, nextEvent, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { Explanations, ProgressTrend } from '../types.js';
import type { SuccessTrendChart } from './success-trend-chart.js';

const DAY = 86_400_000;

/** The PRD-165 7.2 trend: resolution time 24 h -> 12 h, monthly, now 11.5 h. */
const acmeTrend = (): ProgressTrend => structuredClone(acmeMetrics().trends[0]!);

/** `n` daily points from 2025-01-01, a gentle fall with a wobble, for one of `count` series. */
function dailyTrend(i: number, n: number, extra: Partial<ProgressTrend> = {}): ProgressTrend {
  const start = Date.UTC(2025, 0, 1);
  return {
    goal_id: `goal_${i}`,
    metric_id: `met_${i}`,
    name: `Metric ${i + 1}`,
    unit: 'hours',
    direction: 'lower_is_better',
    target: 12,
    baseline: 24,
    forecast_date: null,
    points: Array.from({ length: n }, (_, d) => ({
      date: new Date(start + d * DAY).toISOString().slice(0, 10),
      value: Math.round((24 - i - d * 0.02 + Math.sin(d / 7 + i)) * 100) / 100,
    })),
    ...extra,
  };
}

const root = (el: SuccessTrendChart) => el.shadowRoot!;
const svgOf = (el: SuccessTrendChart) => root(el).querySelector('.canvas svg');
/** The drawn series lines: vega draws each line mark as one path with the mark's stroke. */
const linePaths = (el: SuccessTrendChart) =>
  Array.from(root(el).querySelectorAll<SVGPathElement>('.canvas .mark-line path'));
const drawn = (el: SuccessTrendChart) => until(() => el.chartRendered, 'chart drawn', 8000);

async function chart(
  trends: readonly ProgressTrend[],
  width = 640,
  height = 240,
): Promise<SuccessTrendChart> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div style=${`width: ${width}px; --success-chart-height: ${height}px`}>
      <success-trend-chart .trends=${trends}></success-trend-chart>
    </div>`,
  );
  const el = wrap.querySelector('success-trend-chart')!;
  // Several fixtures in one test stack up the page; a chart below the fold is (rightly) not drawn.
  el.scrollIntoView();
  await drawn(el);
  return el;
}

/** The y axis' tick values, read from its drawn labels (plain numbers in en-US). */
const yTickValues = (el: SuccessTrendChart) =>
  Array.from(root(el).querySelectorAll('.canvas .y-labels text')).map((t) =>
    Number(t.textContent!.replace(/[^\d.-]/g, '')),
  );
/** The forecast markers: one vega symbol each. */
const markers = (el: SuccessTrendChart) =>
  Array.from(root(el).querySelectorAll<SVGPathElement>('.canvas .forecast-markers path'));
/** The labels drawn in the plot (target, latest value, forecasts). */
const plotLabels = (el: SuccessTrendChart) =>
  Array.from(root(el).querySelectorAll<SVGTextElement>('.canvas .plot-labels text'));
const translateOf = (node: Element) => {
  const m = /translate\(([\d.-]+),\s*([\d.-]+)\)/.exec(node.getAttribute('transform') ?? '');
  return m ? { x: Number(m[1]), y: Number(m[2]) } : { x: Number.NaN, y: Number.NaN };
};
const intersects = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Five series in hours (24 h -> 12 h), each with its own forecast date `days` apart. */
const fiveForecasts = (days: number, name?: string) =>
  [0, 1, 2, 3, 4].map((i) =>
    dailyTrend(i, 120, {
      forecast_date: new Date(Date.UTC(2025, 5, 1) + i * days * DAY).toISOString().slice(0, 10),
      ...(name ? { name: `${name} ${i + 1}` } : {}),
    }),
  );

/** Records the blobs behind object URLs and the anchors clicked to download them. */
function interceptDownloads() {
  const blobs = new Map<string, Blob>();
  const saved: { name: string; blob: Blob | undefined }[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = create.call(URL, obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) saved.push({ name: this.download, blob: blobs.get(this.href) });
    else click.call(this);
  };
  return {
    saved,
    restore() {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

describe('<success-trend-chart>', () => {
  // First in the file: the module-level loader must not have run yet on this page.
  it('loads vega only when it scrolls into view, then draws one line per series', async () => {
    const vegaLoaded = () =>
      performance.getEntriesByName('success-vega-loaded').length > 0 ||
      performance.getEntriesByType('resource').some((e) => e.name.includes('vega-runtime'));
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <div style="height: 4000px"></div>
        <success-trend-chart .trends=${[acmeTrend(), dailyTrend(1, 120, { unit: 'hours' })]}>
        </success-trend-chart>
      </div>`,
    );
    const el = wrap.querySelector('success-trend-chart')!;
    await el.updateComplete;
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    expect(vegaLoaded(), 'vega loaded before the chart was visible').to.equal(false);
    expect(svgOf(el)).to.equal(null);
    expect(el.chartRendered).to.equal(false);

    el.scrollIntoView();
    await drawn(el);
    expect(vegaLoaded()).to.equal(true);
    expect(linePaths(el)).to.have.length(2);
    for (const path of linePaths(el)) expect(path.getAttribute('d')).to.match(/^M[\d.-]+,[\d.-]+L/);
  });

  it('summarises the data in text and shows it as a table on request', async () => {
    const el = await chart([acmeTrend()]);
    const summary = root(el).querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain(
      'Average resolution time: 20 hrs on Jan 31, 2026, now 11.5 hrs on Apr 28, 2026.',
    );
    expect(summary).to.contain('Target 12 hrs.');
    expect(summary).to.contain('Forecast to reach target: Apr 17, 2026.');
    const plot = root(el).querySelector('[part="plot"]')!;
    expect(plot.getAttribute('aria-describedby')).to.equal('summary');

    const toggle = root(el).querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('table')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const rows = Array.from(root(el).querySelectorAll('tbody tr')).map((r) =>
      Array.from(r.children).map((c) => c.textContent!.trim()),
    );
    expect(rows).to.deep.equal([
      ['Jan 31, 2026', '20 hrs'],
      ['Feb 28, 2026', '16.5 hrs'],
      ['Mar 31, 2026', '13 hrs'],
      ['Apr 28, 2026', '11.5 hrs'],
    ]);
    expect(root(el).querySelector('thead')!.textContent).to.contain(
      'Average resolution time (hours)',
    );
    await expect(el).to.be.accessible();
  });

  it('marks one labelled forecast per series on its target line, not a rule per series', async () => {
    const el = await chart(fiveForecasts(20), 720);
    const dots = markers(el);
    expect(dots).to.have.length(5);
    // No vertical forecast rules: every rule left is horizontal (grid, axis, target, baseline).
    for (const line of root(el).querySelectorAll('.canvas .mark-rule line')) {
      expect(Number(line.getAttribute('x2') ?? 0), 'a horizontal rule').to.be.above(0);
    }
    const target = root(el).querySelector('.canvas .mark-rule line[stroke-dasharray="6,4"]')!;
    const targetY = translateOf(target).y;
    const colours = linePaths(el).map((p) => p.getAttribute('stroke'));
    dots.forEach((dot, i) => {
      expect(translateOf(dot).y, 'on the target line').to.be.closeTo(targetY, 0.5);
      expect(dot.getAttribute('fill'), "in its series' colour").to.equal(colours[i]);
      // The spec takes each marker's shape from its datum: a diamond is straight edges, a
      // circle (a symbol mark's default) is arcs.
      expect(dot.getAttribute('d'), 'a diamond, not a dot').to.match(/^M[^Aa]+Z$/);
    });
    const xs = dots.map((d) => translateOf(d).x);
    expect([...xs].sort((a, b) => a - b)).to.deep.equal(xs);
    const texts = plotLabels(el).map((t) => t.textContent);
    for (let i = 0; i < 5; i++) {
      const date = new Date(Date.UTC(2025, 5, 1) + i * 20 * DAY);
      const short = new Intl.DateTimeFormat('en-US', {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date);
      expect(texts, `Metric ${i + 1}'s forecast label`).to.include(`Metric ${i + 1}: ${short}`);
    }
    const legend = root(el).querySelector('[part="legend"]')!.textContent!;
    expect(legend).to.contain('Forecast: date the trend reaches its target');
    expect(legend).to.contain('Target (dashed line)');
    await expect(el).to.be.accessible();
  });

  it('fits the y axis to non-negative data and its target: no range below 0', async () => {
    const adoption: ProgressTrend = {
      ...acmeTrend(),
      metric_id: 'adoption',
      name: 'User adoption',
      unit: '%',
      direction: 'higher_is_better',
      baseline: 40,
      target: 80,
      points: [
        { date: '2026-01-31', value: 40 },
        { date: '2026-04-28', value: 60 },
      ],
      forecast_date: '2026-08-01',
    };
    // On the progress axis (baseline 0 %, target 100 %) in a short chart, where padding used to
    // round the axis down to -50.
    for (const height of [160, 240]) {
      const el = await chart([acmeTrend(), adoption], 640, height);
      const ticks = yTickValues(el);
      expect(ticks.length, `ticks at ${height}px`).to.be.at.least(3);
      expect(Math.min(...ticks), `lowest tick at ${height}px`).to.be.at.least(0);
      expect(Math.max(...ticks), `highest tick at ${height}px`).to.be.at.least(100);
    }
    // In the metric's own unit: a target above every value is still on the axis.
    const el = await chart([adoption]);
    const ticks = yTickValues(el);
    expect(Math.min(...ticks)).to.be.at.least(0);
    expect(Math.max(...ticks)).to.be.at.least(80);
    // Fitted, not from zero: 40..80 does not start at 0.
    expect(Math.min(...ticks)).to.be.at.least(30);
  });

  it('places its labels so that none overlaps another', async () => {
    for (const [days, width, name] of [
      [0, 720, undefined],
      [3, 720, undefined],
      [3, 420, undefined],
      [0, 360, undefined],
      [30, 360, undefined],
      // Labels wider than the room beside their markers.
      [20, 360, 'Average ticket resolution'],
    ] as const) {
      const el = await chart(fiveForecasts(days, name), width);
      const boxes = plotLabels(el).map((t) => ({
        text: t.textContent,
        box: t.getBoundingClientRect(),
      }));
      const forecasts = boxes.filter((b) => /: (→ )?\w{3} \d{1,2}, \d{4}$/.test(b.text ?? ''));
      expect(forecasts.length, `forecast labels at ${width}px, ${days} days apart`).to.equal(5);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(
            intersects(boxes[i]!.box, boxes[j]!.box),
            `"${boxes[i]!.text}" and "${boxes[j]!.text}" at ${width}px, ${days} days apart`,
          ).to.equal(false);
        }
      }
    }
    // One series: the target label, the latest value and the forecast all fit.
    const one = await chart([acmeTrend()], 360);
    expect(plotLabels(one).map((t) => t.textContent)).to.have.members([
      'Target 12 hrs',
      '11.5 hrs',
      'Apr 17, 2026',
    ]);
  });

  it('keeps the text description out of sight but linked to the chart', async () => {
    const el = await chart([acmeTrend(), dailyTrend(1, 120)]);
    const plot = root(el).querySelector('[part="plot"]')!;
    const id = plot.getAttribute('aria-describedby')!;
    const description = root(el).getElementById(id)!;
    expect(description.textContent).to.contain('Average resolution time: 20 hrs on Jan 31, 2026');
    const box = description.getBoundingClientRect();
    expect(box.width * box.height, 'no visible paragraph').to.be.at.most(1);
    expect(
      getComputedStyle(description).clipPath !== 'none' ||
        getComputedStyle(description).clip !== 'auto',
    ).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('downloads the chart as an SVG and as a PNG named after the metric', async () => {
    const el = await chart([acmeTrend()]);
    const spy = interceptDownloads();
    try {
      root(el).querySelector<HTMLButtonElement>('[part="download-svg"]')!.click();
      await until(() => spy.saved.length === 1, 'SVG saved');
      const svg = spy.saved[0]!;
      expect(svg.name).to.equal('average-resolution-time.svg');
      expect(svg.blob?.type).to.equal('image/svg+xml');
      const text = await svg.blob!.text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.documentElement.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(doc.querySelectorAll('.mark-line path')).to.have.length(1);
      expect(text).to.contain('Target 12 hrs');

      root(el).querySelector<HTMLButtonElement>('[part="download-png"]')!.click();
      await until(() => spy.saved.length === 2, 'PNG saved', 5000);
      const png = spy.saved[1]!;
      expect(png.name).to.equal('average-resolution-time.png');
      expect(png.blob?.type).to.equal('image/png');
      const head = new Uint8Array(await png.blob!.slice(0, 8).arrayBuffer());
      expect([...head]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
      const bitmap = await createImageBitmap(png.blob!);
      expect(bitmap.width).to.equal(Math.round(svgOf(el)!.getBoundingClientRect().width) * 2);
    } finally {
      spy.restore();
    }
    // Several series: the chart's label names the file.
    const two = await chart([acmeTrend(), dailyTrend(1, 30)]);
    const again = interceptDownloads();
    try {
      root(two).querySelector<HTMLButtonElement>('[part="download-svg"]')!.click();
      await until(() => again.saved.length === 1, 'SVG saved');
      expect(again.saved[0]!.name).to.equal('progress-over-time.svg');
    } finally {
      again.restore();
    }
  });

  it('reaches the table and download buttons from the chart with Tab and saves with Enter', async () => {
    const el = await chart([acmeTrend()]);
    const plot = root(el).querySelector<HTMLElement>('[part="plot"]')!;
    plot.focus();
    const spy = interceptDownloads();
    try {
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Show data table');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.getAttribute('part')).to.equal('download-svg');
      await sendKeys({ press: 'Enter' });
      await until(() => spy.saved.length === 1, 'saved by keyboard');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.getAttribute('part')).to.equal('download-png');
    } finally {
      spy.restore();
    }
    await expect(el).to.be.accessible();
  });

  it('redraws to the new width when its container is resized', async () => {
    const el = await chart([acmeTrend()], 640);
    expect(Number(svgOf(el)!.getAttribute('width'))).to.be.closeTo(640, 2);
    const first = svgOf(el);
    el.parentElement!.style.width = '360px';
    await until(() => Math.abs(Number(svgOf(el)?.getAttribute('width')) - 360) <= 2, 'resized');
    expect(svgOf(el)).not.to.equal(first);
    expect(root(el).querySelectorAll('.canvas svg')).to.have.length(1);
  });

  it('keeps its chart when moved in the page and still follows resizes', async () => {
    const el = await chart([acmeTrend()], 640);
    const other = document.createElement('div');
    other.style.width = '500px';
    el.parentElement!.after(other);
    other.append(el);
    await until(() => Math.abs(Number(svgOf(el)?.getAttribute('width')) - 500) <= 2, 'redrawn');
    expect(linePaths(el)).to.have.length(1);
    other.style.width = '420px';
    await until(() => Math.abs(Number(svgOf(el)?.getAttribute('width')) - 420) <= 2, 'resized');
    other.remove();
  });

  it('shows the values under the pointer in a tooltip inside its shadow root', async () => {
    const el = await chart([acmeTrend(), { ...acmeTrend(), metric_id: 'm2', name: 'Backlog' }]);
    const plot = root(el).querySelector<HTMLElement>('[part="plot"]')!;
    const box = plot.getBoundingClientRect();
    // The right edge of the plot is the latest date, Apr 28.
    plot.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: box.right - 20,
        clientY: box.top + 40,
        bubbles: true,
      }),
    );
    await el.updateComplete;
    const tip = root(el).querySelector('[part="tooltip"]')!;
    expect(tip.textContent!.replace(/\s+/g, ' ')).to.contain('Apr 28, 2026');
    expect(tip.textContent).to.contain('Average resolution time');
    expect(tip.textContent).to.contain('Backlog');
    expect(tip.textContent).to.contain('11.5 hrs');
    expect(root(el).querySelectorAll('.dot')).to.have.length(2);
    // Nothing is appended to the page's own DOM (vega-tooltip's default would be).
    expect(document.querySelector('#vg-tooltip-element, .vg-tooltip')).to.equal(null);
    await expect(el).to.be.accessible();

    plot.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(root(el).querySelector('[part="tooltip"]')).to.equal(null);
  });

  it('reads the values date by date with the arrow keys', async () => {
    const el = await chart([acmeTrend()]);
    const plot = root(el).querySelector<HTMLElement>('[part="plot"]')!;
    expect(plot.tabIndex).to.equal(0);
    plot.focus();
    const key = async (k: string) => {
      plot.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      await el.updateComplete;
    };
    const live = () => root(el).querySelector('[aria-live="polite"]')!.textContent!.trim();
    await key('ArrowRight');
    expect(live()).to.equal('Jan 31, 2026. Average resolution time: 20 hrs');
    await key('ArrowRight');
    expect(live()).to.equal('Feb 28, 2026. Average resolution time: 16.5 hrs');
    await key('End');
    expect(live()).to.equal('Apr 28, 2026. Average resolution time: 11.5 hrs');
    await key('ArrowRight');
    expect(live()).to.contain('Apr 28, 2026');
    expect(root(el).querySelector('[part="tooltip"]')!.textContent).to.contain('11.5 hrs');
    await key('Escape');
    expect(root(el).querySelector('[part="tooltip"]')).to.equal(null);
  });

  it('draws in the theme colours and follows a theme switch', async () => {
    const el = await chart([acmeTrend()]);
    const stroke = () => linePaths(el)[0]!.getAttribute('stroke');
    expect(stroke()).to.equal('#0a58b8');
    const target = root(el).querySelector('.canvas .mark-rule line[stroke-dasharray="6,4"]');
    expect(target?.getAttribute('stroke')).to.equal('#1a7f37');

    el.setAttribute('theme', 'dark');
    await until(() => stroke() === '#4c9bf8', 'dark palette');
    const labels = Array.from(root(el).querySelectorAll('.canvas .mark-text text'));
    expect(labels.some((t) => t.getAttribute('fill') === '#9198a1')).to.equal(true);

    el.style.setProperty('--success-chart-1', 'rgb(200, 0, 100)');
    el.style.setProperty('--success-color-success', 'rgb(0, 120, 60)');
    // A host's token change alone does not notify the element; any update (here the theme) does.
    el.setAttribute('theme', 'light');
    await until(() => stroke() === 'rgb(200, 0, 100)', 'host colour');
    expect(
      root(el)
        .querySelector('.canvas .mark-rule line[stroke-dasharray="6,4"]')
        ?.getAttribute('stroke'),
    ).to.equal('rgb(0, 120, 60)');
  });

  it('keeps every series colour at 3:1 or more against the surface in both themes', async () => {
    const el = await chart([acmeTrend()]);
    const luminance = (color: string) => {
      const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // Resolve a token through the browser, which turns any colour syntax into rgb().
    const probe = document.createElement('span');
    root(el).append(probe);
    const resolve = (token: string) => {
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color;
    };
    for (const theme of ['light', 'dark']) {
      el.setAttribute('theme', theme);
      await el.updateComplete;
      const surface = luminance(resolve('--s-surface'));
      for (let i = 1; i <= 6; i++) {
        const c = luminance(resolve(`--s-chart-${i}`));
        const ratio = (Math.max(c, surface) + 0.05) / (Math.min(c, surface) + 0.05);
        expect(ratio, `${theme} --s-chart-${i}`).to.be.at.least(3);
      }
    }
    probe.remove();
    await expect(el).to.be.accessible();
  });

  it('puts metrics in different units on one progress axis', async () => {
    const adoption: ProgressTrend = {
      ...acmeTrend(),
      metric_id: 'adoption',
      name: 'User adoption',
      unit: '%',
      direction: 'higher_is_better',
      baseline: 40,
      target: 80,
      points: [
        { date: '2026-01-31', value: 50 },
        { date: '2026-04-28', value: 78 },
      ],
      forecast_date: null,
    };
    const el = await chart([acmeTrend(), adoption]);
    expect(root(el).querySelector('.caption')!.textContent).to.contain('(% of target)');
    expect(linePaths(el)).to.have.length(2);
    const texts = Array.from(root(el).querySelectorAll('.canvas text')).map((t) => t.textContent);
    expect(texts).to.include('Target 100%');
    const summary = root(el).querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('0% is the baseline, 100% the target');
    expect(summary).to.contain('User adoption: 50% on Jan 31, 2026, now 78% on Apr 28, 2026.');
  });

  it('thins a long series to the plot width', async () => {
    const el = await chart([dailyTrend(0, 3000)], 400);
    const d = linePaths(el)[0]!.getAttribute('d')!;
    const vertices = d.split(/[ML]/).filter(Boolean).length;
    expect(vertices).to.be.at.most(200);
    expect(vertices).to.be.at.least(100);
    // The table still lists every day.
    root(el).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('tbody tr')).to.have.length(3000);
  });

  it('formats axes, summary and table in the locale', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 640px">
        <success-trend-chart locale="de-DE" .trends=${[acmeTrend()]}></success-trend-chart>
      </div>`,
    );
    const el = wrap.querySelector('success-trend-chart')!;
    await drawn(el);
    const summary = root(el).querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('11,5 Std.');
    expect(summary).to.contain('28.04.2026');
    const texts = Array.from(root(el).querySelectorAll('.canvas text')).map((t) => t.textContent);
    expect(texts.some((t) => t?.startsWith('Feb'))).to.equal(true);
    expect(texts).to.include('11,5 Std.');
  });

  it('renders names with markup as text only', async () => {
    const safe = await chart([{ ...acmeTrend(), name: 'Plain name', unit: 'plain' }]);
    const expectedShape = domShape(safe);
    for (const payload of XSS_PAYLOADS) {
      const el = await chart([{ ...acmeTrend(), name: payload, unit: 'plain' }]);
      root(el).querySelector<HTMLButtonElement>('button.toggle')!.click();
      safe.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
      await Promise.all([el.updateComplete, safe.updateComplete]);
      expect(deepText(el)).to.contain(payload);
      expect(domShape(el)).to.deep.equal(domShape(safe));
      safe.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
      await safe.updateComplete;
      expect(domShape(safe)).to.deep.equal(expectedShape);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    }
  });

  it('draws under a Content-Security-Policy without unsafe-eval', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'Strict CSP page';
    frame.style.width = '700px';
    frame.style.height = '500px';
    frame.src = new URL('./csp-fixture.html', import.meta.url).pathname;
    document.body.append(frame);
    try {
      await until(() => frame.contentWindow?.cspResult !== undefined, 'chart under CSP', 8000);
      const result = frame.contentWindow!.cspResult!;
      expect(result.evalBlocked, 'the policy is in force').to.equal(true);
      expect(result.violations).to.deep.equal([]);
      expect(result.paths).to.equal(2); // the metric's line and the expected pace
    } finally {
      frame.remove();
    }
  });

  describe('states', () => {
    it('is empty with a Define goals action when there are no trends', async () => {
      const el = await fixture<SuccessTrendChart>(
        html`<success-trend-chart .trends=${[]}></success-trend-chart>`,
      );
      expect(deepText(el)).to.contain('No success goals defined.');
      const event = nextEvent(el, 'success-define-goals');
      root(el).querySelector<HTMLButtonElement>('.empty button')!.click();
      const e = await event;
      expect(e.bubbles && e.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading through the provider', async () => {
      const provider = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}>
          <success-trend-chart customer-id="cus_acme"></success-trend-chart>
        </success-provider>`,
      );
      const el = provider.querySelector('success-trend-chart')!;
      await el.updateComplete;
      const status = root(el).querySelector('[role="status"]')!;
      expect(status.textContent).to.contain('Loading chart');
      await expect(el).to.be.accessible();
    });

    it('fetches the customer trends through the provider and draws them', async () => {
      const provider = await fixture<SuccessProvider>(
        html`<success-provider base-url=${location.origin} token="t">
          <div style="width: 600px">
            <success-trend-chart customer-id="cus_acme"></success-trend-chart>
          </div>
        </success-provider>`,
      );
      const el = provider.querySelector('success-trend-chart')!;
      await drawn(el);
      expect(linePaths(el)).to.have.length(1);
      expect(deepText(el)).to.contain('Average resolution time');
      await expect(el).to.be.accessible();
    });

    it('shows the problem title with a Retry that loads again', async () => {
      const provider = await fixture<SuccessProvider>(
        html`<success-provider base-url=${location.origin} token="t">
          <div style="width: 600px">
            <success-trend-chart customer-id="cus_missing"></success-trend-chart>
          </div>
        </success-provider>`,
      );
      const el = provider.querySelector('success-trend-chart')!;
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'error state');
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('not found');
      await expect(el).to.be.accessible();
      el.customerId = 'cus_acme';
      await drawn(el);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('notes partial data and still draws what it has', async () => {
      const el = await chart([acmeTrend(), { ...acmeTrend(), name: 'Empty metric', points: [] }]);
      expect(deepText(el)).to.contain('Some metrics missing data. Showing available data.');
      expect(linePaths(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('notes a metric without baseline on the progress axis', async () => {
      const noBaseline: ProgressTrend = {
        ...acmeTrend(),
        name: 'NPS',
        unit: '',
        baseline: null,
        target: 50,
        direction: 'higher_is_better',
      };
      const el = await chart([acmeTrend(), noBaseline]);
      expect(deepText(el)).to.contain(
        'Baseline not set. Cannot calculate progress. Not drawn: NPS.',
      );
      expect(linePaths(el)).to.have.length(1);
      await expect(el).to.be.accessible();

      const only = await fixture<SuccessTrendChart>(
        html`<success-trend-chart scale="progress" .trends=${[noBaseline]}></success-trend-chart>`,
      );
      expect(deepText(only)).to.contain('Baseline not set. Cannot calculate progress.');
      await expect(only).to.be.accessible();
    });
  });

  describe('How is this computed?', () => {
    // The server's derivation of a forecast (calc's explainForecast), as `explain: true` sends it.
    const forecast: Explanations = {
      '/0/forecast_date': {
        formula: 'forecast.least_squares',
        text: 'The least-squares line of 4 measurements reaches the target 12 on 2026-04-17.',
        inputs: [
          { name: 'measurements', value: 4, pointer: '/trends/0/points' },
          { name: 'target', value: 12, pointer: '/trends/0/target' },
        ],
        rule: 'PRD-069',
        result: '2026-04-17',
      },
    };

    it("opens the forecast's explanation by keyboard under the chart", async () => {
      const el = await fixture<SuccessTrendChart>(
        html`<success-trend-chart .trends=${[acmeTrend()]} .explanations=${forecast}></success-trend-chart>`,
      );
      const name = `How is the forecast for ${acmeTrend().name} computed?`;
      const { button, text } = await openExplanation(el, name, 'Space');
      expect(text).to.include('The least-squares line of 4 measurements reaches the target 12');
      expect(text).to.include('target: 12');
      expect(text).to.include('Rule: PRD-069');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(deepText(el.shadowRoot!.querySelector('.forecasts')!)).to.include('Apr 17, 2026');
      await expect(el).to.be.accessible();
    });

    it('shows no disclosure for trends given without explanations', async () => {
      const el = await fixture<SuccessTrendChart>(
        html`<success-trend-chart .trends=${[acmeTrend()]}></success-trend-chart>`,
      );
      await el.updateComplete;
      expect(explainButtons(el)).to.have.length(0);
    });
  });
});
