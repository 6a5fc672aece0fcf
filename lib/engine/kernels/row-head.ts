/**
 * The head of a decoding step (assembly/row-head.ts): one row's log-sum-exp and its best tokens, in WebAssembly.
 * Its build is embedded (row-head.generated.ts, 2 KB) and compiled synchronously, so the worker and Node have it
 * at once, with no file to serve. Where WebAssembly SIMD is missing (Safari before 16.4) `create` returns null
 * and the loop keeps its JavaScript.
 */
import { KernelMemory } from './kernel-memory';
import { ROW_HEAD_WASM } from './row-head.generated';

interface Exports {
  memory: WebAssembly.Memory;
  rowHead(
    logits: number,
    vocab: number,
    keep: number,
    margin: number,
    tokens: number,
    values: number,
    sum: number,
  ): number;
}

export interface HeadOfRow {
  /** The row's largest logit. */
  max: number;
  /** Σ e^(x − max) over the row, in double precision (its log-sum-exp is max + log(sum)). */
  sum: number;
  /** The `keep` best tokens by logit, best first; equal logits: the lower token first. */
  best: Int32Array;
  /** Whether a logit just outside the list is within the margin of its last one (a near-tie at the edge). */
  nearTie: boolean;
}

export class RowHead {
  private readonly memory: KernelMemory;
  private loaded: Float32Array | null = null;
  private at = 0;

  private constructor(private readonly exports: Exports) {
    this.memory = new KernelMemory(exports.memory);
  }

  /** The kernel, or null where this WebAssembly has no SIMD. */
  static create(): RowHead | null {
    const bytes = Uint8Array.from(atob(ROW_HEAD_WASM), (c) => c.charCodeAt(0));
    if (!WebAssembly.validate(bytes)) return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      env: {
        abort: () => {
          throw new Error('kernel aborted');
        },
      },
    });
    return new RowHead(instance.exports as unknown as Exports);
  }

  /**
   * Row `row` of a step's logits ([rows, vocab]), copied into the kernel's memory once per array. `margin`:
   * how close below the list's last logit another one counts as a near-tie.
   */
  head(logits: Float32Array, row: number, vocab: number, keep: number, margin = 0): HeadOfRow {
    if (this.loaded !== logits) {
      // The previous step's array is done with: its region is reused.
      this.memory.release();
      this.at = this.memory.reserve(logits.byteLength);
      this.memory.floats(this.at, logits.length).set(logits);
      this.loaded = logits;
    }
    keep = Math.min(keep, vocab);
    return this.memory.scoped(() => {
      const tokens = this.memory.reserve(4 * keep);
      const values = this.memory.reserve(4 * keep);
      const sum = this.memory.reserve(8);
      const near = this.exports.rowHead(this.at + 4 * row * vocab, vocab, keep, margin, tokens, values, sum);
      const buffer = this.exports.memory.buffer;
      return {
        max: new Float32Array(buffer, values, 1)[0]!,
        sum: new Float64Array(buffer, sum, 1)[0]!,
        best: new Int32Array(buffer, tokens, keep).slice(),
        nearTie: near > keep,
      };
    });
  }
}

let shared: RowHead | null | undefined;

/** This thread's one row head (its memory holds one step's logits at a time; decoding steps never overlap). */
export function sharedRowHead(): RowHead | null {
  if (shared === undefined) shared = RowHead.create();
  return shared;
}
