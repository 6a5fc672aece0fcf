import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundle, INLINE_SCRIPTS, moduleText } from '@/scripts/build-inline.mjs';

describe('the inline scripts', () => {
  it.each(INLINE_SCRIPTS.map((s) => [s.entry, s] as const))(
    'are %s as it bundles now, not a copy that drifted',
    async (_entry, script) => {
      const committed = readFileSync(script.out, 'utf8');
      expect(committed, `${script.out} is stale: run npm run build:inline`).toBe(
        moduleText(script, await bundle(script)),
      );
    },
  );
});
