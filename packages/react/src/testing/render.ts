// Renders React trees into the test page with React 19's createRoot, inside act() so effects
// (where @lit/react sets element properties and listeners) have run when a call returns.
// Test-only.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

// Without it React warns that updates are not wrapped in act(), though they are.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A mounted React root: render again with new props, or unmount. */
export interface Mounted {
  readonly container: HTMLElement;
  render(node: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

const mounted = new Set<Mounted>();

/** Renders `node` into a fresh container in the page. */
export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const m: Mounted = {
    container,
    // Async act: it also waits for the microtasks the updates queued.
    render: (next) =>
      act(async () => {
        root.render(next);
      }),
    unmount: async () => {
      if (!mounted.delete(m)) return;
      await act(async () => {
        root.unmount();
      });
      container.remove();
    },
  };
  mounted.add(m);
  await m.render(node);
  return m;
}

/** Unmounts every root still mounted (an afterEach hook). */
export async function unmountAll(): Promise<void> {
  for (const m of [...mounted]) await m.unmount();
}

/** The one element of `tag` in `m`'s container; throws when there is none. */
export function only<K extends keyof HTMLElementTagNameMap>(
  m: Mounted,
  tag: K,
): HTMLElementTagNameMap[K] {
  const found = m.container.querySelectorAll(tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0]!;
}
