// <goal-editor> starting a new goal from a goal template, against the real reference server
// (its shipped library, PRD-165 Appendix A) through the real SDK with the demo CSM token. The
// goals are made for a customer of that CSM other than Acme (whose demo numbers other files
// check) and deleted afterwards; milestones cannot be deleted through the API, so they stay on
// that customer, as the milestone tests' do.
import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/goal-editor.js';
import '../define/success-provider.js';
import { deepText, nextEvent, until } from '../testing/helpers.js';
import { after, afterEach, before, describe, it } from '../testing/mocha.js';
import { choose, click, q, type } from '../testing/shadow-form.js';
import type { GoalTemplate, Milestone } from '../types.js';
import type { GoalEditor } from './goal-editor.js';
import { addDays } from './goal-template.js';

const api = `${location.origin}/reference-api`;
const TOKEN = 'demo-csm-token';
const csm = () => createSuccessClient({ baseUrl: api, token: TOKEN, retries: 0 });
const TEMPLATE = 'tpl_reduce_process_time';

const root = (el: GoalEditor) => el.shadowRoot!;
const value = (el: GoalEditor, id: string) =>
  q<HTMLInputElement | HTMLSelectElement>(el, `#${id}`).value;

let customerId = '';
let template: GoalTemplate;
const created: string[] = [];

/** A new-goal editor in a provider (or with `client`), once its templates are listed. */
async function editor(
  opts: { templateId?: string; client?: SuccessClient } = {},
): Promise<GoalEditor> {
  const provider = await fixture<HTMLElement>(
    html`<success-provider base-url=${api} token=${TOKEN}><goal-editor customer-id=${customerId} template-id=${opts.templateId ?? ''} .client=${opts.client}></goal-editor></success-provider>`,
  );
  const el = provider.querySelector('goal-editor') as GoalEditor;
  if (!opts.templateId) el.removeAttribute('template-id');
  await until(() => root(el)?.querySelector('#template-select') !== null, 'the templates', 20_000);
  return el;
}

async function save(el: GoalEditor) {
  const saved = nextEvent(el, 'success-goal-saved');
  await el.save();
  const { goal } = (await saved).detail as { goal: { id: string; start_date: string } };
  created.push(goal.id);
  return goal;
}

async function milestonesOf(goalId: string): Promise<Milestone[]> {
  const all: Milestone[] = [];
  for await (const m of csm().listMilestones.all({ customerId })) all.push(m);
  return all.filter((m) => m.goal_id === goalId);
}

