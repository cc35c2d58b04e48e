// Test helper for the "How is this computed?" disclosures (explain/explain.ts): opens one by
// keyboard, as a user would, and reads what it reveals. Test-only.
import { sendKeys } from '@web/test-runner-commands';
import { deepQueryAll, until } from './helpers.js';

/** The disclosure buttons under `root` (shadow roots included), by their accessible names. */
export function explainButtons(root: Element): HTMLButtonElement[] {
  return deepQueryAll<HTMLButtonElement>(root, 'button.explain-toggle');
}

/**
 * Focuses the disclosure button whose accessible name is `name` ("How is ROI computed?"),
 * presses `key` (Enter or Space), waits for it to expand and returns the button and the panel
 * it controls, with the panel's text.
 */
export async function openExplanation(
  root: Element,
  name: string,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<{ button: HTMLButtonElement; panel: HTMLElement; text: string }> {
  let button: HTMLButtonElement | undefined;
  await until(() => {
    button = explainButtons(root).find((b) => (b.textContent ?? '').trim() === name);
    return button !== undefined;
  }, `the "${name}" button`);
  const b = button!;
  b.focus();
  await sendKeys({ press: key });
  await until(() => b.getAttribute('aria-expanded') === 'true', `"${name}" expanded`);
  const id = b.getAttribute('aria-controls') ?? '';
  const panel = (b.getRootNode() as ShadowRoot).getElementById(id);
  if (!panel) throw new Error(`no panel #${id} for "${name}"`);
  await until(() => !panel.hidden && (panel.textContent ?? '').trim() !== '', 'panel text');
  return { button: b, panel, text: (panel.textContent ?? '').replace(/\s+/g, ' ').trim() };
}
