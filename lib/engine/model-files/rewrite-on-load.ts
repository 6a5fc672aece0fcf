/**
 * The projection rewrite applied to every model ONNX Runtime loads for transformers.js. transformers.js hands
 * each file's bytes to `InferenceSession.create` and offers no hook in between (a runtime of our own through
 * `globalThis[Symbol.for('onnxruntime')]` would lose its device list), so the class's `create` is wrapped: the
 * bytes are rewritten, or passed on untouched with the reason, and the caller hears which.
 */
import { rewriteProjection, type KernelTable, type ProjectionRewrite, type SessionExtra } from './rewrite-projection';

export interface LoadedModel extends ProjectionRewrite {
  /** Bytes of the file as fetched, and the time the rewrite took (reading the graph, writing the new file). */
  bytes: number;
  ms: number;
  /**
   * Path 'kernel': what the engine's kernel multiplies. A view of the fetched file: copy it during the report
   * (the kernel's `load`), never keep it, or the whole file stays in memory.
   */
  table?: KernelTable;
}

type Create = (this: unknown, model: unknown, ...rest: unknown[]) => Promise<unknown>;
type Options = { extra?: Record<string, unknown> } & Record<string, unknown>;

/** The caller's options with the rewrite's session settings added to their `extra`. */
function withExtra(options: Options | undefined, add: SessionExtra): Options {
  const extra = { ...(options?.extra as SessionExtra | undefined) };
  for (const [group, entries] of Object.entries(add)) extra[group] = { ...extra[group], ...entries };
  return { ...options, extra };
}

/**
 * Wraps `session.create` (onnxruntime-web's or -node's InferenceSession); returns the function that unwraps it.
 * `read` turns a path into bytes where the runtime is given paths (Node); elsewhere a path passes untouched.
 * `kernel`: asked at each file, whether q8's product is left to the engine's kernel (the report then has its table).
 */
export function rewriteOnLoad(
  session: { create: Create },
  report: (model: LoadedModel) => void,
  read?: (path: string) => Uint8Array,
  kernel: () => boolean = () => false,
) {
  const create = session.create;
  session.create = function (this: unknown, model: unknown, ...rest: unknown[]) {
    const bytes = model instanceof Uint8Array ? model : typeof model === 'string' && read ? read(model) : null;
    if (!bytes) return create.call(this, model, ...rest);
    const started = performance.now();
    let result: ReturnType<typeof rewriteProjection>;
    try {
      result = rewriteProjection(bytes, { kernel: kernel() });
    } catch (err) {
      // Bytes this reader cannot follow: ONNX Runtime has the last word on them, as without the rewrite.
      result = {
        bytes,
        rewrite: {
          path: 'as-is',
          found: 'unknown',
          reason: `the graph could not be read (${err instanceof Error ? err.message : String(err)})`,
        },
      };
    }
    report({ ...result.rewrite, bytes: bytes.length, ms: performance.now() - started, table: result.table });
    if (result.bytes === bytes && !Object.keys(result.session ?? {}).length) return create.call(this, model, ...rest);
    const [options, ...others] = rest as [Options | undefined, ...unknown[]];
    return create.call(this, result.bytes, withExtra(options, result.session ?? {}), ...others);
  } as Create;
  return () => {
    session.create = create;
  };
}
