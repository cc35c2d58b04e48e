// The demo host page: a stand-in for the CSCX app's customer-detail page, embedding the success
// elements exactly as a host would. Everything goes through the real SDK against the reference
// server that serves this page (`npm start`).
import { createSuccessClient, type SuccessApiError } from '@cscx/success-sdk';
import '@cscx/success-elements/define/success-provider.js';
import '@cscx/success-elements/define/success-overview.js';
import '@cscx/success-elements/define/success-portfolio.js';
import '@cscx/success-elements/define/goal-editor.js';
import '@cscx/success-elements/define/goal-progress.js';
import '@cscx/success-elements/define/success-health.js';
import '@cscx/success-elements/define/success-kpis.js';
import '@cscx/success-elements/define/success-alerts.js';
import { fillText } from '@cscx/success-calc/i18n';
import { pageText } from './page-messages.js';
import { shareText } from './share-messages.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<HTMLElement & { token: string; locale: string; theme: string }>('provider');
const overview = $<HTMLElement & { refresh(): Promise<void> }>('overview');
const editor = $<HTMLElement>('editor');
const editorView = $<HTMLElement>('editor-view');
const addGoal = $<HTMLButtonElement>('add-goal');
const goalView = $<HTMLElement>('goal-view');
const goal = $<HTMLElement & { refresh(): Promise<void> }>('goal');
// The customer's alerts under its dashboard, and the whole book's under the portfolio; both
// fetch again after the editor's writes (which raise alerts) and once a minute.
const alerts = $<HTMLElement>('alerts');
const portfolioAlerts = $<HTMLElement>('portfolio-alerts');
const list = $<HTMLDivElement>('customer-list');
const listStatus = $<HTMLElement>('list-status');
const search = $<HTMLInputElement>('search');
const tokenSelect = $<HTMLSelectElement>('token');
const localeSelect = $<HTMLSelectElement>('locale');
const themeButton = $<HTMLButtonElement>('theme');
const reportFormat = $<HTMLSelectElement>('report-format');
const customersNav = $<HTMLElement>('customers');
const customersToggle = $<HTMLButtonElement>('customers-toggle');

interface CustomerItem {
  id: string;
  name: string;
}
let customers: CustomerItem[] = [];
let selected = new URLSearchParams(location.search).get('customer') ?? 'cus_acme';
/** What the list's status line says: loading, the count shown, or why the list failed. */
let listState:
  | { kind: 'loading' }
  | { kind: 'shown'; count: number }
  | { kind: 'failed'; reason: string } = {
  kind: 'loading',
};

/** The page's own words in the picked locale (the elements speak theirs). */
const words = () => pageText(localeSelect.value);

function renderListStatus() {
  const t = words();
  listStatus.textContent =
    listState.kind === 'loading'
      ? t.loadingCustomers
      : listState.kind === 'failed'
        ? fillText(t.loadFailed, { reason: listState.reason })
        : fillText(
            t.listStatus,
            { count: listState.count, total: customers.length },
            localeSelect.value,
          );
}

/** The customer list's toggle and the crumb: they name the customer on view, or the portfolio. */
function renderCrumbs() {
  const t = words();
  if (!portfolioView.hidden) {
    $('crumb-name').textContent = t.portfolio;
    $('customers-toggle-label').textContent = t.customers;
    return;
  }
  const name = customers.find((c) => c.id === selected)?.name ?? selected;
  $('customers-toggle-label').textContent = fillText(t.customersOf, { name });
}

/**
 * Writes the page's words in the picked locale: each `data-t` element's text, `data-t-label`'s
 * aria-label, `data-t-placeholder`'s placeholder and `data-t-heading`'s heading attribute name a
 * key of PAGE_MESSAGES; the texts made in code (list status, crumbs, theme button) follow.
 */
