import type { CSSResult, LitElement, ReactiveController } from 'lit';
import { addStyles } from './success-element.js';

/** How a host gets one lazily loaded part of itself (its form, its figure, its grid). */
export interface LazyPartOptions<M, P> {
  /**
   * Imports the part's module, e.g. `() => import('./editor-body.js')`. The loaded module is
   * cached per loader function for the whole page, so declare it once at module scope: an
   * inline arrow is a new loader per instance, and later instances would wait for a module
   * that is already there.
   */
  readonly load: () => Promise<M>;
  /** Builds this host's part from the module. Called once per host. */
  readonly create: (module: M) => P;
  /** The part's styles, adopted into the host's shadow root before the part first renders. */
  readonly styles: (module: M) => readonly CSSResult[];
}

interface Loaded {
  module: unknown;
  pending: Promise<unknown> | undefined;
}

// Keyed by the loader itself: every host using the same loader shares one import and, once it
// has arrived, renders its part synchronously.
const loaded = new WeakMap<() => Promise<unknown>, Loaded>();

function importOnce<M>(load: () => Promise<M>): Promise<M> {
  let entry = loaded.get(load);
  if (!entry) {
    entry = { module: undefined, pending: undefined };
    loaded.set(load, entry);
  }
  const e = entry;
  if (e.module !== undefined) return Promise.resolve(e.module as M);
  e.pending ??= load().then(
    (m) => {
      e.module = m;
      e.pending = undefined;
      return m;
    },
    (error: unknown) => {
      // Forgotten, so the next attempt (Retry) imports afresh.
      e.pending = undefined;
      throw error;
    },
  );
  // The entry of this loader only ever holds what this loader resolved to.
  return e.pending as Promise<M>;
}

// Every lazy part's styles on a host, in arrival order: adoptStyles replaces the host's sheets,
// so a second part on the same host must not drop the first one's.
const hostStyles = new WeakMap<LitElement, CSSResult[]>();

function adopt(host: LitElement, styles: readonly CSSResult[]): void {
  let list = hostStyles.get(host);
  if (!list) {
    list = [];
    hostStyles.set(host, list);
  }
  for (const s of styles) if (!list.includes(s)) list.push(s);
  addStyles(host, list);
}

/**
 * A part of an element that arrives with a dynamic import the first time it is needed: the
 * element's loading, empty and error states render without it, and the initial bundle does not
 * carry it. The module is imported once per page (shared by every host using the same loader);
 * a host created after that gets its part synchronously, on its first render. A failed import is
 * recorded (`failed`, for the element's error state) and forgotten, so `retry()` imports afresh.
 * When the part arrives its styles are adopted and the host is asked to update; the host's
 * `getUpdateComplete` can wait for it with `updateComplete`.
 *
 * @example
 * const loadBody = () => import('./editor-body.js');
 *
 * class GoalEditor extends SuccessElement {
 *   readonly #body = new LazyPart(this, {
 *     load: loadBody,
 *     create: (m) => new m.EditorBody(this),
 *     styles: (m) => [m.goalEditorStyles],
 *   });
 *
 *   protected override getUpdateComplete(): Promise<boolean> {
 *     return this.#body.updateComplete(() => super.getUpdateComplete());
 *   }
 *
 *   protected override render() {
 *     return this.#body.render((body) => body.render(), {
 *       loading: () => renderSkeleton('Loading editor…'),
 *       failed: (retry) => renderError({ title: 'The editor could not be loaded.', onRetry: retry }),
 *     });
 *   }
 * }
 */
export class LazyPart<M, P> implements ReactiveController {
  readonly #host: LitElement;
  readonly #options: LazyPartOptions<M, P>;
  #part: P | undefined;
  /** This host's wait for the part; kept until the part exists, dropped on failure. */
  #waiting: Promise<P | undefined> | undefined;
  #failed = false;

  constructor(host: LitElement, options: LazyPartOptions<M, P>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The part if this host has built it. Never builds it, never starts an import. */
  get value(): P | undefined {
    return this.#part;
  }

  /** True when the last import failed and none has been started since. */
  get failed(): boolean {
    return this.#failed;
  }

  /**
   * The part, importing its module first if needed. Resolves to undefined when the import
   * fails (then `failed` is true and the host has been asked to update). Calls while an import
   * is on its way share it.
   */
  load(): Promise<P | undefined> {
    const part = this.#built();
    if (part !== undefined) return Promise.resolve(part);
    if (!this.#waiting) {
      this.#failed = false;
      this.#waiting = importOnce(this.#options.load).then(
        (m) => {
          const p = this.#use(m);
          this.#host.requestUpdate();
          return p;
        },
        () => {
          this.#failed = true;
          this.#waiting = undefined;
          this.#host.requestUpdate();
          return undefined;
        },
      );
    }
    return this.#waiting;
  }

  /**
   * Renders the part when it is there (built now if another host already loaded its module),
   * else the host's error state (given a retry) after a failed import, else its loading state
   * while the import, started here if needed, is on its way.
   */
  render<T>(
    part: (part: P) => T,
    states: { readonly loading: () => T; readonly failed: (retry: () => void) => T },
  ): T {
    const p = this.#built();
    if (p !== undefined) return part(p);
    if (this.#failed) return states.failed(() => this.retry());
    void this.load();
    return states.loading();
  }

  /** Tries again after a failed import: the host shows its loading state meanwhile. */
  retry(): void {
    void this.load();
    this.#host.requestUpdate();
  }

  /**
   * The host's update completion, waiting for the part when it is on its way: callers awaiting
   * `updateComplete` (a test, a host page focusing a field) see the part's first render rather
   * than the loading state before its code arrived. Pass the host's `super.getUpdateComplete`.
   */
  async updateComplete(hostUpdateComplete: () => Promise<boolean>): Promise<boolean> {
    let done = await hostUpdateComplete();
    const waiting = this.#waiting;
    if (this.#part === undefined && waiting) {
      await waiting;
      done = await hostUpdateComplete();
    }
    return done;
  }

  hostConnected(): void {
    // The shadow root is created on the first connect: a part built before that (by a method
    // call on an unattached element) brings its styles now.
    const styles = hostStyles.get(this.#host);
    if (styles) addStyles(this.#host, styles);
  }

  // A host created after the module arrived builds its part synchronously, on first need.
  #built(): P | undefined {
    if (this.#part === undefined) {
      const m = loaded.get(this.#options.load)?.module;
      if (m !== undefined) this.#use(m as M);
    }
    return this.#part;
  }

  #use(m: M): P {
    if (this.#part === undefined) {
      // Adopted before the part's first render, so it never shows unstyled.
      adopt(this.#host, this.#options.styles(m));
      this.#part = this.#options.create(m);
      this.#failed = false;
    }
    return this.#part;
  }
}
