#!/usr/bin/env node
// Finds a Chromium for the browser tests: $CHROMIUM_PATH, then Debian's `chromium` on the PATH,
// then Playwright's own download. Run directly, it stops with a message saying how to get one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, via: '$CHROMIUM_PATH' } : null;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return { path: found, via: 'PATH' };
    } catch {
      // not on the PATH
    }
  }
  return null; // let Playwright use its own browsers, if installed
}

async function playwrightHasOwnChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findChromium();
  if (found) {
    console.log(`Browser tests use Chromium at ${found.path} (from ${found.via}).`);
  } else if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
    process.exit(1);
  } else if (await playwrightHasOwnChromium()) {
    console.log("Browser tests use Playwright's own Chromium.");
  } else {
    console.error(
      [
        'No Chromium found for the browser tests. Any one of these works:',
        '  - Debian/Ubuntu: sudo apt-get install -y chromium',
        '  - set CHROMIUM_PATH=/path/to/chromium',
        '  - npx playwright install chromium (needs internet access)',
      ].join('\n'),
    );
    process.exit(1);
  }
}
