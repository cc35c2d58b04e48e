// Filling in an element's form in its shadow root as a user would: set the control's value,
// dispatch the event a person's typing or choosing dispatches, wait for the element's update.

/** An element whose updates can be awaited (a Lit element). */
type Host = HTMLElement & { readonly updateComplete: Promise<unknown> };

/** The first match of `sel` in `el`'s shadow root; throws when there is none. */
export function q<E extends Element = HTMLElement>(el: Host, sel: string): E {
  const found = el.shadowRoot!.querySelector<E>(sel);
  if (!found) throw new Error(`no ${sel}`);
  return found;
}

/** Types `value` into the input or textarea `#id`. */
export async function type(el: Host, id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Chooses `value` in the select `#id`. */
export async function choose(el: Host, id: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Clicks the button `sel`. */
export async function click(el: Host, sel: string): Promise<void> {
  q<HTMLButtonElement>(el, sel).click();
  await el.updateComplete;
}
