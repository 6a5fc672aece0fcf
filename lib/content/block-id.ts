/**
 * Stable ids from text. The same text gives the same id on the server, in the
 * browser and across builds, so later layers (cache, corrections) can key by
 * content. Pure and synchronous: runs anywhere.
 */

/** Whitespace-insensitive, Unicode-normalised form that ids and cache keys are computed from. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** cyrb53: a fast 53-bit string hash with good spread; not cryptographic, and need not be. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** A Dutch text's key: of its stored translations, corrections, drafts and quick-open copy, everywhere. */
export function sourceHash(text: string): string {
  return hashText(normalizeText(text));
}

/** Hands out ids `s-<hash>`; a text seen again in the same article gets `-2`, `-3`… so DOM ids stay unique. */
export function createIdAllocator(prefix = 's') {
  const seen = new Map<string, number>();
  return (text: string): string => {
    const base = `${prefix}-${sourceHash(text)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}
