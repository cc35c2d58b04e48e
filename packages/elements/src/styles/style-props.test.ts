import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { describe, it } from '../testing/mocha.js';
import { styleProps } from './style-props.js';

/** Calls of `setAttribute('style', …)` while `run` runs: what a strict CSP blocks. */
async function styleAttributeWrites(run: () => Promise<void> | void): Promise<string[]> {
  const writes: string[] = [];
  const original = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style') writes.push(value);
    original.call(this, name, value);
  };
  try {
    await run();
  } finally {
    Element.prototype.setAttribute = original;
  }
  return writes;
}

describe('styleProps', () => {
  it('sets properties through the CSSOM, never a style attribute, on first and later renders', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    const bar = (width: string | undefined) =>
      html`<span style=${styleProps({ width, '--tone': 'red' })}></span>`;
    const writes = await styleAttributeWrites(() => {
      render(bar('40%'), host);
      render(bar('70%'), host);
    });
    expect(writes).to.deep.equal([]);
    const span = host.querySelector('span')!;
    expect(span.style.width).to.equal('70%');
    expect(span.style.getPropertyValue('--tone')).to.equal('red');
  });

  it('removes a property that is no longer given', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    const bar = (width: string | undefined) => html`<span style=${styleProps({ width })}></span>`;
    render(bar('40%'), host);
    render(bar(undefined), host);
    expect(host.querySelector('span')!.style.width).to.equal('');
  });

  it('refuses a binding other than style, where it would do nothing', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    expect(() => render(html`<span title=${styleProps({ width: '1px' })}></span>`, host)).to.throw(
      /belongs in a style attribute/,
    );
  });
});
