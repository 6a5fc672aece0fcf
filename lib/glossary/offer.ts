/**
 * A glossary entry offered from a correction: when the reader's saved text replaces the same English word (or
 * words) in several places of the machine's, that replacement is likely a term. The Dutch it stands for is
 * guessed as the paragraph's Dutch word most like the machine's English (names and loans: "Navo" for "Nato"),
 * for the reader to confirm or type.
 */
import { wordDiff } from '@/lib/corrections/word-diff';

export interface TermOffer {
  /** The machine's English, and the reader's, for it. */
  from: string;
  to: string;
  /** How many times the correction made that same replacement. */
  count: number;
  /** The Dutch term guessed ('' when no Dutch word looks like it). */
  source: string;
}

const bare = (s: string) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Levenshtein similarity in [0, 1], case-insensitive. */
function similarity(a: string, b: string): number {
  const x = a.toLocaleLowerCase('nl');
  const y = b.toLocaleLowerCase('nl');
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return 1 - prev[y.length]! / Math.max(x.length, y.length, 1);
}

export function termOffer(machine: string, corrected: string, dutch: string): TermOffer | null {
  const parts = wordDiff(machine, corrected);
  const pairs = new Map<string, { from: string; to: string; count: number }>();
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    if (part.kind !== 'removed' || next?.kind !== 'added') return;
    const from = bare(part.text);
    const to = bare(next.text);
    if (!from || !to || from === to || to.split(' ').length > 6) return;
    const key = `${from}\u0000${to}`;
    const seen = pairs.get(key) ?? { from, to, count: 0 };
    seen.count++;
    pairs.set(key, seen);
  });
  const best = [...pairs.values()].filter((p) => p.count >= 2).sort((a, b) => b.count - a.count)[0];
  if (!best) return null;
  const words = [...new Set(dutch.split(/\s+/).map(bare).filter(Boolean))];
  const guess = words
    .map((w) => ({ w, s: similarity(w, best.from) }))
    .filter((c) => c.s >= 0.5)
    .sort((a, b) => b.s - a.s)[0];
  return { ...best, source: guess?.w ?? '' };
}
