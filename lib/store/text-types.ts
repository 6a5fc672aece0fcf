import type { Block } from '@/lib/content/types';

export type TextFormat = 'paste' | 'txt' | 'md' | 'html' | 'web';

/** Where a text read from the web came from. */
export interface WebSource {
  url: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
}

/** A text the reader brought: kept in this browser only, never sent to the server. */
export interface UserText {
  /** Random, URL-safe; the page address is /texts/<id>. */
  id: string;
  title: string;
  format: TextFormat;
  fileName: string | null;
  /** Set for a page opened from a web address. */
  source?: WebSource;
  blocks: Block[];
  paragraphCount: number;
  segmentCount: number;
  createdAt: number;
  updatedAt: number;
}

export type UserTextSummary = Omit<UserText, 'blocks'>;

export const TEXT_ID_PATTERN = /^[a-f0-9]{24}$/;
