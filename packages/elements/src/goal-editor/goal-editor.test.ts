// <goal-editor> against the real reference server (packages/server with its demo data) through
// the real SDK, with the CSM token that owns Acme Corp; plus a counting client where the test
// must see the requests themselves (the idempotency key of a retried save).
import { createSuccessClient, type SuccessClient, schemas } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../define/goal-editor.js';
import '../define/success-overview.js';
import '../define/success-provider.js';
import { XSS_PAYLOADS } from '../testing/fixtures.js';
import { goalCreateBody } from '../testing/goal-arbitraries.js';
import { deepText, domShape, nextEvent, until } from '../testing/helpers.js';
import { afterEach, before, describe, it } from '../testing/mocha.js';
import { choose, click, q, type } from '../testing/shadow-form.js';
import type { SuccessGoal } from '../types.js';
import type { GoalEditor } from './goal-editor.js';

const api = `${location.origin}/reference-api`;
const TOKEN = 'demo-csm-token';
const CUSTOMER = 'cus_acme';
const csm = () => createSuccessClient({ baseUrl: api, token: TOKEN, retries: 0 });

const uid = () => Math.random().toString(36).slice(2, 8);
const root = (el: GoalEditor) => el.shadowRoot!;
const text = (el: GoalEditor) => deepText(el);

/** An editor inside a provider with the CSM token, for a new goal or the goal `goalId`. */
async function editor(goalId?: string): Promise<GoalEditor> {
  const provider = await fixture<HTMLElement>(
    html`<success-provider base-url=${api} token=${TOKEN}><goal-editor customer-id=${CUSTOMER} goal-id=${goalId ?? ''}></goal-editor></success-provider>`,
  );
  const el = provider.querySelector('goal-editor') as GoalEditor;
  if (!goalId) el.removeAttribute('goal-id');
  await until(() => root(el)?.querySelector('form') !== null, 'the form', 20_000);
  return el;
}

/** Fills a valid goal: two metrics (the second without a baseline) and a time-saved driver. */
async function fillGoal(el: GoalEditor, name: string): Promise<void> {
  await type(el, 'f-name', name);
  await type(el, 'f-description', 'Cut ticket handling time');
  await type(el, 'f-start_date', '2026-01-01');
  await type(el, 'f-target_date', '2026-12-31');
  await type(el, 'f-metrics-0-name', 'Resolution time');
  await type(el, 'f-metrics-0-unit', 'hours');
  await choose(el, 'f-metrics-0-direction', 'lower_is_better');
  await type(el, 'f-metrics-0-baseline_value', '24');
  await type(el, 'f-metrics-0-target_value', '12');
  await click(el, 'button.add-metric');
  await type(el, 'f-metrics-1-name', 'CSAT');
  await type(el, 'f-metrics-1-unit', '%');
  await type(el, 'f-metrics-1-target_value', '90');
  await click(el, 'button.add-driver');
  await type(el, 'f-value_drivers-0-label', 'Ticket handling time saved');
  await type(el, 'f-value_drivers-0-hours_per_unit', '12.5');
  await type(el, 'f-value_drivers-0-units_per_month', '150');
  await type(el, 'f-value_drivers-0-hourly_rate', '50');
}

/** Saves once; the stored goal, or a failure that says what the editor shows instead. */
async function saveNow(el: GoalEditor): Promise<SuccessGoal> {
  let back: SuccessGoal | undefined;
  const keep = (e: CustomEvent<{ goal: SuccessGoal }>) => {
    back = e.detail.goal;
  };
  el.addEventListener('success-goal-saved', keep);
  await el.save();
  el.removeEventListener('success-goal-saved', keep);
  await el.updateComplete;
  if (!back) throw new Error(`not saved: ${text(el)}`);
  return back;
}

async function saved(el: GoalEditor, act: () => unknown): Promise<SuccessGoal> {
  const event = nextEvent(el, 'success-goal-saved');
  await act();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('no success-goal-saved')), 15_000),
  );
  return (await Promise.race([event, timeout])).detail.goal;
}

/** A goal created straight through the SDK: one metric from 0 to 100, a year around today. */
async function seedGoal(name: string): Promise<SuccessGoal> {
  const year = new Date().getUTCFullYear();
  return csm().createSuccessGoal({
    idempotencyKey: crypto.randomUUID(),
    body: {
      customer_id: CUSTOMER,
      name,
      start_date: `${year}-01-01`,
      target_date: `${year}-12-31`,
      metrics: [{ name: 'Adoption', unit: '%', baseline_value: 0, target_value: 100 }],
    },
  });
}

type Json = Record<string, unknown>;
const pick = (
  o: object,
  schema: { readonly entries: object },
  readOnly: readonly string[] = [],
): Json =>
  Object.fromEntries(
    Object.entries(o).filter(([k]) => k in schema.entries && !readOnly.includes(k)),
  );

/**
 * The replacement (PUT) body that leaves `goal` as it is: every field of it the contract lets a
 * replacement write (SuccessGoalReplace, MetricReplace, ValueDriverInput), with its value.
 */
function unchanged(goal: SuccessGoal): Json {
  return {
    ...pick(
      goal,
      schemas.SuccessGoalReplaceSchema,
      schemas.readOnlyProperties.SuccessGoalReplaceSchema,
    ),
    metrics: goal.metrics.map((m) =>
      pick(m, schemas.MetricReplaceSchema, schemas.readOnlyProperties.MetricReplaceSchema),
    ),
    value_drivers: goal.value_drivers.map((d) => pick(d, schemas.ValueDriverInputSchema)),
  };
}

