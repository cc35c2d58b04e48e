// The demo host page's layout (issue 14, "Layout"): its favicon, the customer list collapsed on
// a phone, and the portfolio grid using the page's height. Each page runs in its own tab on the
// reference server (testing/reference-server.mjs, `demo-favicon`, `demo-narrow`,
// `demo-portfolio-height`).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { PAGE_MESSAGES, pageText } from '../../../examples/host-page/page-messages.js';
import { SHARE_MESSAGES, shareText } from '../../../examples/host-page/share-messages.js';
import { describe, it } from './testing/mocha.js';

interface NarrowState {
  toggle: { text: string; expanded: string | null; visible: boolean } | null;
  listVisible: boolean;
  options: number;
  focused: string | null;
  customerName: string;
  overviewCustomer: string | null;
  successPanelShown: boolean;
  successPanel: { top: number; height: number };
  firstInPanel: { top: number; height: number } | null;
  pageWidth: number;
}

describe('demo host page: layout', () => {
  it('declares an SVG favicon the server serves, and no request of the page fails', async () => {
    const r = await executeServerCommand<
      {
        icons: { href: string; type: string | null }[];
        fetched: { status: number; type: string | null; bytes: number } | null;
        failed: string[];
        violations: string[];
      },
      undefined
    >('demo-favicon');
    expect(r.icons.length).to.equal(1);
    expect(r.fetched?.status).to.equal(200);
    expect(r.fetched?.type).to.match(/^image\//);
    expect(r.fetched?.bytes).to.be.greaterThan(50);
    // No /favicon.ico 404 (or any other) in the console, nothing the CSP refused.
    expect(r.failed).to.deep.equal([]);
    expect(r.violations).to.deep.equal([]);
  });

  it('at 390 px collapses the customer list into a picker naming the customer; picking Globex by keyboard shows its Success tab', async () => {
    const r = await executeServerCommand<
      {
        closed: NarrowState;
        axeClosed: string[];
        opened: NarrowState;
        axeOpen: string[];
        filtered: NarrowState;
        chosen: NarrowState;
        reopened: NarrowState;
        escaped: NarrowState;
        tapped: NarrowState;
      },
      undefined
    >('demo-narrow');
    // Collapsed: one button that names the customer on view, no 38-name list above the tab.
    expect(r.closed.toggle?.visible).to.equal(true);
    expect(r.closed.toggle?.expanded).to.equal('false');
    expect(r.closed.toggle?.text).to.include('Acme Corp');
    expect(r.closed.listVisible).to.equal(false);
    expect(r.closed.successPanelShown).to.equal(true);
    expect(r.closed.firstInPanel?.top).to.be.below(300);
    expect(r.closed.pageWidth).to.be.at.most(390);
    expect(r.axeClosed).to.deep.equal([]);
    // Enter opens it with the search field focused; every customer is there.
    expect(r.opened.toggle?.expanded).to.equal('true');
    expect(r.opened.listVisible).to.equal(true);
    expect(r.opened.focused).to.equal('search');
    expect(r.opened.options).to.be.greaterThan(30);
    expect(r.axeOpen).to.deep.equal([]);
    // Typing filters; ArrowDown goes from the field to the first match.
    expect(r.filtered.options).to.be.at.least(1);
    expect(r.filtered.focused).to.include('Globex');
    // Enter picks it: the list collapses, the button names Globex and has focus again.
    expect(r.chosen.customerName).to.include('Globex');
    expect(r.chosen.overviewCustomer).to.equal('cus_globex');
    expect(r.chosen.successPanelShown).to.equal(true);
    expect(r.chosen.toggle?.expanded).to.equal('false');
    expect(r.chosen.toggle?.text).to.include('Globex');
    expect(r.chosen.listVisible).to.equal(false);
    expect(r.chosen.focused).to.equal('customers-toggle');
    expect(r.chosen.firstInPanel?.top).to.be.below(300);
    // Escape closes it again and returns focus to the button.
    expect(r.reopened.toggle?.expanded).to.equal('true');
    expect(r.escaped.toggle?.expanded).to.equal('false');
    expect(r.escaped.listVisible).to.equal(false);
    expect(r.escaped.focused).to.equal('customers-toggle');
    // By pointer too: tapping Acme Corp in the opened list shows it and folds the list.
    expect(r.tapped.overviewCustomer).to.equal('cus_acme');
    expect(r.tapped.toggle?.text).to.include('Acme Corp');
    expect(r.tapped.toggle?.expanded).to.equal('false');
    expect(r.tapped.listVisible).to.equal(false);
    expect(r.tapped.successPanelShown).to.equal(true);
  });

  it('at 1280 x 900 gives the portfolio grid a scroll area of most of the viewport height', async () => {
    const r = await executeServerCommand<
      {
        viewport: number;
        clientHeight: number;
        scrollHeight: number;
        overflowY: string;
        top: number;
      },
      undefined
    >('demo-portfolio-height');
    expect(r.viewport).to.equal(900);
    expect(r.overflowY).to.equal('auto');
    expect(r.clientHeight).to.be.at.least(0.7 * r.viewport);
    // It is still a scroller that fits the viewport, not the page grown to every row.
    expect(r.clientHeight).to.be.at.most(r.viewport);
    expect(r.scrollHeight).to.be.greaterThan(r.clientHeight);
  });
});

interface PageWords {
  texts: string[];
  listStatus: string;
  lang: string;
}

// Issue 14, "Languages": the Locale picker switches the host page's own words too, not only the
// elements'. Run by hand in a browser, the page in de-DE read "Signed in as", "Locale", the tabs
// and "38 of 38 customers" in English.
describe('demo host page: its own words', () => {
  const locales = ['de-DE', 'fr-FR', 'es-ES', 'ja-JP'];

  it('follow the Locale picker in every shipped language: not one English label left', async function () {
    (this as { timeout(ms: number): void }).timeout(40_000);
    const r = await executeServerCommand<
      { words: Record<string, PageWords>; failed: string[] },
      { locales: string[] }
    >('demo-words', { locales });
    const english = r.words['en-US']!;
    expect(english.texts).to.include.members(['Signed in as', 'Locale', 'Success', 'Health']);
    expect(english.listStatus).to.match(/^\d+ of \d+ customers$/);
    for (const locale of locales) {
      const mine = r.words[locale]!;
      // What a language writes as English does ("PDF", German "Portfolio"), and the languages'
      // own names in the picker, may stay; any other English text of the page is a miss.
      const same = new Set(['CSCX', 'English (US)', 'Deutsch', 'Français', 'Español', '日本語']);
      for (const [table, text] of [
        [PAGE_MESSAGES, pageText(locale)],
        [SHARE_MESSAGES, shareText(locale)],
      ] as const) {
        for (const [key, en] of Object.entries(table.en)) {
          const t = (text as Readonly<Record<string, unknown>>)[key];
          if (typeof en === 'string' && t === en) same.add(en);
        }
      }
      const left = mine.texts.filter(
        (t) => /[A-Za-z]{2,}/.test(t) && english.texts.includes(t) && !same.has(t),
      );
      expect(left, `${locale} still English`).to.deep.equal([]);
      expect(mine.lang).to.equal(locale);
      expect(mine.texts).to.include(pageText(locale).signedInAs);
      expect(mine.texts).to.include(pageText(locale).tabSuccess);
      expect(mine.listStatus).to.not.equal(english.listStatus);
      expect(mine.listStatus).to.match(/\d+/);
    }
    expect(r.words['de-DE']!.listStatus).to.match(/^\d+ von \d+ Kunden$/);
    expect(r.failed).to.deep.equal([]);
  });
});
