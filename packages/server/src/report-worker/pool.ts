// Reports rendered off the event loop. A PDF takes the thread 100-250 ms (Vega, svg-to-pdfkit,
// font subsetting): in the server's own thread every dashboard request arriving meanwhile would
// wait that long, against a metrics budget of p99 < 25 ms. The pool's workers start with the
// first report, stay warm for the next, and are replaced when one dies.
import { Worker } from 'node:worker_threads';
import { type Logger, silentLogger } from '../log.js';
import { ProblemError } from '../problem.js';
import {
  type ReportBody,
  type ReportFormat,
  type ReportJob,
  type ReportRenderer,
  renderProblem,
} from './render.js';

export interface ReportPoolOptions {
  /** Rendering threads. Default 1: reports are rare next to the dashboard's reads. */
  readonly size?: number;
  /** Reports waiting for a thread beyond those rendering; more get a 503. Default 16. */
  readonly maxQueue?: number;
  /**
   * A render taking longer is abandoned (its thread replaced) with a 500. Default 60 s. A new
   * thread gets another `startupMs` (default 60 s) for its first, as loading the renderers
   * takes seconds.
   */
  readonly timeoutMs?: number;
  readonly startupMs?: number;
  /** The worker's entry module. Default: worker.mjs beside this file. */
  readonly workerUrl?: URL;
  readonly log?: Logger;
}

interface Pending {
  readonly id: number;
  readonly job: ReportJob;
  readonly resolve: (body: ReportBody) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | undefined;
  /** When the thread started loading the renderers. */
  readonly spawnedAt: number;
  /** When the current render started: its job was handed over, or the thread became ready. */
  startedAt: number;
  /** The worker has loaded the renderers. */
  ready: boolean;
  /** Why the worker is going away, when the pool ended it. */
  ending: string | null;
}

type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly body: ReportBody }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

const DEFAULT_WORKER = new URL('./worker.mjs', import.meta.url);
// Until measured here: a warm thread's render of a typical customer (a PDF takes 100-250 ms, the
// deck about as long, the HTML a few tens), and loading the renderers into a new thread.
const RENDER_GUESS_MS: Readonly<Record<ReportFormat, number>> = { pdf: 250, ppt: 250, html: 50 };
const LOAD_GUESS_MS = 2000;

/**
 * A small pool of `node:worker_threads` that render reports. Each thread starts with the first
 * report that needs it and stays warm; a thread that crashes fails only the report it was
 * rendering (a 500) and is replaced for the next; a full queue answers 503 with Retry-After.
 * `close()` ends every thread (the server calls it on shutdown).
 *
 * @example
 * const reports = new ReportPool({ size: 1, maxQueue: 16 });
 * const app = createApp({ db, reports });
 * // on shutdown, after the HTTP server has drained:
 * await reports.close();
 */
export class ReportPool implements ReportRenderer {
  readonly #size: number;
  readonly #maxQueue: number;
  readonly #timeoutMs: number;
  readonly #startupMs: number;
  readonly #url: URL;
  readonly #log: Logger;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #seq = 0;
  #closed = false;
  /** Mean render time per format on a warm thread (loading excluded), for Retry-After. */
  readonly #renderMs: Record<ReportFormat, number> = { ...RENDER_GUESS_MS };
  readonly #measured = new Set<ReportFormat>();
  #loadMs = LOAD_GUESS_MS;
  #loadMeasured = false;