describe('<goal-editor> from a goal template', () => {
  before(async () => {
    const { items } = await csm().listCustomers({ limit: 100 });
    const other = items.filter((c) => c.id !== 'cus_acme').at(-1);
    if (!other) throw new Error('the demo CSM has no customer besides Acme');
    customerId = other.id;
    template = await csm().getGoalTemplate({ templateId: TEMPLATE });
  });

  afterEach(() => sessionStorage.clear());

  after(async () => {
    for (const goalId of created.splice(0)) await csm().deleteSuccessGoal({ goalId });
  });

  it("fills a new goal from the chosen template and creates it with the template's milestones", async () => {
    const el = await editor();
    // Shipped templates for any industry are listed first, then each industry's.
    const groups = [...root(el).querySelectorAll('#template-select optgroup')].map((g) =>
      g.getAttribute('label'),
    );
    expect(groups[0]).to.equal('Any industry');
    expect(groups).to.include('Software');
    expect(q<HTMLButtonElement>(el, 'button.use-template').disabled).to.equal(true);
    await expect(el).to.be.accessible();

    await choose(el, 'template-select', TEMPLATE);
    await click(el, 'button.use-template');
    const start = value(el, 'f-start_date');
    expect(value(el, 'f-name')).to.equal(template.goal.name);
    expect(value(el, 'f-category')).to.equal(template.goal.category);
    expect(value(el, 'f-target_date')).to.equal(addDays(start, template.duration_days));
    const metrics = template.goal.metrics;
    expect(root(el).querySelectorAll('[id$="-baseline_value"]')).to.have.length(metrics.length);
    expect(value(el, 'f-metrics-1-target_value')).to.equal(String(metrics[1]!.target_value));
    expect(value(el, 'f-value_drivers-0-hours_per_month')).to.equal('200');
    expect(deepText(el)).to.contain(
      `its ${template.milestones.length} milestones are created with the goal`,
    );
    await expect(el).to.be.accessible();

    const goal = await save(el);
    const stored = await csm().getSuccessGoal({ goalId: goal.id });
    expect(stored.metrics.map((m) => [m.name, m.baseline_value, m.target_value])).to.deep.equal(
      metrics.map((m) => [m.name, m.baseline_value, m.target_value]),
    );
    expect(stored.value_drivers[0]?.hours_per_month).to.equal(200);
    const milestones = await milestonesOf(goal.id);
    expect(milestones.map((m) => [m.name, m.target_date.slice(0, 10)]).sort()).to.deep.equal(
      template.milestones.map((m) => [m.name, addDays(start, m.offset_days)]).sort(),
    );
    // The saved goal's milestone list shows them.
    await until(
      () => root(el).querySelectorAll('.ms-item').length >= template.milestones.length,
      'the milestones listed',
      20_000,
    );
    expect(deepText(el)).to.contain(template.milestones[1]!.name);
  });

  it('asks before a template replaces what was typed, and keeps it on Keep', async () => {
    const el = await editor();
    await type(el, 'f-name', 'Typed by hand');
    await choose(el, 'template-select', TEMPLATE);
    await click(el, 'button.use-template');
    const confirm = q(el, '.template-confirm');
    expect(confirm.getAttribute('role')).to.equal('alertdialog');
    await el.updateComplete;
    expect(root(el).activeElement?.classList.contains('keep')).to.equal(true);
    await expect(el).to.be.accessible();

    await click(el, '.template-confirm .keep');
    expect(root(el).querySelector('.template-confirm')).to.equal(null);
    expect(value(el, 'f-name')).to.equal('Typed by hand');
    await el.updateComplete;
    expect(root(el).activeElement?.classList.contains('use-template')).to.equal(true);

    await click(el, 'button.use-template');
    await click(el, '.template-confirm .replace');
    expect(value(el, 'f-name')).to.equal(template.goal.name);
  });

  it('starts from `template-id`, keeps it across a reload as a draft, and says when the id is unknown', async () => {
    const el = await editor({ templateId: TEMPLATE });
    await until(() => value(el, 'f-name') === template.goal.name, 'the template applied');
    await type(el, 'f-name', 'Renamed');

    // The same editor again in this tab: the draft comes back, the template does not overwrite it.
    const again = await editor({ templateId: TEMPLATE });
    expect(value(again, 'f-name')).to.equal('Renamed');
    expect(deepText(again)).to.contain(`Started from the template “${template.name}”`);
    sessionStorage.clear();

    const unknown = await editor({ templateId: 'tpl_no_such_template' });
    await until(() => deepText(unknown).includes('was not found'), 'the notice');
    expect(value(unknown, 'f-name')).to.equal('');
  });

  it('offers to create the milestones that failed, and creates each of them once', async () => {
    // The second milestone's first attempt fails as a network error would.
    let calls = 0;
    const keys: string[] = [];
    const client = createSuccessClient({
      baseUrl: api,
      token: TOKEN,
      retries: 0,
      fetch: async (input) => {
        const request = input as Request;
        if (request.method === 'POST' && request.url.includes('/milestones')) {
          keys.push(request.headers.get('Idempotency-Key') ?? '');
          if (++calls === 2) throw new TypeError('Failed to fetch');
        }
        return fetch(request);
      },
    });
    const el = await editor({ client });
    await choose(el, 'template-select', TEMPLATE);
    await click(el, 'button.use-template');
    const goal = await save(el);
    await until(() => root(el).querySelector('.template-milestones') !== null, 'the failure');
    expect(deepText(el)).to.contain(
      `1 of its template’s ${template.milestones.length} milestones could not be created`,
    );
    expect(await milestonesOf(goal.id)).to.have.length(template.milestones.length - 1);
    await expect(el).to.be.accessible();

    await click(el, 'button.retry-milestones');
    await until(() => root(el).querySelector('.template-milestones') === null, 'the retry');
    expect(await milestonesOf(goal.id)).to.have.length(template.milestones.length);
    // The retry sent only the one that failed, with the key of its first attempt.
    expect(keys).to.have.length(template.milestones.length + 1);
    expect(keys.at(-1)).to.equal(keys[1]);
  });
});
