// The demo host page's layout (issue 14, "Layout"): its favicon, the customer list collapsed on
// a phone, and the portfolio grid using the page's height. Each page runs in its own tab on the
// reference server (testing/reference-server.mjs, `demo-favicon`, `demo-narrow`,
// `demo-portfolio-height`).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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
