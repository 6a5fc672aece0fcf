import type { TranslationClient } from '../engine/client/client';
import type { EngineConfig } from '../engine/shared/config';
import type { TranslationStore } from '@/lib/store/types';
import type { StoredRecords } from './article-persistence';
import type { GlossarySource } from './article-glossary';

/** What an ArticleTranslator is given: the app's real parts, or a test's. */
export interface TranslatorDeps {
  fetchConfig: () => Promise<EngineConfig>;
  createClient?: (config: EngineConfig) => TranslationClient;
  openStore?: () => Promise<TranslationStore>;
  /** The article's slug, recorded with corrections (translation-memory matches elsewhere are marked). */
  article?: string;
  /** What the store holds for these segments, read ahead (during hydration); used if read under the same settings. */
  prefetched?: Promise<StoredRecords | null>;
  /** Keep a quick-open copy of the shown English under this name (lib/quick-open/): for pages that paint it. */
  quickOpen?: string;
  /** The reader's glossary (lib/store/glossary-list.ts); none: the model's own translations. */
  openGlossary?: () => Promise<GlossarySource>;
}
