// The full-size stand-in (scripts/make-standin-model.py: the real architecture and vocabulary size, random
// weights), built once into the git-ignored bench/standin/ for bench:full and for the tests that need full size.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const STANDIN_DIR = path.join(ROOT, 'bench/standin');
export const STANDIN_ID = 'standin-marian-nl-en';

/** `dir` and `script`: another layout's stand-in (bench:full's `own`, from the scripts of an earlier commit). */
export function ensureStandIn(dir = path.join(STANDIN_DIR, STANDIN_ID), script = 'scripts/make-standin-model.py') {
  const complete = () => existsSync(path.join(dir, 'onnx/decoder_model_merged_fp16.onnx')); // written last
  if (complete()) return dir;
  // Built aside and renamed into place: test files run in parallel, and one must never read another's half-written
  // folder. If two build at once, the first rename wins and the other's copy is dropped.
  const aside = `${dir}.building-${process.pid}`;
  console.log('building the full-size stand-in (about a minute)…');
  execFileSync('/usr/bin/python3', [script, aside], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, LD_LIBRARY_PATH: '/usr/lib/x86_64-linux-gnu/openblas-pthread' },
  });
  if (!complete()) rmSync(dir, { recursive: true, force: true }); // a folder left half-built by an older run
  try {
    renameSync(aside, dir);
  } catch (err) {
    if (!complete()) throw err;
    rmSync(aside, { recursive: true, force: true });
  }
  return dir;
}
