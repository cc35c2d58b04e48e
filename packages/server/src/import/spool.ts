import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Validated rows on their way from the upload to the transaction: a temporary NDJSON file, so
 * that an import of any size holds one batch in memory, and the database (PGlite has a single
 * connection) is held only while rows are applied, not while a slow client uploads.
 */
export class Spool<T> {
  readonly #dir: string;
  readonly #file: string;
  readonly #out: WriteStream;
  #count = 0;
  /** The file's first write error (a full disk), or a write cut short by dispose(). */
  #failed: Error | undefined;

  private constructor(dir: string) {
    this.#dir = dir;
    this.#file = join(dir, 'rows.ndjson');
    this.#out = createWriteStream(this.#file);
    // Without a listener a stream error is an uncaught exception, which ends the server: a
    // request refused mid-upload (413, 422) disposes the spool while its buffered rows are
    // still being written, and those writes then fail (ERR_STREAM_DESTROYED).
    this.#out.on('error', (e) => {
      this.#failed ??= e;
    });
  }

  static async create<T>(): Promise<Spool<T>> {
    return new Spool<T>(await mkdtemp(join(tmpdir(), 'cscx-import-')));
  }

  /** Rows written so far. */
  get count(): number {
    return this.#count;
  }

  /** Appends a row, waiting while the file's buffer is full. */
  async write(row: T): Promise<void> {
    if (this.#failed) throw this.#failed;
    this.#count++;
    if (!this.#out.write(`${JSON.stringify(row)}\n`)) await once(this.#out, 'drain');
  }

  /** Flushes and closes the file; call before {@link batches}. */
  async finish(): Promise<void> {
    if (this.#out.closed) return;
    const closed = once(this.#out, 'close');
    this.#out.end();
    await closed;
  }

  /** The rows in the order written, `size` at a time. */
  async *batches(size: number): AsyncGenerator<T[]> {
    const lines = createInterface({ input: createReadStream(this.#file), crlfDelay: Infinity });
    let batch: T[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      // Rows this process wrote itself, in this request.
      batch.push(JSON.parse(line) as T);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Removes the file (whatever happened). */
  async dispose(): Promise<void> {
    if (!this.#out.closed) {
      // Not events.once: it rejects on the 'error' a cut-short write emits before 'close'.
      const closed = new Promise<void>((done) => this.#out.once('close', () => done()));
      this.#out.destroy();
      await closed;
    }
    await rm(this.#dir, { recursive: true, force: true });
  }
}