/** A stored goal without what every write changes. */
const comparable = ({ version: _v, updated_at: _u, ...rest }: SuccessGoal) => rest;

/** A client of the CSM that keeps the body of every PUT it sends. */
function recordingClient(puts: Json[], options: { validate?: boolean } = {}): SuccessClient {
  return createSuccessClient({
    baseUrl: api,
    token: TOKEN,
    retries: 0,
    ...options,
    fetch: async (input) => {
      const request = input as Request;
      if (request.method === 'PUT') puts.push(await request.clone().json());
      return fetch(request);
    },
  });
}

/** Acme's goal ids before these tests: every other goal of Acme is one they created. */
let seeded: Set<string> | undefined;
const acmeGoals = async () =>
  (await csm().getCustomerSuccessMetrics({ customerId: CUSTOMER })).goals.map((g) => g.id);

describe('<goal-editor>', () => {
  before(async () => {
    // The page is shared with the files run before this one: a draft one of them left for a
    // new Acme goal would be restored into these editors.
    sessionStorage.clear();
    seeded = new Set(await acmeGoals());
  });

  // The reference server is shared by every test file of the run: the goals created here are
  // deleted again so that the dashboard and portfolio tests see Acme's demo numbers.
  afterEach(async () => {
    sessionStorage.clear();
    for (const id of await acmeGoals()) {
      if (!seeded?.has(id)) await csm().deleteSuccessGoal({ goalId: id });
    }
  });

  it('creates a goal with two metrics and a value driver, showing the yearly value live', async () => {
    const el = await editor();
    await expect(el).to.be.accessible();
    const name = `Faster tickets ${uid()}`;
    await fillGoal(el, name);
    // 12.5 h x 150 / month x 12 x $50 = $1,125,000 a year, as calc computes it.
    // Not measured yet: calc's measured rule delivers nothing, the value is projected at target.
    expect(q(el, 'output.expected-value').textContent).to.include('None yet');
    expect(q(el, 'output.projected-value').textContent).to.include('1,125,000');
    expect(text(el)).to.include('22,500 hrs');
    expect(text(el)).to.include('Baseline not set. Cannot calculate progress.');
    await expect(el).to.be.accessible();
    const goal = await saved(el, () => click(el, 'button.save'));
    const back = await csm().getSuccessGoal({ goalId: goal.id });
    expect(back.name).to.equal(name);
    expect(back.metrics.map((m) => m.name)).to.deep.equal(['Resolution time', 'CSAT']);
    expect(back.metrics[0]?.direction).to.equal('lower_is_better');
    expect(back.metrics[1]?.baseline_value).to.equal(null);
    // Not measured yet: the value counts at target (projected), none is delivered.
    expect(back.value_drivers[0]?.projected_value).to.equal(1_125_000);
    expect(back.projected_value).to.equal(1_125_000);
    expect(back.annual_value).to.equal(0);
    // The dashboard a host shows next reads the new goal from the server.
    const dashboard = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token=${TOKEN}><success-overview customer-id=${CUSTOMER}></success-overview></success-provider>`,
    );
    const overview = dashboard.querySelector('success-overview')!;
    await until(() => deepText(overview).includes(name), 'the new goal on the dashboard', 20_000);
    expect(deepText(overview)).to.include('Resolution time');
    // The editor now edits the stored goal, and offers recording a measurement.
    await until(() => text(el).includes('Record a measurement'), 'measurement form');
    expect(q(el, 'button.save').textContent).to.include('Save changes');
    await expect(el).to.be.accessible();
  });

  it('records a measurement and shows progress and status change', async () => {
    const goal = await seedGoal(`Adoption ${uid()}`);
    const el = await editor(goal.id);
    await until(() => text(el).includes('Record a measurement'), 'measurement form', 20_000);
    expect(q(el, 'output.progress').textContent).to.include('Baseline not set');
    expect(q(el, '.goal-status').textContent).to.include('Not started');
    await type(el, 'm-value', '60');
    const recorded = nextEvent(el, 'success-measurement-recorded');
    await click(el, 'button.record');
    const event = await recorded;
    expect(event.detail.metricId).to.equal(goal.metrics[0]?.id);
    expect(event.detail.goal.achievement_pct).to.equal(60);
    await until(() => q(el, 'output.progress').textContent?.includes('60%') ?? false, 'progress');
    expect(q(el, '.goal-status').textContent).not.to.include('Not started');
    const confirmation = q(el, '.confirmation[role="status"]');
    expect(confirmation.textContent).to.include('Measurement recorded. Progress 60%');
    expect(confirmation.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it("lists a metric's measurements and corrects a wrong one, the figures following", async () => {
    const goal = await seedGoal(`Correct ${uid()}`);
    const metricId = goal.metrics[0]!.id;
    await csm().recordMeasurement({
      goalId: goal.id,
      idempotencyKey: crypto.randomUUID(),
      body: { metric_id: metricId, value: 600, source: 'import', note: 'typo' },
    });
    const el = await editor(goal.id);
    await until(() => root(el).querySelector('.history tbody tr') !== null, 'the history', 20_000);
    const row = q(el, '.history tbody tr');
    expect(row.textContent).to.include('600');
    expect(row.textContent).to.include('import');
    expect(row.textContent).to.include('typo');
    expect(q(el, 'output.progress').textContent).to.include('600%');
    expect(q(el, '#history-heading').textContent).to.include('Measurements of Adoption');
    await expect(el).to.be.accessible();
    await click(el, 'button.correct-measurement');
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('h-value');
    await type(el, 'h-value', '60');
    const input = q<HTMLInputElement>(el, '#h-value');
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await until(
      () => q(el, '.confirmation').textContent?.includes('Measurement corrected') ?? false,
      'the confirmation',
      10_000,
    );
    expect(q(el, '.confirmation').textContent).to.include('Progress 60%');
    expect(q(el, '.history tbody tr').textContent).to.include('60');
    expect(q(el, '.history tbody tr').textContent).not.to.include('600');
    await until(() => q(el, 'output.progress').textContent?.includes('60%') ?? false, 'progress');
    const back = await csm().getSuccessGoal({ goalId: goal.id });
    expect(back.metrics[0]?.measurements.map((m) => m.value)).to.deep.equal([60]);
    expect(back.achievement_pct).to.equal(60);
    await expect(el).to.be.accessible();
  });

  it('removes a measurement only after a confirmation, by keyboard, and says so', async () => {
    const goal = await seedGoal(`Remove ${uid()}`);
    const metricId = goal.metrics[0]!.id;
    for (const value of [20, 50]) {
      await csm().recordMeasurement({
        goalId: goal.id,
        idempotencyKey: crypto.randomUUID(),
        body: {
          metric_id: metricId,
          value,
          measured_at: `${new Date().getUTCFullYear()}-01-0${value === 20 ? 2 : 3}T00:00:00Z`,
        },
      });
    }
    const el = await editor(goal.id);
    await until(
      () => root(el).querySelectorAll('.history tbody tr').length === 2,
      'the history',
      20_000,
    );
    // Newest first.
    const remove = q<HTMLButtonElement>(el, 'button.remove-measurement');
    expect(remove.getAttribute('aria-label')).to.include('Remove the measurement of');
    remove.focus();
    await click(el, 'button.remove-measurement');
    const dialog = q(el, '[role="alertdialog"].confirm-remove');
    expect(dialog.textContent).to.include('Remove the measurement 50');
    await el.updateComplete;
    expect(root(el).activeElement?.className).to.equal('keep-measurement');
    await expect(el).to.be.accessible();
    await click(el, 'button.keep-measurement');
    expect(root(el).querySelector('.confirm-remove')).to.equal(null);
    await el.updateComplete;
    expect(root(el).activeElement?.classList.contains('remove-measurement')).to.equal(true);
    expect(
      (await csm().getSuccessGoal({ goalId: goal.id })).metrics[0]?.measurements,
    ).to.have.length(2);
    await click(el, 'button.remove-measurement');
    await click(el, 'button.confirm-remove-button');
    await until(
      () => q(el, '.confirmation').textContent?.includes('Measurement removed') ?? false,
      'the confirmation',
      10_000,
    );
    expect(q(el, '.confirmation').textContent).to.include('Progress 20%');
    expect(root(el).querySelectorAll('.history tbody tr')).to.have.length(1);
    const back = await csm().getSuccessGoal({ goalId: goal.id });
    expect(back.metrics[0]?.measurements.map((m) => m.value)).to.deep.equal([20]);
    await expect(el).to.be.accessible();
  });

  it('shows a message next to each invalid field and a summary linked to them', async () => {
    const el = await editor();
    await type(el, 'f-weight', '0');
    await type(el, 'f-metrics-0-target_value', 'lots');
    await type(el, 'f-start_date', '2026-06-01');
    await type(el, 'f-target_date', '2026-01-01');
    await click(el, 'button.add-driver');
    await type(el, 'f-value_drivers-0-hourly_rate', '-5');
    await click(el, 'button.save');
    await el.updateComplete;
    const expected: Record<string, string> = {
      'f-name': 'Goal name is required.',
      'f-weight': 'Weight must be more than 0',
      'f-target_date': 'Target date must be on or after the start date.',
      'f-metrics-0-name': 'Metric 1: Metric name is required.',
      'f-metrics-0-target_value': 'Metric 1: Target must be a number.',
      'f-value_drivers-0-hourly_rate': 'Value driver 1: Hourly rate is out of range.',
    };
    for (const [id, message] of Object.entries(expected)) {
      const input = q(el, `#${id}`);
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      const described = q(el, `#${input.getAttribute('aria-describedby')}`);
      expect(described.textContent, id).to.include(message);
    }
    const summary = q(el, '.summary');
    expect(root(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#f-name',
      '#f-weight',
      '#f-target_date',
      '#f-metrics-0-name',
      '#f-metrics-0-target_value',
      '#f-value_drivers-0-hourly_rate',
    ]);
    links[3]!.click();
    expect(root(el).activeElement?.id).to.equal('f-metrics-0-name');
    expect(q(el, '[role="status"]').textContent).to.include('There are 6 problems');
    await expect(el).to.be.accessible();
    // Fixing a field clears its message as the user types.
    await type(el, 'f-name', 'Fixed');
    expect(q(el, '#f-name').getAttribute('aria-invalid')).to.equal('false');
  });

  it('saves a goal whose baseline comes later, with the no-baseline warning', async () => {
    const el = await editor();
    await type(el, 'f-name', `No baseline ${uid()}`);
    await type(el, 'f-target_date', '2027-03-31');
    await type(el, 'f-metrics-0-name', 'Logins');
    await type(el, 'f-metrics-0-target_value', '500');
    expect(q(el, '[part="notice"]').textContent).to.include(
      'Baseline not set. Cannot calculate progress.',
    );
    const goal = await saved(el, () => click(el, 'button.save'));
    expect(goal.metrics[0]?.baseline_value).to.equal(null);
    expect(goal.achievement_pct).to.equal(null);
  });

  it('shows the conflict view to the second of two editors and loses nothing', async () => {
    const goal = await seedGoal(`Shared ${uid()}`);
    const first = await editor(goal.id);
    const provider2 = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token=${TOKEN}><goal-editor customer-id=${CUSTOMER} goal-id=${goal.id}></goal-editor></success-provider>`,
    );
    const second = provider2.querySelector('goal-editor') as GoalEditor;
    await until(() => root(second)?.querySelector('#f-name') !== null, 'second form', 20_000);
    await type(first, 'f-name', 'Renamed by the first');
    await saved(first, () => click(first, 'button.save'));
    await type(second, 'f-description', 'Written by the second');
    await click(second, 'button.save');
    await until(() => root(second).querySelector('.conflict') !== null, 'conflict view', 15_000);
    const conflict = q(second, '.conflict');
    expect(conflict.textContent).to.include('This goal changed on the server');
    expect(conflict.textContent).to.include('Goal name');
    expect(conflict.textContent).to.include('Renamed by the first');
    expect(q<HTMLTextAreaElement>(second, '#f-description').value).to.equal(
      'Written by the second',
    );
    await expect(second).to.be.accessible();
    const stored = await saved(second, () => click(second, 'button.overwrite'));
    expect(stored.description).to.equal('Written by the second');
    expect(stored.version).to.be.greaterThan(goal.version + 1);
    expect(root(second).querySelector('.conflict')).to.equal(null);
  });

  it('reloads the server goal from the conflict view', async () => {
    const goal = await seedGoal(`Reload ${uid()}`);
    const el = await editor(goal.id);
    await csm().updateSuccessGoal({
      goalId: goal.id,
      ifMatch: goal.version,
      body: {
        name: 'Changed elsewhere',
        target_date: goal.target_date,
        metrics: goal.metrics.map((m) => ({
          id: m.id,
          name: m.name,
          unit: m.unit,
          baseline_value: m.baseline_value,
          target_value: m.target_value,
        })),
      },
    });
    await type(el, 'f-name', 'Mine');
    await click(el, 'button.save');
    await until(() => root(el).querySelector('.conflict') !== null, 'conflict view', 15_000);
    await click(el, 'button.reload');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('Changed elsewhere');
    const stored = await saved(el, async () => {
      await type(el, 'f-name', 'Mine after reload');
      await click(el, 'button.save');
    });
    expect(stored.name).to.equal('Mine after reload');
  });

  it('keeps unsaved edits when the host hands in a newer goal', async () => {
    const goal = await seedGoal(`Handed ${uid()}`);
    const el = await fixture<GoalEditor>(html`<goal-editor .goal=${goal}></goal-editor>`);
    await type(el, 'f-name', 'My edit');
    el.goal = { ...goal, name: 'Newer from host', version: goal.version + 1 };
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('My edit');
    // Without edits (and without the draft the first one kept) a new goal replaces the form.
    sessionStorage.clear();
    const clean = await fixture<GoalEditor>(html`<goal-editor .goal=${goal}></goal-editor>`);
    clean.goal = { ...goal, name: 'Newer from host' };
    await clean.updateComplete;
    expect(q<HTMLInputElement>(clean, '#f-name').value).to.equal('Newer from host');
  });

  it('creates one goal on a double submit', async () => {
    const el = await editor();
    const name = `Double ${uid()}`;
    await type(el, 'f-name', name);
    await type(el, 'f-target_date', '2027-01-31');
    await type(el, 'f-metrics-0-name', 'Seats');
    await type(el, 'f-metrics-0-baseline_value', '10');
    await type(el, 'f-metrics-0-target_value', '50');
    const button = q<HTMLButtonElement>(el, 'button.save');
    const event = nextEvent(el, 'success-goal-saved');
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    button.click();
    await event;
    const { goals } = await csm().getCustomerSuccessMetrics({ customerId: CUSTOMER });
    expect(goals.filter((g) => g.name === name)).to.have.length(1);
  });

  it('reuses one Idempotency-Key when a failed save is retried', async () => {
    const keys: string[] = [];
    let calls = 0;
    const client: SuccessClient = createSuccessClient({
      baseUrl: api,
      token: TOKEN,
      retries: 0,
      fetch: async (input) => {
        const request = input as Request;
        // Only the saves: once the goal exists the editor also lists its milestones (a GET).
        if (request.method !== 'POST') return fetch(request);
        keys.push(request.headers.get('Idempotency-Key') ?? '');
        calls++;
        if (calls === 1)
          return new Response(
            JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503 }),
            { status: 503, headers: { 'content-type': 'application/problem+json' } },
          );
        return fetch(request);
      },
    });
    const el = await fixture<GoalEditor>(
      html`<goal-editor customer-id=${CUSTOMER} .client=${client}></goal-editor>`,
    );
    await type(el, 'f-name', `Retry ${uid()}`);
    await type(el, 'f-target_date', '2027-01-31');
    await type(el, 'f-metrics-0-name', 'Seats');
    await type(el, 'f-metrics-0-baseline_value', '10');
    await type(el, 'f-metrics-0-target_value', '50');
    await el.save();
    await el.updateComplete;
    expect(text(el)).to.include('The goal was not saved: Service unavailable');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.match(/^Retry /);
    await expect(el).to.be.accessible();
    const goal = await saved(el, () => el.save());
    expect(goal.id).to.be.a('string');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.have.length.greaterThan(0);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('restores unsaved changes from the session draft and can discard them', async () => {
    const first = await editor();
    await type(first, 'f-name', 'Half-written goal');
    await type(first, 'f-metrics-0-target_value', '42');
    first.parentElement!.remove();
    const el = await editor();
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('Half-written goal');
    expect(q<HTMLInputElement>(el, '#f-metrics-0-target_value').value).to.equal('42');
    expect(text(el)).to.include('Restored your unsaved changes.');
    await expect(el).to.be.accessible();
    await click(el, '[part="notice"] button');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('');
    expect(el.dirty).to.equal(false);
  });

  it('asks before discarding changes on Cancel, then fires success-cancel', async () => {
    const el = await editor();
    let cancels = 0;
    el.addEventListener('success-cancel', () => cancels++);
    await type(el, 'f-name', 'Something');
    await click(el, 'button.cancel');
    expect(cancels).to.equal(0);
    const dialog = q(el, '[role="alertdialog"]');
    expect(dialog.textContent).to.include('Discard your unsaved changes?');
    expect(root(el).activeElement?.className).to.equal('keep');
    await expect(el).to.be.accessible();
    await click(el, 'button.keep');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('Something');
    await click(el, 'button.cancel');
    await click(el, 'button.discard');
    expect(cancels).to.equal(1);
    expect(sessionStorage.length).to.equal(0);
    // Nothing to lose: Cancel leaves at once.
    await click(el, 'button.cancel');
    expect(cancels).to.equal(2);
  });

  it('shows the loading state, then the error state with Retry for an unknown goal', async () => {
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token=${TOKEN}><goal-editor goal-id="goal_missing_x"></goal-editor></success-provider>`,
    );
    const missing = provider.querySelector('goal-editor') as GoalEditor;
    expect(root(missing).querySelector('[part~="skeleton"]')).to.not.equal(null);
    await expect(missing).to.be.accessible();
    await until(() => /not found/i.test(text(missing)), 'error state', 15_000);
    expect(text(missing)).to.include('Retry');
    await expect(missing).to.be.accessible();
  });

  it('turns read-only when the API refuses a viewer token, keeping what was typed', async () => {
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-viewer-token"><goal-editor customer-id=${CUSTOMER}></goal-editor></success-provider>`,
    );
    const el = provider.querySelector('goal-editor') as GoalEditor;
    await el.updateComplete;
    await type(el, 'f-name', 'Not allowed');
    await type(el, 'f-target_date', '2027-01-31');
    await type(el, 'f-metrics-0-name', 'Seats');
    await type(el, 'f-metrics-0-target_value', '50');
    await el.save();
    await el.updateComplete;
    // The reference server answers 403 "Viewer tokens are read-only." (packages/server/src/auth.ts).
    const alert = q(el, '[role="alert"]').textContent ?? '';
    expect(alert).to.include('Viewer tokens are read-only.');
    expect(alert).to.include('read-only now');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('Not allowed');
    expect(q(el, '#f-name').hasAttribute('readonly')).to.equal(true);
    expect(root(el).querySelector('button.save, button.add-metric, button.add-driver')).to.equal(
      null,
    );
    await expect(el).to.be.accessible();
    const { goals } = await csm().getCustomerSuccessMetrics({ customerId: CUSTOMER });
    expect(goals.some((g) => g.name === 'Not allowed')).to.equal(false);
  });

  it('shows a viewer an existing goal read-only with `readonly`: no Save, Record or milestone edits', async () => {
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-viewer-token"><goal-editor readonly customer-id=${CUSTOMER} goal-id="goal_acme_ticket_time"></goal-editor></success-provider>`,
    );
    const el = provider.querySelector('goal-editor') as GoalEditor;
    await until(() => root(el)?.querySelector('.ms-list') !== null, 'goal and milestones', 20_000);
    expect(q(el, '[part~="readonly"]').textContent).to.include(
      'Read-only: you can view this goal but not change it.',
    );
    expect(q(el, '#editor-title').textContent).to.match(/^Goal: /);
    for (const input of root(el).querySelectorAll(
      'form[part="form"] input, form[part="form"] textarea',
    ))
      expect(input.hasAttribute('readonly'), input.id).to.equal(true);
    for (const select of root(el).querySelectorAll<HTMLSelectElement>('form[part="form"] select'))
      expect(select.disabled, select.id).to.equal(true);
    expect(
      root(el).querySelector(
        'button.save, button.add-metric, button.add-driver, form.measurement, button.ms-add, button.ms-edit, button.ms-achieve',
      ),
    ).to.equal(null);
    expect(root(el).querySelectorAll('.ms-item').length).to.be.greaterThan(0);
    expect(q(el, 'button.cancel').textContent).to.include('Close');
    await expect(el).to.be.accessible();
    let cancels = 0;
    el.addEventListener('success-cancel', () => cancels++);
    await click(el, 'button.cancel');
    expect(cancels).to.equal(1);
  });

  it('offers no form for a new goal when read-only, only why and Close', async () => {
    const el = await fixture<GoalEditor>(
      html`<goal-editor readonly customer-id=${CUSTOMER}></goal-editor>`,
    );
    expect(root(el).querySelector('form')).to.equal(null);
    expect(text(el)).to.include('Read-only: goals cannot be created with this access.');
    const cancelled = nextEvent(el, 'success-cancel');
    await click(el, 'button.cancel');
    expect((await cancelled).detail.goalId).to.equal(undefined);
    await expect(el).to.be.accessible();
    // Dropping the attribute gives the form back.
    el.readOnly = false;
    await el.updateComplete;
    expect(root(el).querySelector('form button.save')).to.not.equal(null);
  });

  it('passes axe in the dark theme with validation messages shown', async () => {
    const el = await fixture<GoalEditor>(
      html`<goal-editor theme="dark" customer-id=${CUSTOMER}></goal-editor>`,
    );
    await type(el, 'f-metrics-0-target_value', 'x');
    await el.save();
    await el.updateComplete;
    expect(root(el).querySelectorAll('.error').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('keeps XSS payloads in every text field as text', async () => {
    const el = await editor();
    const plain = domShape(el);
    const payload = XSS_PAYLOADS.join(' ');
    await type(el, 'f-name', `${XSS_PAYLOADS[0]} ${uid()}`);
    await type(el, 'f-description', payload);
    await type(el, 'f-owner-name', XSS_PAYLOADS[1]);
    await type(el, 'f-owner-title', XSS_PAYLOADS[2]);
    await type(el, 'f-target_date', '2027-01-31');
    await type(el, 'f-metrics-0-name', XSS_PAYLOADS[3]);
    await type(el, 'f-metrics-0-unit', 'x<b>');
    await type(el, 'f-metrics-0-target_value', '5');
    await type(el, 'f-metrics-0-data_source', XSS_PAYLOADS[5]);
    expect(domShape(el)).to.deep.equal(plain);
    await click(el, 'button.add-driver');
    await type(el, 'f-value_drivers-0-hours_per_unit', '1');
    await type(el, 'f-value_drivers-0-units_per_month', '2');
    await type(el, 'f-value_drivers-0-hourly_rate', '3');
    const withDriver = domShape(el);
    await type(el, 'f-value_drivers-0-label', XSS_PAYLOADS[4]);
    expect(domShape(el)).to.deep.equal(withDriver);
    const goal = await saved(el, () => click(el, 'button.save'));
    expect(goal.description).to.equal(payload);
    expect(goal.value_drivers[0]?.label).to.equal(XSS_PAYLOADS[4]);
    expect(goal.metrics[0]?.data_source).to.equal(XSS_PAYLOADS[5]);
    await until(() => text(el).includes('Record a measurement'), 'edit mode');
    expect(q(el, '#editor-title').textContent).to.include(XSS_PAYLOADS[0]);
    expect(q(el, '#m-metric option').textContent).to.equal(XSS_PAYLOADS[3]);
    expect(q<HTMLInputElement>(el, '#f-value_drivers-0-label').value).to.equal(XSS_PAYLOADS[4]);
    // The measurement note is text too: stored as typed, nothing rendered from it.
    await type(el, 'm-value', '3');
    await type(el, 'm-note', XSS_PAYLOADS[2]);
    const recorded = nextEvent(el, 'success-measurement-recorded');
    await click(el, 'button.record');
    expect((await recorded).detail.measurement.note).to.equal(XSS_PAYLOADS[2]);
    expect(root(el).querySelector('img, script, iframe, b')).to.equal(null);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
  it('opens the seeded "Reduce ticket time" (200 hours a month) and saves it unchanged', async () => {
    const before = await csm().getSuccessGoal({ goalId: 'goal_acme_ticket_time' });
    const el = await editor('goal_acme_ticket_time');
    await until(
      () => root(el).querySelector('#f-value_drivers-0-hours_per_month') !== null,
      'driver',
    );
    expect(q<HTMLInputElement>(el, '#f-value_drivers-0-hours_per_month').value).to.equal('200');
    await expect(el).to.be.accessible();
    const goal = await saved(el, () => click(el, 'button.save'));
    expect(text(el)).not.to.include('Validation failed');
    expect(comparable(goal)).to.deep.equal(comparable(before));
    const after = await csm().getSuccessGoal({ goalId: 'goal_acme_ticket_time' });
    expect(after.value_drivers[0]?.hours_per_month).to.equal(200);
  });

  it('saves every goal shape the API stores back unchanged: the body sent is the goal that came in', async function () {
    (this as { timeout(ms: number): void }).timeout(180_000);
    const puts: Json[] = [];
    const client = recordingClient(puts);
    await fc.assert(
      fc.asyncProperty(goalCreateBody(CUSTOMER), async (body) => {
        const stored = await csm().createSuccessGoal({ idempotencyKey: crypto.randomUUID(), body });
        puts.length = 0;
        const el = await fixture<GoalEditor>(
          html`<goal-editor .goal=${stored} .client=${client}></goal-editor>`,
        );
        try {
          const back = await saveNow(el);
          expect(puts).to.have.length(1);
          expect(puts[0]).to.deep.equal(unchanged(stored));
          // The server agrees: nothing changed, nothing was lost.
          expect(comparable(back)).to.deep.equal(comparable(stored));
        } finally {
          el.remove();
          await csm().deleteSuccessGoal({ goalId: stored.id });
        }
      }),
      { numRuns: 25 },
    );
  });

  it("keeps a driver's link to a metric (metric_id) when the goal is saved unchanged", async () => {
    const goal = await seedGoal(`Linked ${uid()}`);
    const metricId = goal.metrics[0]!.id;
    const linked = await csm().updateSuccessGoal({
      goalId: goal.id,
      ifMatch: goal.version,
      body: {
        ...(unchanged(goal) as { name: string; target_date: string; metrics: [] }),
        value_drivers: [
          { type: 'time_saved', metric_id: metricId, units_per_month: 150, hourly_rate: 50 },
        ],
      },
    });
    const puts: Json[] = [];
    const el = await fixture<GoalEditor>(
      html`<goal-editor .goal=${linked} .client=${recordingClient(puts)}></goal-editor>`,
    );
    const back = await saveNow(el);
    expect((puts[0]!.value_drivers as Json[])[0]?.metric_id).to.equal(metricId);
    expect(back.value_drivers[0]?.metric_id).to.equal(metricId);
    expect(comparable(back)).to.deep.equal(comparable(linked));
  });

  it('sends back, as they came, fields it has no control for, and shows every amount a driver holds', async () => {
    const stored = await csm().getSuccessGoal({ goalId: 'goal_acme_ticket_time' });
    // A newer server's fields, which this SDK does not know, at each level of the goal.
    const newer = {
      ...stored,
      future_goal_field: 'kept',
      metrics: stored.metrics.map((m) => ({ ...m, future_metric_field: [1, 2] })),
      value_drivers: [
        { ...stored.value_drivers[0]!, annual_amount: 5000, future_driver_field: { a: 1 } },
      ],
    } as unknown as SuccessGoal;
    const puts: Json[] = [];
    const client = createSuccessClient({
      baseUrl: api,
      token: TOKEN,
      retries: 0,
      validate: false,
      fetch: async (input) => {
        const request = input as Request;
        if (request.method !== 'PUT') return fetch(request);
        puts.push(await request.clone().json());
        return new Response(JSON.stringify(newer), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const el = await fixture<GoalEditor>(
      html`<goal-editor .goal=${newer} .client=${client}></goal-editor>`,
    );
    // A time-saved driver with an annual amount shows it, next to its hours.
    expect(q<HTMLInputElement>(el, '#f-value_drivers-0-annual_amount').value).to.equal('5000');
    expect(q<HTMLInputElement>(el, '#f-value_drivers-0-hours_per_month').value).to.equal('200');
    await saveNow(el);
    const body = puts[0]!;
    expect(body.future_goal_field).to.equal('kept');
    expect((body.metrics as Json[])[0]?.future_metric_field).to.deep.equal([1, 2]);
    const driver = (body.value_drivers as Json[])[0]!;
    expect(driver.future_driver_field).to.deep.equal({ a: 1 });
    expect(driver.annual_amount).to.equal(5000);
    expect(driver.hours_per_month).to.equal(200);
    // Derived fields are the server's to compute: never sent.
    for (const derived of ['annual_value', 'annual_hours', 'projected_value']) {
      expect(driver, derived).not.to.have.property(derived);
    }
    expect(body).not.to.have.property('achievement_pct');
  });

  it("shows the API's field errors at their fields with its reason, and focuses the first", async () => {
    const el = await editor();
    await type(el, 'f-name', `Refused ${uid()}`);
    await type(el, 'f-target_date', '2027-06-30');
    await type(el, 'f-metrics-0-name', 'Resolution time');
    // Higher is better from 24 to 12: the server's rule (direction_conflict), not the schema's.
    await type(el, 'f-metrics-0-baseline_value', '24');
    await type(el, 'f-metrics-0-target_value', '12');
    await click(el, 'button.add-driver');
    await type(el, 'f-value_drivers-0-label', 'No amount yet');
    await el.save();
    await until(() => root(el).querySelector('.summary') !== null, 'the summary', 5000);
    const direction = q(el, '#f-metrics-0-direction');
    expect(direction.getAttribute('aria-invalid')).to.equal('true');
    const reason = q(el, `#${direction.getAttribute('aria-describedby')}`).textContent ?? '';
    expect(reason).to.include('Metric 1: Direction: Contradicts baseline 24 and target 12');
    // The driver's own error (`/value_drivers/0`, no_amount) marks its amounts, said with each.
    const hours = q(el, '#f-value_drivers-0-hours_per_month');
    expect(hours.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, `#${hours.getAttribute('aria-describedby')}`).textContent).to.include(
      'Value driver 1: No usable amount',
    );
    expect(root(el).activeElement).to.equal(direction);
    const items = [...q(el, '.summary').querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items).to.have.length(2);
    expect(items[0]).to.include('Contradicts baseline');
    expect(items[1]).to.include('No usable amount');
    expect(q(el, '[role="alert"]').textContent).to.include('There are 2 problems with the goal.');
    expect(text(el)).not.to.include('Validation failed');
    await expect(el).to.be.accessible();
    // Acting on a message clears it.
    await choose(el, 'f-metrics-0-direction', 'lower_is_better');
    expect(q(el, '#f-metrics-0-direction').getAttribute('aria-invalid')).to.equal('false');
    expect(q(el, '#f-value_drivers-0-hours_per_month').getAttribute('aria-invalid')).to.equal(
      'true',
    );
  });

  it('lists API errors of fields without a control by name, and reads dotted paths too', async () => {
    const goal = await csm().getSuccessGoal({ goalId: 'goal_acme_ticket_time' });
    const client = createSuccessClient({
      baseUrl: api,
      token: TOKEN,
      retries: 0,
      fetch: async (input) => {
        const request = input as Request;
        if (request.method !== 'PUT') return fetch(request);
        const problem = {
          type: '/problems/validation-failed',
          title: 'Validation failed',
          status: 422,
          detail: '3 fields are invalid.',
          request_id: 'req_test',
          errors: [
            { field: '/value_drivers/0/metric_id', message: 'No such metric.', code: 'not_found' },
            // The SDK before JSON Pointers named fields with dots.
            { field: 'metrics.0.unit', message: 'Too long.', code: 'max_length' },
            { field: 'header.If-Match', message: 'Stale.', code: 'stale_version' },
          ],
        };
        return new Response(JSON.stringify(problem), {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
        });
      },
    });
    const el = await fixture<GoalEditor>(
      html`<goal-editor .goal=${goal} .client=${client}></goal-editor>`,
    );
    await el.save();
    await until(() => root(el).querySelector('.summary') !== null, 'the summary', 5000);
    const unit = q(el, '#f-metrics-0-unit');
    expect(unit.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, `#${unit.getAttribute('aria-describedby')}`).textContent).to.include(
      'Metric 1: Unit: Too long.',
    );
    expect(root(el).activeElement).to.equal(unit);
    const summary = q(el, '.summary');
    const items = [...summary.querySelectorAll('li')];
    expect(items.map((li) => li.textContent?.trim())).to.deep.equal([
      'Metric 1: Unit: Too long.',
      'Value driver 1: metric_id: No such metric.',
      'header.If-Match: Stale.',
    ]);
    // Only the field the form has is a link; the others are named.
    expect(items.map((li) => li.querySelector('a') !== null)).to.deep.equal([true, false, false]);
    expect(text(el)).not.to.include('Validation failed');
    await expect(el).to.be.accessible();
  });

  it('deletes a goal after a confirmation step, by keyboard, and says so', async () => {
    const goal = await seedGoal(`Delete me ${uid()}`);
    const el = await editor(goal.id);
    await until(
      () => root(el).querySelector('button.delete') !== null,
      'the delete button',
      20_000,
    );
    let deletedEvents = 0;
    el.addEventListener('success-goal-deleted', () => deletedEvents++);
    await click(el, 'button.delete');
    const dialog = q(el, '[role="alertdialog"].confirm-delete');
    expect(dialog.textContent).to.include(`Delete the goal “${goal.name}”?`);
    expect(dialog.textContent).to.include('cannot be undone');
    await el.updateComplete;
    expect(root(el).activeElement?.className).to.equal('keep-goal');
    await expect(el).to.be.accessible();
    await click(el, 'button.keep-goal');
    expect(root(el).querySelector('.confirm-delete')).to.equal(null);
    await el.updateComplete;
    expect(root(el).activeElement?.classList.contains('delete')).to.equal(true);
    expect(deletedEvents).to.equal(0);
    await click(el, 'button.delete');
    const events: HTMLElementEventMap['success-goal-deleted'][] = [];
    el.addEventListener('success-goal-deleted', (e) => events.push(e));
    await click(el, 'button.confirm-delete-button');
    await until(() => events.length > 0, 'success-goal-deleted', 5000);
    const event = events[0]!;
    expect(event.detail.goalId).to.equal(goal.id);
    expect(event.detail.goal.name).to.equal(goal.name);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(q(el, '#editor-title').textContent).to.include('Goal deleted');
    expect(text(el)).to.include('Goal deleted.');
    expect(root(el).querySelector('form')).to.equal(null);
    const gone = await csm()
      .getSuccessGoal({ goalId: goal.id })
      .then(
        () => 200,
        (e: { status?: number }) => e.status,
      );
    expect(gone).to.equal(404);
    await expect(el).to.be.accessible();
    const cancelled = nextEvent(el, 'success-cancel');
    await click(el, 'button.cancel');
    expect((await cancelled).detail.goalId).to.equal(goal.id);
  });

  it('warns before saving when a target equals its baseline: no progress can be calculated', async () => {
    const el = await editor();
    await type(el, 'f-metrics-0-baseline_value', '40');
    await type(el, 'f-metrics-0-target_value', '40');
    const target = q(el, '#f-metrics-0-target_value');
    const warning = q(el, `#${target.getAttribute('aria-describedby')}`);
    expect(warning.textContent).to.include('Metric 1: Target equals baseline.');
    expect(warning.textContent).to.include('No progress can be calculated while they are equal.');
    expect(target.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
    await type(el, 'f-metrics-0-target_value', '40.5');
    expect(q(el, '#f-metrics-0-target_value').hasAttribute('aria-describedby')).to.equal(false);
    expect(text(el)).not.to.include('Target equals baseline');
  });
});