  constructor(options: ReportPoolOptions = {}) {
    const size = options.size ?? 1;
    const maxQueue = options.maxQueue ?? 16;
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`ReportPool size must be a whole number >= 1, not ${size}`);
    if (!Number.isInteger(maxQueue) || maxQueue < 0)
      throw new RangeError(`ReportPool maxQueue must be a whole number >= 0, not ${maxQueue}`);
    this.#size = size;
    this.#maxQueue = maxQueue;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#startupMs = options.startupMs ?? 60_000;
    this.#url = options.workerUrl ?? DEFAULT_WORKER;
    this.#log = options.log ?? silentLogger;
  }

  /** Threads alive now (0 before the first report and after `close()`). */
  get threads(): number {
    return this.#slots.length;
  }

  /** Renders one report on a pool thread; the bytes come back transferred, not copied. */
  render(job: ReportJob): Promise<ReportBody> {
    if (this.#closed) {
      return Promise.reject(
        new ProblemError(503, 'The server is shutting down: retry the report shortly.', [], {
          'retry-after': '5',
        }),
      );
    }
    const idle = this.#slots.some((s) => !s.busy) || this.#slots.length < this.#size;
    if (!idle && this.#queue.length >= this.#maxQueue) {
      const seconds = this.#retryAfter();
      return Promise.reject(
        new ProblemError(
          503,
          `${this.#queue.length} reports are already waiting to be rendered: retry in ${seconds} s.`,
          [],
          { 'retry-after': String(seconds) },
        ),
      );
    }
    return new Promise<ReportBody>((resolve, reject) => {
      this.#queue.push({ id: ++this.#seq, job, resolve, reject });
      this.#pump();
    });
  }

  /**
   * Ends every thread. Reports still waiting fail with a 503; one being rendered fails with a
   * 500 (the server drains its requests before calling this, so normally there are none).
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#queue.splice(0)) {
      p.reject(
        new ProblemError(503, 'The server is shutting down: retry the report shortly.', [], {
          'retry-after': '5',
        }),
      );
    }
    await Promise.all(
      this.#slots.map((s) => {
        s.ending = 'the server is shutting down';
        return s.worker.terminate();
      }),
    );
  }

  /**
   * Seconds until the reports ahead are likely rendered: what is left of each render in progress
   * (and of loading a thread that is still starting) plus each waiting report's mean render time
   * for its format, shared among the threads. Means are measured on warm threads, apart from the
   * seconds a new thread spends loading, which would otherwise inflate every estimate after it.
   */
  #retryAfter(): number {
    const now = performance.now();
    let workMs = 0;
    for (const p of this.#queue) workMs += this.#renderMs[p.job.format];
    for (const slot of this.#slots) {
      if (!slot.ready) workMs += Math.max(0, this.#loadMs - (now - slot.spawnedAt));
      if (!slot.busy) continue;
      const mean = this.#renderMs[slot.busy.job.format];
      workMs += slot.ready ? Math.max(0, mean - (now - slot.startedAt)) : mean;
    }
    return Math.min(60, Math.max(1, Math.ceil(workMs / this.#size / 1000)));
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      let slot = this.#slots.find((s) => !s.busy);
      if (!slot) {
        if (this.#slots.length >= this.#size) return;
        slot = this.#spawn();
      }
      const next = this.#queue.shift();
      if (!next) return;
      this.#start(slot, next);
    }
  }

  #start(slot: Slot, p: Pending): void {
    slot.busy = p;
    slot.startedAt = performance.now();
    slot.worker.ref();
    const limit = this.#timeoutMs + (slot.ready ? 0 : this.#startupMs);
    slot.timer = setTimeout(() => {
      slot.ending = `the render took longer than ${limit} ms`;
      void slot.worker.terminate();
    }, limit);
    slot.timer.unref();
    slot.worker.postMessage({ id: p.id, job: p.job });
  }

  #spawn(): Slot {
    // Node flags of the parent (a test runner's, `--import tsx`) are not the worker's business:
    // worker.mjs registers its own TypeScript loader.
    const worker = new Worker(this.#url, { name: 'cscx-report', execArgv: [] });
    const slot: Slot = {
      worker,
      busy: null,
      timer: undefined,
      spawnedAt: performance.now(),
      startedAt: 0,
      ready: false,
      ending: null,
    };
    this.#slots.push(slot);
    let crash: Error | undefined;
    worker.on('message', (reply: Reply) => this.#settle(slot, reply));
    worker.on('error', (e) => {
      crash = e;
    });
    worker.on('messageerror', (e) => {
      crash = e;
      void worker.terminate();
    });
    worker.on('exit', (code) => {
      clearTimeout(slot.timer);
      const at = this.#slots.indexOf(slot);
      if (at >= 0) this.#slots.splice(at, 1);
      const p = slot.busy;
      slot.busy = null;
      const why = slot.ending ?? (crash ? crash.message : `it exited with code ${code}`);
      if (p) {
        this.#log.error('report worker failed', { error: why, exit_code: code });
        p.reject(new Error(`The report renderer stopped while rendering: ${why}`));
      }
      // A replacement starts for the reports still waiting; otherwise with the next report.
      this.#pump();
    });
    worker.unref();
    return slot;
  }

  #settle(slot: Slot, reply: Reply): void {
    if ('ready' in reply) {
      const now = performance.now();
      slot.ready = true;
      this.#loadMs = ewma(this.#loadMeasured, this.#loadMs, now - slot.spawnedAt);
      this.#loadMeasured = true;
      // A job handed over while the thread loaded starts rendering now.
      if (slot.busy) slot.startedAt = now;
      return;
    }
    const p = slot.busy;
    if (!p || p.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.busy = null;
    slot.worker.unref();
    const format = p.job.format;
    const ms = performance.now() - slot.startedAt;
    this.#renderMs[format] = ewma(this.#measured.has(format), this.#renderMs[format], ms);
    this.#measured.add(format);
    if (reply.ok) p.resolve(reply.body);
    else
      p.reject(
        renderProblem(reply.name, reply.message) ??
          new Error(`Rendering the ${p.job.format} report failed: ${reply.message}`),
      );
    this.#pump();
  }
}

/** The first measurement replaces the guess; later ones move the mean by a fifth. */
function ewma(measured: boolean, mean: number, sample: number): number {
  return measured ? mean * 0.8 + sample * 0.2 : sample;
}
