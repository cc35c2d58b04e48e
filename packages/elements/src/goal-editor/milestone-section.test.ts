// The milestones part of <goal-editor> against the real reference server through the real SDK.
// Milestones cannot be deleted through the API, so these tests write them on a customer of the
// demo CSM other than Acme: Acme's dashboard, which other test files read, keeps its demo data.
import { createSuccessClient } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/goal-editor.js';
import '../define/success-provider.js';
import { XSS_PAYLOADS } from '../testing/fixtures.js';
import { nextEvent, until } from '../testing/helpers.js';
import { after, before, describe, it } from '../testing/mocha.js';
import { click, q, type } from '../testing/shadow-form.js';
import type { Milestone, SuccessGoal } from '../types.js';
import type { GoalEditor } from './goal-editor.js';
import { milestoneBody, validateMilestone } from './milestone-section.js';

const api = `${location.origin}/reference-api`;
const TOKEN = 'demo-csm-token';
const csm = () => createSuccessClient({ baseUrl: api, token: TOKEN, retries: 0 });
const uid = () => Math.random().toString(36).slice(2, 8);
const todayUtc = () => new Date().toISOString().slice(0, 10);

const root = (el: GoalEditor) => el.shadowRoot!;

/** The list item of the milestone named `name`. */
const item = (el: GoalEditor, name: string) => {
  const li = [...root(el).querySelectorAll('.ms-item')].find(
    (x) => x.querySelector('.ms-name')?.textContent === name,
  );
  if (!li) throw new Error(`no milestone ${name}`);
  return li as HTMLElement;
};

const milestonesOf = async (customerId: string) => {
  const all: Milestone[] = [];
  for await (const m of csm().listMilestones.all({ customerId })) all.push(m);
  return all;
};

let customerId = '';
let goal: SuccessGoal;

async function editor(): Promise<GoalEditor> {
  const provider = await fixture<HTMLElement>(
    html`<success-provider base-url=${api} token=${TOKEN}><goal-editor customer-id=${customerId} goal-id=${goal.id}></goal-editor></success-provider>`,
  );
  const el = provider.querySelector('goal-editor') as GoalEditor;
  await until(() => root(el)?.querySelector('button.ms-add') !== null, 'milestones', 20_000);
  return el;
}

