// The full-size stand-in (scripts/make-standin-model.py: the real architecture and vocabulary size, random
// weights), built once into the git-ignored bench/standin/ for bench:full and for the tests that need full size.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

// The last commit whose scripts wrote the project's own earlier layout (one [d, V] table, q8's projection int8).
const OWN_LAYOUT_COMMIT = 'f7b721a^';

/** bench:full's `own` layout: the stand-in from the scripts as they were (git show), with the same seeded weights. */
export function ensureOwnLayout() {
  const home = path.join(STANDIN_DIR, 'own-layout');
  const dir = path.join(home, STANDIN_ID);
  if (existsSync(path.join(dir, 'onnx/decoder_model_merged_fp16.onnx'))) return dir;
  console.log(`building the stand-in in the earlier layout (scripts at ${OWN_LAYOUT_COMMIT})…`);
  // The old scripts find the article texts and the tokenizer's sources beside them, as in the project.
  const scripts = path.join(home, 'scripts');
  mkdirSync(scripts, { recursive: true });
  const names = execFileSync('git', ['ls-tree', '--name-only', OWN_LAYOUT_COMMIT, 'scripts/'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  for (const name of names.split('\n').filter((n) => n.endsWith('.py'))) {
    writeFileSync(
      path.join(scripts, path.basename(name)),
      execFileSync('git', ['show', `${OWN_LAYOUT_COMMIT}:${name}`], { cwd: ROOT }),
    );
  }
  // Copies, not links: a link to tests/ would put a second copy of the specs in front of tsc and the linters.
  cpSync(path.join(ROOT, 'content'), path.join(home, 'content'), { recursive: true });
  const seed = 'tests/fixtures/seed-000_9d66e33e2d99ebe9.txt';
  cpSync(path.join(ROOT, seed), path.join(home, seed));
  return ensureStandIn(dir, path.join(scripts, 'make-standin-model.py'));
}
