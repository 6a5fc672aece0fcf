// The full-size stand-in (scripts/make-standin-model.py: the real architecture and vocabulary size, random
// weights), built once into the git-ignored bench/standin/ for bench:full and for the tests that need full size.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const STANDIN_DIR = path.join(ROOT, 'bench/standin');
export const STANDIN_ID = 'standin-marian-nl-en';

export function ensureStandIn() {
  const dir = path.join(STANDIN_DIR, STANDIN_ID);
  if (existsSync(path.join(dir, 'onnx/decoder_model_merged_fp16.onnx'))) return dir;
  console.log('building the full-size stand-in (about a minute)…');
  execFileSync('/usr/bin/python3', ['scripts/make-standin-model.py', dir], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, LD_LIBRARY_PATH: '/usr/lib/x86_64-linux-gnu/openblas-pthread' },
  });
  return dir;
}
