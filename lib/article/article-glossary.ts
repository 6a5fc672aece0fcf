/**
 * The reader's glossary in one article: which of its entries each paragraph contains, what the engine is
 * told for it, and the key its machine translation is stored under. A paragraph no entry touches keeps its
 * plain key (and its stored English); one an entry touches is stored under its Dutch hash and the English
 * terms required, so adding, changing or removing an entry finds (or makes) exactly those paragraphs' English.
 */
import { termsIn, termSignature, type GlossaryTerm } from '@/lib/engine/shared/terms';
import type { SentenceTranslation } from '@/lib/engine/shared/protocol';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { hashText } from '@/lib/content/block-id';
import type { ArticlePersistence } from './article-persistence';
import type { SegmentStates } from './segment-states';
import type { Request, TranslationQueue } from './translation-queue';

export interface GlossarySource {
  list(): Promise<GlossaryEntry[]>;
}

const termOf = (e: GlossaryEntry): GlossaryTerm => ({
  source: e.source,
  variants: e.variants,
  target: e.target,
  caseSensitive: e.caseSensitive,
});

/** The stored translation's key for a paragraph with Dutch hash `hash` under these required English terms. */
export function machineKeyOf(hash: string, signature: string): string {
  return signature ? `${hash}~${hashText(signature)}` : hash;
}

export class ArticleGlossary {
  private terms: GlossaryTerm[] = [];
  private signatures: string[];

  constructor(
    private readonly texts: readonly string[],
    private readonly open: (() => Promise<GlossarySource>) | null,
  ) {
    this.signatures = texts.map(() => '');
  }

  /** Reads the entries again; returns the paragraphs whose required terms changed. Never throws. */
  async load(): Promise<number[]> {
    let entries: GlossaryEntry[] = [];
    try {
      entries = this.open ? await (await this.open()).list() : [];
    } catch {
      // No glossary to be had (no IndexedDB): the model's own translations.
    }
    this.terms = entries.map(termOf);
    const changed: number[] = [];
    this.texts.forEach((text, i) => {
      const signature = termSignature(termsIn(text, this.terms).map((m) => m.term.target));
      if (signature !== this.signatures[i]) changed.push(i);
      this.signatures[i] = signature;
    });
    return changed;
  }

  /** The entries paragraph `i` contains: all the engine needs to hear with it. */
  termsFor(i: number): GlossaryTerm[] {
    return this.signatures[i] ? termsIn(this.texts[i]!, this.terms).map((m) => m.term) : [];
  }

  /** What paragraph `i` is translated under now; `shown`: its sentences on screen, kept where they can stand. */
  request(i: number, shown: SentenceTranslation[] | null): Request {
    return { terms: this.termsFor(i), tag: this.signature(i), reuse: shown ?? undefined };
  }

  signature(i: number): string {
    return this.signatures[i] ?? '';
  }

  machineKey(i: number, hash: string): string {
    return machineKeyOf(hash, this.signature(i));
  }
}

/**
 * The glossary changed: each paragraph whose required terms changed shows its English stored under them (an
 * entry removed: the model's own again), or is translated anew with them; the others keep theirs. Rejects
 * when the engine must start and cannot.
 */
export async function refreshGlossary(
  glossary: ArticleGlossary,
  states: SegmentStates,
  persistence: Pick<ArticlePersistence, 'readMachine'>,
  queue: Pick<TranslationQueue, 'remove' | 'again'>,
) {
  const changed = await glossary.load();
  const again: number[] = [];
  for (const i of changed) {
    const record = await persistence.readMachine(glossary.machineKey(i, states.hashes[i]!)).catch(() => null);
    if (!record) again.push(i);
    else {
      queue.remove(i);
      states.move(states.segments[i]!.id, 'translated', record);
    }
  }
  states.countDone();
  await queue.again(again);
}
