import type { SuccessClient } from '@cscx/success-sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AtRiskGoal, Segment } from './portfolio-model.js';

/** How many at-risk goals one "Show more" adds (one API page). */
export const AT_RISK_PAGE = 50;

/** Where the at-risk goals come from: the API, page by page, or a list the page gave. */
export type AtRiskSource =
  | {
      readonly kind: 'api';
      readonly client: SuccessClient;
      readonly csmId: string | undefined;
      readonly segment: Segment | undefined;
    }
  | { readonly kind: 'given'; readonly goals: readonly AtRiskGoal[] };

/**
 * The portfolio's at-risk goals, one page at a time: the first when the list is opened, each
 * next one when the user asks for more (`listAtRiskGoals` and its `next_cursor`), so the DOM
 * holds only what was asked for. A given list is revealed the same way, a page at a time.
 * Pages on their way are aborted when the source changes or the host disconnects.
 */
export class AtRiskPages implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onError: (error: unknown) => void;
  #source: AtRiskSource | undefined;
  #sourceKey: unknown[] = [];
  #items: readonly AtRiskGoal[] = [];
  #shown = 0;
  #cursor: string | null = null;
  #started = false;
  #abort: AbortController | undefined;

  /** 'idle' before the first page is asked for; 'error' keeps the goals already shown. */
  status: 'idle' | 'pending' | 'complete' | 'error' = 'idle';
  error: unknown;

  constructor(host: ReactiveControllerHost, onError: (error: unknown) => void) {
    this.#host = host;
    this.#onError = onError;
    host.addController(this);
  }

  hostDisconnected(): void {
    // A page still on its way when the element leaves is not wanted; a reconnect asks again.
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#reset();
    }
  }

  /** The goals shown so far, in the API's order (customer name, customer id, goal id). */
  get items(): readonly AtRiskGoal[] {
    return this.#source?.kind === 'given' ? this.#items.slice(0, this.#shown) : this.#items;
  }

  /** Whether more goals can be shown. */
  get hasMore(): boolean {
    return this.#source?.kind === 'given'
      ? this.#shown < this.#items.length
      : this.#cursor !== null || !this.#started;
  }

  /** Sets where the goals come from; a different source starts over (nothing is fetched yet). */
  setSource(source: AtRiskSource | undefined): void {
    const key =
      source === undefined
        ? []
        : source.kind === 'api'
          ? [source.kind, source.client, source.csmId, source.segment]
          : [source.kind, source.goals];
    if (key.length === this.#sourceKey.length && key.every((k, i) => k === this.#sourceKey[i]))
      return;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#source = source;
    this.#sourceKey = key;
    this.#reset();
  }

  /** Shows the first page, unless it was asked for already. */
  start(): void {
    if (!this.#started) void this.more();
  }

  /** Shows the next page: the next slice of a given list, or the next page from the API. */
  async more(): Promise<void> {
    const source = this.#source;
    if (!source || this.status === 'pending') return;
    this.#started = true;
    if (source.kind === 'given') {
      this.#items = source.goals;
      this.#shown = Math.min(this.#items.length, this.#shown + AT_RISK_PAGE);
      this.status = 'complete';
      this.#host.requestUpdate();
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.status = 'pending';
    this.#host.requestUpdate();
    try {
      const page = await source.client.listAtRiskGoals(
        {
          limit: AT_RISK_PAGE,
          ...(source.csmId ? { csm_id: source.csmId } : {}),
          ...(source.segment ? { segment: source.segment } : {}),
          ...(this.#cursor ? { cursor: this.#cursor } : {}),
        },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      // A server that hands back the cursor it was given would never finish: stop there.
      if (page.next_cursor !== null && page.next_cursor === this.#cursor)
        throw new Error('pagination: the server repeated a cursor');
      this.#items = [...this.#items, ...page.items];
      this.#cursor = page.next_cursor;
      this.status = 'complete';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
      this.#onError(error);
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#host.requestUpdate();
    }
  }

  #reset(): void {
    this.#items = [];
    this.#shown = 0;
    this.#cursor = null;
    this.#started = false;
    this.status = 'idle';
    this.error = undefined;
  }
}
