import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real CAT tools, from Debian's packages (.ci/run installs them): the tests run them on our files and
 * run our importer on theirs. Missing tools fail the tests with what to install, never skip them silently.
 */
export const PYTHON = '/usr/bin/python3'; // Debian's own: translate-toolkit is installed for it

export function requireTool(command: string, args: string[], apt: string) {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error(`${command} is missing: apt-get install -y ${apt} (see .ci/run)`);
  return `${probe.stdout}${probe.stderr}`.trim().split('\n')[0] ?? '';
}

export function scratch(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `tweetalig-${prefix}-`));
}

export function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text, 'utf8');
  return file;
}

/** Runs a Python snippet with Debian's python3; its stdout as JSON. */
export function python<T>(code: string, ...args: string[]): T {
  return JSON.parse(execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8' })) as T;
}

/** xmllint's verdict on a file: null when it parses strictly, else its first complaint. */
export function xmllint(file: string): string | null {
  const run = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' });
  return run.status === 0 ? null : (run.stderr.split('\n')[0] ?? 'failed');
}
