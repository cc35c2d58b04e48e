import { afterEach, describe, expect, it } from 'vitest';
import { Spool } from './spool.js';

describe('Spool', () => {
  const escaped: unknown[] = [];
  const collect = (e: unknown) => escaped.push(e);
  afterEach(() => {
    process.off('uncaughtException', collect);
  });

  it('is disposed with rows still being written and lets no stream error escape (413 mid-upload)', async () => {
    // The import route disposes the spool when it refuses a file part-way (413, 422): rows
    // buffered before the file opened were then written to a destroyed stream, and the error,
    // with no listener, was an uncaught exception that would end the server.
    process.prependListener('uncaughtException', collect);
    for (let k = 0; k < 40; k++) {
      const spool = await Spool.create<{ name: string }>();
      const writes = Array.from({ length: 50 }, () => spool.write({ name: 'x'.repeat(100) }));
      // A few milliseconds at most: the race is the file opening while the rows wait.
      await new Promise((r) => setTimeout(r, k % 5));
      await spool.dispose();
      await Promise.allSettled(writes);
    }
    expect(escaped).toEqual([]);
  });

  it('gives back what was written, in order and in batches', async () => {
    const spool = await Spool.create<{ n: number }>();
    for (let n = 0; n < 5; n++) await spool.write({ n });
    await spool.finish();
    const batches: number[][] = [];
    for await (const b of spool.batches(2)) batches.push(b.map((r) => r.n));
    await spool.dispose();
    expect(batches).toEqual([[0, 1], [2, 3], [4]]);
    expect(spool.count).toBe(5);
  });
});
