/**
 * The projection's second thread: a worker that instantiates the kernel's shared build on the same memory and
 * takes chunks of the vocabulary as the decoding thread does (projection-kernel.ts says how). Its source is a
 * string, started from a Blob in the browser and with `eval` in Node, so no bundler has a file to find and the
 * app has nothing more to serve. Kept to the language every engine runs without transpiling.
 */

/** Int32 slots of the control block at the start of the shared memory's reserved region. */
export const SLOT = {
  /** Bumped by the decoding thread to wake the helper: a step's chunks are ready. */
  GEN: 0,
  /** The next chunk ticket; a thread owns ticket t once its compare-exchange moved NEXT from t to t + 1. */
  NEXT: 1,
  /** Tickets done, counted by both threads; the step is over when it reaches END. */
  COMPLETED: 2,
  /** Set by the helper once its instance runs: until then the decoding thread does every chunk itself. */
  READY: 3,
  END: 4,
  /** The first ticket of this step, and the vocabulary rows a ticket covers. */
  BASE: 5,
  CHUNK: 6,
  // The kernel's arguments: project(x, M, d, table, from, to, V, scale, zp, bias, out).
  X: 7,
  M: 8,
  D: 9,
  TABLE: 10,
  V: 11,
  SCALE: 12,
  ZP: 13,
  BIAS: 14,
  OUT: 15,
  STOP: 16,
} as const;
export const SLOTS = 17;

export const HELPER_SOURCE = `'use strict';
const S = ${JSON.stringify(SLOT)};
function start(data) {
  const memory = data.memory;
  const exports = new WebAssembly.Instance(data.module, { env: { memory: memory, abort: function () {} } }).exports;
  const c = new Int32Array(memory.buffer, data.control, ${SLOTS});
  const f = new Float32Array(memory.buffer, data.control, ${SLOTS});
  Atomics.store(c, S.READY, 1);
  let gen = 0;
  for (;;) {
    Atomics.wait(c, S.GEN, gen);
    gen = Atomics.load(c, S.GEN);
    if (Atomics.load(c, S.STOP)) return;
    for (;;) {
      const t = Atomics.load(c, S.NEXT);
      if (t >= Atomics.load(c, S.END)) break;
      if (Atomics.compareExchange(c, S.NEXT, t, t + 1) !== t) continue;
      const V = Atomics.load(c, S.V);
      const from = (t - Atomics.load(c, S.BASE)) * Atomics.load(c, S.CHUNK);
      exports.project(Atomics.load(c, S.X), Atomics.load(c, S.M), Atomics.load(c, S.D), Atomics.load(c, S.TABLE),
        from, Math.min(V, from + Atomics.load(c, S.CHUNK)), V, f[S.SCALE], Atomics.load(c, S.ZP),
        Atomics.load(c, S.BIAS), Atomics.load(c, S.OUT));
      Atomics.add(c, S.COMPLETED, 1);
      Atomics.notify(c, S.COMPLETED);
    }
  }
}
if (typeof self === 'object' && typeof self.postMessage === 'function') self.onmessage = function (e) { start(e.data); };
else require('node:worker_threads').parentPort.once('message', start);
`;

interface Helper {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

/** Starts the helper (a dedicated worker, or a Node worker thread), or null where this thread cannot. */
export function startHelper(): Helper | null {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (node) {
    // Hidden from bundlers: only Node has it. Unref'd: a helper waiting for work never keeps Node alive.
    const { Worker: NodeWorker } = node('node:worker_threads') as {
      Worker: new (source: string, options: { eval: true }) => Helper & { unref(): void };
    };
    const worker = new NodeWorker(HELPER_SOURCE, { eval: true });
    worker.unref();
    return worker;
  }
  // Atomics.wait is refused on a page's main thread: the engine's own thread is a worker.
  if (typeof Worker === 'undefined' || 'window' in globalThis) return null;
  // The URL is kept (a few hundred bytes): revoked at once, a browser may not have read it yet.
  return new Worker(URL.createObjectURL(new Blob([HELPER_SOURCE], { type: 'text/javascript' })));
}