describe('<goal-editor> milestones', () => {
  before(async () => {
    const { items } = await csm().listCustomers({ limit: 50 });
    const other = items.find((c) => c.id !== 'cus_acme');
    if (!other) throw new Error('the demo CSM has no customer besides Acme');
    customerId = other.id;
    const year = new Date().getUTCFullYear();
    goal = await csm().createSuccessGoal({
      idempotencyKey: crypto.randomUUID(),
      body: {
        customer_id: customerId,
        name: `Milestone goal ${uid()}`,
        start_date: `${year}-01-01`,
        target_date: `${year + 1}-12-31`,
        metrics: [{ name: 'Adoption', unit: '%', baseline_value: 0, target_value: 100 }],
      },
    });
  });

  after(async () => {
    sessionStorage.clear();
    await csm().deleteSuccessGoal({ goalId: goal.id });
  });

  it("lists the customer's milestones, creates one tied to the goal once, and records its achieved date", async () => {
    const el = await editor();
    const before = await milestonesOf(customerId);
    expect(root(el).querySelectorAll('.ms-item')).to.have.length(before.length);
    await expect(el).to.be.accessible();

    await click(el, 'button.ms-add');
    expect(root(el).activeElement?.id).to.equal('ms-name');
    const name = `${XSS_PAYLOADS[0]} ${uid()}`;
    await type(el, 'ms-name', name);
    await type(el, 'ms-description', XSS_PAYLOADS[1]);
    await type(el, 'ms-target_date', '2027-06-30');
    expect(q<HTMLSelectElement>(el, '#ms-goal_id').value).to.equal(goal.id);
    await expect(el).to.be.accessible();

    const created = nextEvent(el, 'success-milestone-saved');
    const save = q<HTMLButtonElement>(el, 'button.ms-save');
    save.click();
    save.click();
    const event = await created;
    expect(event.detail.created).to.equal(true);
    expect(event.detail.milestone.goal_id).to.equal(goal.id);
    expect(event.detail.milestone.status).to.equal('planned');
    await el.updateComplete;
    const stored = (await milestonesOf(customerId)).filter((m) => m.name === name);
    expect(stored, 'one milestone for a double click').to.have.length(1);
    expect(stored[0]?.description).to.equal(XSS_PAYLOADS[1]);
    expect(item(el, name).textContent).to.include('This goal');
    expect(q(el, '[role="status"]').textContent).to.include(`Milestone created: ${name}, Planned.`);

    // Record achieved: the form opens on the achieved date, filled with today.
    item(el, name).querySelector<HTMLButtonElement>('button.ms-achieve')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('ms-achieved_date');
    expect(q<HTMLInputElement>(el, '#ms-achieved_date').value).to.equal(todayUtc());
    const updated = nextEvent(el, 'success-milestone-saved');
    await click(el, 'button.ms-save');
    const after = (await updated).detail;
    expect(after.created).to.equal(false);
    expect(after.milestone.achieved_date).to.equal(todayUtc());
    expect(after.milestone.status).to.equal('achieved');
    expect(after.milestone.version).to.equal(stored[0]!.version + 1);
    await el.updateComplete;
    expect(item(el, name).textContent).to.include('Achieved');
    expect(item(el, name).querySelector('button.ms-achieve')).to.equal(null);
    expect(root(el).querySelector('img, script, iframe')).to.equal(null);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a message next to each invalid milestone field and sends nothing', async () => {
    const el = await editor();
    const count = (await milestonesOf(customerId)).length;
    await click(el, 'button.ms-add');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await type(el, 'ms-achieved_date', tomorrow);
    await type(el, 'ms-description', 'x'.repeat(2001));
    await click(el, 'button.ms-save');
    await el.updateComplete;
    const expected: Record<string, string> = {
      'ms-name': 'Name is required.',
      'ms-description': 'Description is too long',
      'ms-target_date': 'Target date is required.',
      'ms-achieved_date': 'Achieved date cannot be in the future.',
    };
    for (const [id, message] of Object.entries(expected)) {
      const input = q(el, `#${id}`);
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      expect(q(el, `#${input.getAttribute('aria-describedby')}`).textContent, id).to.include(
        message,
      );
    }
    expect(root(el).activeElement?.id).to.equal('ms-name');
    expect(q(el, '[role="status"]').textContent).to.include('The milestone was not saved.');
    await expect(el).to.be.accessible();
    expect(await milestonesOf(customerId)).to.have.length(count);
    // Cancel closes the form and gives focus back to Add.
    await click(el, 'button.ms-cancel');
    expect(root(el).querySelector('.ms-form')).to.equal(null);
    await el.updateComplete;
    expect(root(el).activeElement?.className).to.include('ms-add');
  });

  it('shows the conflict view for a milestone changed elsewhere and overwrites keeping my edit', async () => {
    const name = `Conflict ${uid()}`;
    const m = await csm().createMilestone({
      customerId,
      idempotencyKey: crypto.randomUUID(),
      body: { name, target_date: '2027-03-31' },
    });
    const el = await editor();
    item(el, name).querySelector<HTMLButtonElement>('button.ms-edit')!.click();
    await el.updateComplete;
    await csm().updateMilestone({
      milestoneId: m.id,
      ifMatch: m.version,
      body: { name: `${name} (renamed)`, target_date: '2027-03-31', status: 'at_risk' },
    });
    await type(el, 'ms-description', 'Mine');
    await click(el, 'button.ms-save');
    await until(() => root(el).querySelector('.ms-form .conflict') !== null, 'conflict', 15_000);
    const conflict = q(el, '.ms-form .conflict').textContent ?? '';
    expect(conflict).to.include('This milestone changed on the server');
    expect(conflict).to.include('Name, Status');
    expect(q<HTMLTextAreaElement>(el, '#ms-description').value).to.equal('Mine');
    await expect(el).to.be.accessible();
    const saved = nextEvent(el, 'success-milestone-saved');
    await click(el, 'button.ms-overwrite');
    const stored = (await saved).detail.milestone;
    expect(stored.description).to.equal('Mine');
    expect(stored.version).to.equal(m.version + 2);
  });

  it('builds bodies the SDK schema accepts and flags a future achieved date', () => {
    const body = milestoneBody({
      name: ' Go-live ',
      description: '',
      target_date: '2026-05-01',
      achieved_date: '',
      status: 'at_risk',
      goal_id: '',
    });
    expect(body).to.deep.equal({
      name: 'Go-live',
      description: '',
      goal_id: null,
      target_date: '2026-05-01',
      achieved_date: null,
      status: 'at_risk',
    });
    expect(validateMilestone(body, true, '2026-01-01').size).to.equal(0);
    const late = { ...body, achieved_date: '2026-01-02' };
    expect([...validateMilestone(late, false, '2026-01-01')]).to.deep.equal([
      ['achieved_date', 'Achieved date cannot be in the future.'],
    ]);
    expect(
      validateMilestone({ ...body, target_date: '2026-13-40' }, true, '2026-01-01').get(
        'target_date',
      ),
    ).to.equal('Target date must be a valid date.');
  });
});
