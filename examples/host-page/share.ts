// The page a share link opens (/share/<token>): one customer's success overview, read-only and
// customer-facing, with its report. The link's token is the bearer token of every request, so
// the API answers it as it answers a viewer of that customer, without internal text.

import { fillText } from '@cscx/success-calc/i18n';
import { createSuccessClient, type SuccessApiError } from '@cscx/success-sdk';
import '@cscx/success-elements/define/success-provider.js';
import '@cscx/success-elements/define/success-overview.js';
import '@cscx/success-elements/define/goal-progress.js';
import { shareText } from './share-messages.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<HTMLElement & { token: string; locale: string }>('provider');
const overview = $<HTMLElement>('overview');
const goalView = $<HTMLElement>('goal-view');
const goal = $<HTMLElement>('goal');
const localeSelect = $<HTMLSelectElement>('locale');
const reportFormat = $<HTMLSelectElement>('report-format');

const token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
let expiresAt: string | null = null;

function words() {
  const t = shareText(localeSelect.value);
  const locale = localeSelect.value;
  $('shared-by').textContent = t.sharedBy;
  $('report-as').textContent = t.reportAs;
  $('settings').setAttribute('aria-label', t.settings);
  $('locale-label').textContent = t.language;
  // The formats by their words in the page's language; the values stay the API's.
  const formats: Readonly<Record<string, string>> = {
    html: t.formatHtml,
    pdf: t.formatPdf,
    ppt: t.formatPpt,
  };
  for (const option of reportFormat.options)
    option.textContent = formats[option.value] ?? option.textContent;
  $('back').textContent = t.back;
  $('expires').textContent = expiresAt
    ? fillText(t.expires, {
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(expiresAt)),
      })
    : '';
}

async function load() {
  provider.setAttribute('base-url', location.origin);
  provider.token = token;
  const client = createSuccessClient({ baseUrl: location.origin, token });
  try {
    // The link's scope is its one customer.
    const page = await client.listCustomers({ limit: 1 });
    const customer = page.items[0];
    if (!customer) return;
    document.title = customer.name;
    $('customer-name').textContent = customer.name; // data is text, never HTML
    overview.setAttribute('customer-id', customer.id);
  } catch (e) {
    const problem = $('problem');
    problem.hidden = false;
    problem.textContent = fillText(shareText(localeSelect.value).gone, {
      reason: (e as SuccessApiError).problem?.detail ?? (e as Error).message,
    });
  }
}

// When the link stops working, as the server wrote it into the page.
const expiresMeta = document.querySelector<HTMLMetaElement>('meta[name="share-expires"]');
expiresAt = expiresMeta?.content ?? null;

overview.addEventListener('success-goal-select', (e) => {
  goal.setAttribute('goal-id', e.detail.goalId);
  overview.hidden = true;
  goalView.hidden = false;
  $('back').focus();
});
$('back').addEventListener('click', () => {
  goalView.hidden = true;
  overview.hidden = false;
  overview.focus();
});
localeSelect.addEventListener('change', () => {
  provider.locale = localeSelect.value;
  document.documentElement.lang = localeSelect.value;
  words();
});
const applyReportFormat = () => overview.setAttribute('report-format', reportFormat.value);
reportFormat.addEventListener('change', applyReportFormat);
applyReportFormat();
words();
void load();
