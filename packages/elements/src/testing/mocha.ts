// Mocha's globals, typed and imported rather than declared globally: @types/mocha is not
// installed, and global declarations would leak into the Node packages' type checks.
type Done = (error?: unknown) => void;
type Body = (this: unknown, done: Done) => unknown;
type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: Body) => void;
type Hook = (body: Body) => void;

interface MochaGlobals {
  describe: Suite & { only: Suite; skip: Suite };
  it: Test & { only: Test; skip: Test };
  before: Hook;
  after: Hook;
  beforeEach: Hook;
  afterEach: Hook;
}

const g = globalThis as unknown as MochaGlobals;
export const { describe, it, before, after, beforeEach, afterEach } = g;
