// DOM helpers for browser tests: elements render into shadow roots, nested several deep (the
// overview renders the parts), so plain querySelector and textContent do not see them.

function* walk(root: Node): Generator<Element> {
  const children =
    root instanceof Element || root instanceof ShadowRoot || root instanceof Document
      ? root.children
      : [];
  for (const child of Array.from(children)) {
    yield child;
    if (child.shadowRoot) yield* walk(child.shadowRoot);
    yield* walk(child);
  }
}

/** Every element under `root`, shadow roots included, in document order. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const start = root instanceof Element && root.shadowRoot ? [root, ...walk(root.shadowRoot)] : [];
  return [...start, ...walk(root)];
}

/** Elements matching `selector` anywhere under `root`, shadow roots included. */
export function deepQueryAll<E extends Element = Element>(
  root: Element | ShadowRoot,
  selector: string,
): E[] {
  return deepElements(root).filter((e): e is E => e.matches(selector));
}

/** The first match of `selector` under `root`, shadow roots included; throws when none. */
export function deepQuery<E extends Element = Element>(
  root: Element | ShadowRoot,
  selector: string,
): E {
  const found = deepQueryAll<E>(root, selector)[0];
  if (!found)
    throw new Error(
      `no ${selector} under ${root instanceof Element ? root.localName : 'shadow root'}`,
    );
  return found;
}

/**
 * The text a user reads under `root`, shadow roots included (styles and `display: none`
 * skipped), with a space
 * between block-level boxes and none inside a line ("91/100", not "91 /100").
 */
export function deepText(root: Element | ShadowRoot): string {
  let out = '';
  const visit = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) out += child.textContent ?? '';
      else if (child instanceof Element && child.localName !== 'style') {
        const display = getComputedStyle(child).display;
        // Not rendered, not read: a label shown only in another layout, a closed panel.
        if (display === 'none') continue;
        const block = !display.startsWith('inline');
        if (block) out += ' ';
        visit(child);
        if (block) out += ' ';
      }
    }
  };
  visit(root);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The shape of the rendered DOM: each element's tag and attribute names. Two renders of the same
 * data shape, one with harmless strings and one with injection payloads, must give equal shapes.
 */
export function domShape(root: Element): string[] {
  return deepElements(root).map((e) => `${e.localName}[${e.getAttributeNames().sort().join(',')}]`);
}

/**
 * Waits until `predicate` holds, polling every 10 ms (timers, not animation frames: pages that
 * run concurrently are hidden, and hidden pages get no frames); fails after `timeout` ms.
 */
export async function until(
  predicate: () => boolean,
  message: string,
  timeout = 4000,
): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A fresh customer id the fixture API fails once (500) per path, then serves: the Retry path. */
export function flakyCustomerId(): string {
  return `cus_flaky_${Math.random().toString(36).slice(2)}`;
}

/** Resolves on the next `type` event dispatched on `target`. */
export function nextEvent<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as HTMLElementEventMap[K]), { once: true }),
  );
}
