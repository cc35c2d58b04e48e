import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.js';
import { nearestIndex } from './summary.js';
import { thin } from './thin.js';

const series = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 10) }));

describe('thin', () => {
  it('returns a short series untouched', () => {
    const s = series(100);
    expect(thin(s, 100)).to.equal(s);
  });

  it('keeps at most max points, the ends, and each bucket extremes in x order', () => {
    const s = series(10_000);
    s[5000] = { x: 5000, y: 50 };
    const out = thin(s, 300);
    expect(out.length).to.be.at.most(300);
    expect(out[0]).to.equal(s[0]);
    expect(out.at(-1)).to.equal(s.at(-1));
    expect(out).to.include(s[5000]);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).to.be.above(out[i - 1]!.x);
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x by binary search', () => {
    const s = [{ x: 0 }, { x: 10 }, { x: 20 }];
    expect(nearestIndex(s, -5)).to.equal(0);
    expect(nearestIndex(s, 6)).to.equal(1);
    expect(nearestIndex(s, 14)).to.equal(1);
    expect(nearestIndex(s, 99)).to.equal(2);
    expect(nearestIndex([], 1)).to.equal(-1);
  });
});
