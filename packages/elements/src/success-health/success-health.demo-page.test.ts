// The demo host page's Health tab (issue 13): reached by keyboard as ARIA practices' tabs, it
// shows Acme Corp's <success-health> and <success-kpis> from the reference server's seeded
// history, axe-clean in
// the light and the dark theme. The page runs in its own tab on the reference server
// (testing/reference-server.mjs, `demo-health`).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { describe, it } from '../testing/mocha.js';

interface TabState {
  focused: string | null;
  selected: string[];
  tabbable: string[];
  healthPanel: boolean;
  successPanel: boolean;
  healthCustomer: string | null;
  kpisCustomer: string | null;
  meter: string | null;
  kpiTiles: number;
  kpiRatings: string[];
}

interface DemoHealth {
  initial: TabState;
  left: TabState;
  shown: TabState;
  text: string;
  kpisText: string;
  axeLight: string[];
  axeDark: string[];
  right: TabState;
  end: TabState;
  home: TabState;
}

describe('demo host page: the Health tab', () => {
  it("opens by keyboard and shows Acme's health and KPIs, axe-clean in both themes", async () => {
    const r = await executeServerCommand<DemoHealth, undefined>('demo-health');
    // Success is the tab a page opens on; Health asks for nothing until it is chosen.
    expect(r.initial.selected).to.deep.equal(['success-tab']);
    expect(r.initial.tabbable).to.deep.equal(['success-tab']);
    expect(r.initial.healthPanel).to.equal(false);
    expect(r.initial.healthCustomer).to.equal(null);
    expect(r.initial.kpisCustomer).to.equal(null);
    // ArrowLeft from Success skips the disabled Overview tab: Health, focused and selected.
    expect(r.left.focused).to.equal('health-tab');
    expect(r.left.selected).to.deep.equal(['health-tab']);
    expect(r.left.tabbable).to.deep.equal(['health-tab']);
    expect(r.left.healthPanel).to.equal(true);
    expect(r.left.successPanel).to.equal(false);
    expect(r.left.healthCustomer).to.equal('cus_acme');
    expect(r.left.kpisCustomer).to.equal('cus_acme');
    expect(r.shown.meter).to.match(/^\d+ of 100, Good$/);
    expect(r.text).to.include('Product usage').and.include('Account growth');
    expect(r.text).to.include('No active triggers.');
    // Every KPI of seeds 002 and 003 as a tile, rated in words.
    expect(r.shown.kpiTiles).to.equal(17);
    expect(r.kpisText).to.include('Net revenue retention').and.include('SLA compliance');
    expect(r.shown.kpiRatings.length).to.be.greaterThan(10);
    for (const rating of r.shown.kpiRatings) {
      expect(rating).to.be.oneOf(['Best in class', 'On target', 'Acceptable', 'Below minimum']);
    }
    expect(r.kpisText).not.to.match(/NaN|Infinity/);
    expect(r.axeLight).to.deep.equal([]);
    expect(r.axeDark).to.deep.equal([]);
    // ArrowRight wraps to Success and back; End and Home go to the last and first enabled tab.
    expect(r.right.selected).to.deep.equal(['success-tab']);
    expect(r.right.successPanel).to.equal(true);
    expect(r.end.focused).to.equal('success-tab');
    expect(r.home.focused).to.equal('health-tab');
    expect(r.home.healthPanel).to.equal(true);
  });
});