function applyPageText() {
  const t = words() as Readonly<Record<string, unknown>>;
  const say = (key: string | undefined) => (key && typeof t[key] === 'string' ? t[key] : undefined);
  for (const [attr, set] of [
    [
      't',
      (el: HTMLElement, v: string) => {
        el.textContent = v;
      },
    ],
    ['tLabel', (el: HTMLElement, v: string) => el.setAttribute('aria-label', v)],
    ['tPlaceholder', (el: HTMLElement, v: string) => el.setAttribute('placeholder', v)],
    ['tHeading', (el: HTMLElement, v: string) => el.setAttribute('heading', v)],
  ] as const) {
    const name = attr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const el of document.querySelectorAll<HTMLElement>(`[data-${name}]`)) {
      const v = say(el.dataset[attr]);
      if (v !== undefined) set(el, v);
    }
  }
  document.title = words().title;
  const dark = themeButton.getAttribute('aria-pressed') === 'true';
  themeButton.textContent = dark ? words().lightTheme : words().darkTheme;
  const share = shareText(localeSelect.value);
  shareButton.textContent = share.share;
  shareCopy.textContent = share.copy;
  renderListStatus();
  renderCrumbs();
}

const shareButton = $<HTMLButtonElement>('share');
const shareResult = $<HTMLElement>('share-result');
const shareUrl = $<HTMLInputElement>('share-url');
const shareCopy = $<HTMLButtonElement>('share-copy');

/** The Success tab's "Share with customer": a 30-day read-only link to the customer's view. */
async function shareCustomer() {
  const locale = localeSelect.value;
  const t = shareText(locale);
  shareResult.hidden = false;
  shareUrl.hidden = true;
  shareCopy.hidden = true;
  $('share-text').textContent = t.sharing;
  const client = createSuccessClient({ baseUrl: location.origin, token: tokenSelect.value });
  try {
    const link = await client.createShareLink({ customerId: selected, body: {} });
    const name = customers.find((c) => c.id === selected)?.name ?? selected;
    $('share-text').textContent = fillText(t.created, {
      customer: name,
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
        new Date(link.expires_at),
      ),
    });
    shareUrl.value = link.url;
    shareUrl.hidden = false;
    shareCopy.hidden = false;
    shareCopy.textContent = t.copy;
  } catch (e) {
    $('share-text').textContent = fillText(t.failed, {
      reason: (e as SuccessApiError).problem?.detail ?? (e as Error).message,
    });
  }
}

const portfolioView = $<HTMLElement>('portfolio-view');
const customerView = $<HTMLElement>('customer-view');
const editGoal = $<HTMLButtonElement>('edit-goal');

/**
 * A viewer token is read-only (the API answers 403 to its writes): the page offers no Add or
 * Edit, and the editor, should anything open it, is read-only as well.
 */
const isViewer = () => tokenSelect.value === 'demo-viewer-token';
function applyRole() {
  const viewer = isViewer();
  addGoal.hidden = viewer || overview.hidden;
  // Sharing is the CS team's: a manager or the customer's CSM.
  shareButton.hidden = viewer;
  shareResult.hidden = true;
  editGoal.hidden = viewer;
  editor.toggleAttribute('readonly', viewer);
  alerts.toggleAttribute('readonly', viewer);
  portfolioAlerts.toggleAttribute('readonly', viewer);
}

/** The portfolio is where a CSM or manager lands; a viewer token sees one customer only. */
function showPortfolio() {
  portfolioView.hidden = false;
  customerView.hidden = true;
  renderCrumbs();
  history.replaceState(null, '', '?');
}

function showCustomer(id: string) {
  selected = id;
  shareResult.hidden = true;
  portfolioView.hidden = true;
  customerView.hidden = false;
  const name = customers.find((c) => c.id === id)?.name ?? id;
  $('customer-name').textContent = name;
  $('crumb-name').textContent = name;
  renderCrumbs();
  overview.setAttribute('customer-id', id);
  alerts.setAttribute('customer-id', id);
  if (!$('health-panel').hidden) {
    health.setAttribute('customer-id', id);
    kpis.setAttribute('customer-id', id);
  }
  showOverview();
  for (const li of list.querySelectorAll<HTMLElement>('[role=option]'))
    li.setAttribute('aria-selected', String(li.dataset.id === id));
  history.replaceState(null, '', `?customer=${encodeURIComponent(id)}`);
}

