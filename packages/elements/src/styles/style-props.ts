import { noChange } from 'lit';
import {
  type AttributePart,
  Directive,
  directive,
  type PartInfo,
  PartType,
} from 'lit/directive.js';

/** CSS properties by their CSS names (`width`, `--fill`); `undefined` removes one. */
export type StyleProps = Readonly<Record<string, string | undefined>>;

/**
 * Lit's `styleMap` writes its first render as a `style` attribute (`setAttribute`), which a page
 * with a strict Content-Security-Policy (no `style-src-attr 'unsafe-inline'`) blocks: bar widths
 * and chart positions then vanish on a partner's page. This directive only ever sets single
 * properties through the CSSOM (`style.setProperty`), which CSP allows.
 */
class StylePropsDirective extends Directive {
  #set = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() belongs in a style attribute, as the only binding there.');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#set) {
      if (props[name] === undefined) {
        style.removeProperty(name);
        this.#set.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

/**
 * Sets inline style properties without a `style` attribute, so the elements work under a CSP
 * that forbids inline styles.
 *
 * @example
 * html`<div class="fill" style=${styleProps({ width: `${pct}%` })}></div>`;
 */
export const styleProps = directive(StylePropsDirective);
