// The wrappers keep the elements' lazy parts lazy: importing all of them (the package index)
// loads each element's class and registration, never the parts an element loads on first use.
// A page of its own (one file, one page), so nothing else has loaded them. React.createElement
// rather than JSX: see success-overview.test.tsx.
import { expect } from '@open-wc/testing';
import { createElement as h } from 'react';
import { scoreExample } from '../../elements/src/testing/fixtures.js';
import { deepText, until } from '../../elements/src/testing/helpers.js';
import { afterEach, describe, it } from '../../elements/src/testing/mocha.js';
import { GoalEditor, SuccessScore } from './index.js';
import { mount, only, unmountAll } from './testing/render.js';

const loaded = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

const lazyParts = [
  '/packages/elements/src/charts/vega-runtime.ts',
  '/packages/elements/src/success-trend-chart/trend-chart-view.ts',
  '/packages/elements/src/goal-progress/goal-view.ts',
  '/packages/elements/src/goal-editor/editor-body.ts',
  '/packages/elements/src/success-portfolio/portfolio-grid.ts',
  '/packages/sdk/src/client.ts',
];

describe('the wrappers and the lazy parts', () => {
  afterEach(unmountAll);

  it('load every element with the index, and none of their lazy parts', async () => {
    const m = await mount(h(SuccessScore, { score: scoreExample() }));
    const score = only(m, 'success-score');
    await score.updateComplete;
    expect(deepText(score)).to.include('91/100');
    expect(loaded()).to.include('/packages/elements/src/define/goal-editor.ts');
    expect(loaded().filter((path) => lazyParts.includes(path))).to.deep.equal([]);
  });

  it('leave a lazy part to arrive when its element first needs it', async () => {
    await mount(h(GoalEditor, { customerId: 'cus_acme' }));
    await until(
      () => loaded().includes('/packages/elements/src/goal-editor/editor-body.ts'),
      'the editor body loaded',
    );
  });
});