const health = $<HTMLElement>('health');
const kpis = $<HTMLElement>('kpis');
const tabs = [...document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')];

/**
 * Shows the panel of `tab` (ARIA practices' tabs, activated when focused): only the selected
 * tab is in the Tab order. The health and KPI elements get their customer only when their panel
 * shows, so a page that never opens Health never asks for either.
 */
function selectTab(tab: HTMLButtonElement) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    const panel = t.getAttribute('aria-controls');
    if (panel) $(panel).hidden = !on;
  }
  if (tab.id === 'health-tab') {
    health.setAttribute('customer-id', selected);
    kpis.setAttribute('customer-id', selected);
  }
}

$('customer-view')
  .querySelector('.tabs')
  ?.addEventListener('keydown', (e) => {
    const ev = e as KeyboardEvent;
    const enabled = tabs.filter((t) => !t.disabled);
    const i = enabled.indexOf(ev.target as HTMLButtonElement);
    if (i < 0) return;
    const to =
      ev.key === 'ArrowRight'
        ? enabled[(i + 1) % enabled.length]
        : ev.key === 'ArrowLeft'
          ? enabled[(i - 1 + enabled.length) % enabled.length]
          : ev.key === 'Home'
            ? enabled[0]
            : ev.key === 'End'
              ? enabled.at(-1)
              : undefined;
    if (!to) return;
    ev.preventDefault();
    to.focus();
    selectTab(to);
  });
for (const t of tabs) t.addEventListener('click', () => selectTab(t));

function showOverview() {
  goalView.hidden = true;
  editorView.hidden = true;
  overview.hidden = false;
  alerts.hidden = false;
  addGoal.hidden = isViewer();
}

/** The editor in place of the dashboard: a new goal for the customer, or the goal on view. */
function showEditor(goalId?: string) {
  if (isViewer()) return;
  editor.removeAttribute('goal-id');
  editor.setAttribute('customer-id', selected);
  if (goalId) editor.setAttribute('goal-id', goalId);
  overview.hidden = true;
  alerts.hidden = true;
  goalView.hidden = true;
  addGoal.hidden = true;
  editorView.hidden = false;
  editor.focus();
}

function renderList() {
  const q = search.value.trim().toLowerCase();
  const shown = customers.filter((c) => c.name.toLowerCase().includes(q)).slice(0, 300);
  list.replaceChildren(
    ...shown.map((c) => {
      const li = document.createElement('div');
      li.role = 'option';
      li.tabIndex = 0;
      li.dataset.id = c.id;
      li.textContent = c.name; // data is text, never HTML
      li.setAttribute('aria-selected', String(c.id === selected));
      return li;
    }),
  );
  listState = { kind: 'shown', count: shown.length };
  renderListStatus();
}

async function loadCustomers() {
  const client = createSuccessClient({ baseUrl: location.origin, token: tokenSelect.value });
  listState = { kind: 'loading' };
  renderListStatus();
  try {
    const all: CustomerItem[] = [];
    for await (const c of client.listCustomers.all({ limit: 500 }))
      all.push({ id: c.id, name: c.name });
    customers = all;
    if (!customers.some((c) => c.id === selected) && customers[0]) selected = customers[0].id;
    renderList();
    const landOnPortfolio =
      tokenSelect.value !== 'demo-viewer-token' &&
      !new URLSearchParams(location.search).has('customer');
    $('to-portfolio').hidden = isViewer();
    applyRole();
    if (landOnPortfolio) showPortfolio();
    else showCustomer(selected);
  } catch (e) {
    listState = {
      kind: 'failed',
      reason: (e as SuccessApiError).problem?.title ?? (e as Error).message,
    };
    renderListStatus();
  }
}

/**
 * On a phone (the toggle shows only there) the list folds behind a disclosure button naming the
 * customer on view, so the customer's tabs start near the top; on a wide page it always shows.
 */
