// The demo host page's alerts (issue 16): Acme's under its Success tab, acknowledged by
// keyboard; the book's under the portfolio; none to change for the viewer token. The page runs
// in its own tab on the reference server (testing/reference-server.mjs, `demo-alerts`).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { describe, it } from '../testing/mocha.js';

interface AlertsState {
  hidden: boolean;
  customer: string | null;
  rows: number;
  buttons: number;
  first: string;
  live: string;
  focused: string | null;
}

interface DemoAlerts {
  success: AlertsState;
  axeSuccess: string[];
  acknowledged: string;
  afterAck: AlertsState;
  portfolio: AlertsState;
  axePortfolio: string[];
  viewer: AlertsState;
  failed: string[];
}

describe('demo host page: alerts', () => {
  it("shows Acme's alerts in the Success tab, the book's under the portfolio, and the viewer no buttons", async () => {
    const r = await executeServerCommand<DemoAlerts, undefined>('demo-alerts');
    expect(r.success.hidden).to.equal(false);
    expect(r.success.customer).to.equal('cus_acme');
    expect(r.success.rows).to.be.greaterThan(0);
    expect(r.success.buttons).to.be.greaterThan(0);
    expect(r.axeSuccess).to.deep.equal([]);
    // Enter on Acknowledge: announced, and the focus stays on that alert's Dismiss.
    expect(r.afterAck.live).to.match(/^Alert acknowledged: /);
    expect(r.afterAck.focused).to.equal('dismiss');
    // The portfolio lists every customer's alerts, each naming its customer by name, not id.
    expect(r.portfolio.hidden).to.equal(false);
    expect(r.portfolio.customer).to.equal(null);
    expect(r.portfolio.first).to.match(/Customer: \S/);
    expect(r.portfolio.first).not.to.match(/cus_/);
    expect(r.axePortfolio).to.deep.equal([]);
    // The viewer reads Acme's alerts but is offered nothing that would be refused.
    expect(r.viewer.rows).to.be.greaterThan(0);
    expect(r.viewer.buttons).to.equal(0);
    expect(r.failed).to.deep.equal([]);
  });
});
