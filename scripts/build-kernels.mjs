// The engine's own WebAssembly kernels (lib/engine/kernels/assembly/), compiled from source by AssemblyScript: a
// SIMD128 build and a relaxed-SIMD build of each; the engine picks by feature detection (WebAssembly.validate).
// `npm run build:kernels` writes them to public/kernels/; tests and benches compile them in memory.
import asc from 'assemblyscript/asc';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = path.join(ROOT, 'lib', 'engine', 'kernels', 'assembly');
export const KERNELS = ['matmul-integer', 'projection'];
export const BUILDS = { simd: ['simd'], relaxed: ['simd', 'relaxed-simd'] };

/** { [kernel]: { simd: Uint8Array, relaxed: Uint8Array } } */
export async function buildKernels() {
  const out = {};
  for (const kernel of KERNELS) {
    const source = readFileSync(path.join(SOURCES, `${kernel}.ts`), 'utf8');
    out[kernel] = {};
    for (const [build, enable] of Object.entries(BUILDS)) {
      const { error, stderr, binary } = await asc.compileString(
        { [`${kernel}.ts`]: source },
        { optimizeLevel: 3, shrinkLevel: 0, runtime: 'stub', noAssert: true, enable },
      );
      if (error || !binary) throw new Error(`${kernel} (${build}): ${error?.message ?? ''}\n${stderr.toString()}`);
      out[kernel][build] = binary;
    }
  }
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const dir = path.join(ROOT, 'public', 'kernels');
  mkdirSync(dir, { recursive: true });
  for (const [kernel, builds] of Object.entries(await buildKernels()))
    for (const [build, binary] of Object.entries(builds)) {
      writeFileSync(path.join(dir, `${kernel}.${build}.wasm`), binary);
      console.log(`public/kernels/${kernel}.${build}.wasm: ${binary.length} bytes`);
    }
}