const pickerFolds = () => customersToggle.getClientRects().length > 0;
function setPickerOpen(open: boolean, { focus = true } = {}) {
  customersNav.classList.toggle('open', open);
  customersToggle.setAttribute('aria-expanded', String(open));
  if (!focus || !pickerFolds()) return;
  if (open) search.focus();
  else customersToggle.focus();
}
customersToggle.addEventListener('click', () =>
  setPickerOpen(customersToggle.getAttribute('aria-expanded') !== 'true'),
);
customersNav.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && customersNav.classList.contains('open') && pickerFolds()) {
    e.preventDefault();
    setPickerOpen(false);
  }
});
/** A customer picked from the list: shown, and the folded picker closes behind it. */
function pickCustomer(id: string) {
  showCustomer(id);
  if (customersNav.classList.contains('open')) setPickerOpen(false);
}
search.addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowDown') return;
  const first = list.querySelector<HTMLElement>('[role=option]');
  if (!first) return;
  e.preventDefault();
  first.focus();
});

list.addEventListener('click', (e) => {
  const li = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
  if (li?.dataset.id) pickCustomer(li.dataset.id);
});
list.addEventListener('keydown', (e) => {
  const li = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
  if (!li) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    if (li.dataset.id) pickCustomer(li.dataset.id);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = (
      e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling
    ) as HTMLElement | null;
    next?.focus();
  }
});
search.addEventListener('input', renderList);

// Into a goal's detail and back: the overview asks, the host decides.
overview.addEventListener('success-goal-select', (e) => {
  goal.setAttribute('goal-id', e.detail.goalId);
  overview.hidden = true;
  alerts.hidden = true;
  addGoal.hidden = true;
  goalView.hidden = false;
  $('back').focus();
});
$('back').addEventListener('click', () => {
  showOverview();
  overview.focus();
});

addGoal.addEventListener('click', () => showEditor());
shareButton.addEventListener('click', () => void shareCustomer());
shareCopy.addEventListener('click', async () => {
  await navigator.clipboard?.writeText(shareUrl.value);
  shareCopy.textContent = shareText(localeSelect.value).copied;
});
$('to-portfolio').addEventListener('click', showPortfolio);
$('portfolio').addEventListener('success-customer-select', (e) =>
  showCustomer(e.detail.customerId),
);
overview.addEventListener('success-define-goals', () => showEditor());
editGoal.addEventListener('click', () => showEditor(goal.getAttribute('goal-id') ?? undefined));
// After a save the dashboard shows the new numbers without a page reload.
editor.addEventListener('success-goal-saved', () => {
  void overview.refresh();
  if (goal.getAttribute('goal-id')) void goal.refresh();
  showOverview();
});
editor.addEventListener('success-measurement-recorded', () => {
  void overview.refresh();
  void goal.refresh();
});
editor.addEventListener('success-milestone-saved', () => void overview.refresh());
// A deleted goal leaves the dashboard: back to it, without the goal.
editor.addEventListener('success-goal-deleted', () => {
  void overview.refresh();
  showOverview();
  overview.focus();
});
editor.addEventListener('success-cancel', showOverview);

tokenSelect.addEventListener('change', () => {
  provider.token = tokenSelect.value;
  applyRole();
  history.replaceState(null, '', '?');
  void loadCustomers();
});
localeSelect.addEventListener('change', () => {
  provider.locale = localeSelect.value;
  document.documentElement.lang = localeSelect.value;
  applyPageText();
});
// The overview's Generate report asks for this format (HTML, PDF or the PowerPoint deck). Set
// once at start too: the picker shows its first option (or the one a reload restored) while the
// element defaults to PDF, and Generate report must do what the picker says.
const applyReportFormat = () => overview.setAttribute('report-format', reportFormat.value);
reportFormat.addEventListener('change', applyReportFormat);
applyReportFormat();
themeButton.addEventListener('click', () => {
  const dark = themeButton.getAttribute('aria-pressed') !== 'true';
  themeButton.setAttribute('aria-pressed', String(dark));
  themeButton.textContent = dark ? words().lightTheme : words().darkTheme;
  provider.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
});

provider.setAttribute('base-url', location.origin);
// A reload may restore a picked locale: the provider, the page's language and words follow it.
provider.locale = localeSelect.value;
document.documentElement.lang = localeSelect.value;
applyPageText();
void loadCustomers();
