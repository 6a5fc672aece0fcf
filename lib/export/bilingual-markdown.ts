import type { SegmentKind } from '@/lib/content/types';

export interface BilingualItem {
  kind: SegmentKind;
  nl: string;
  en: string;
}

/** Markdown special characters at the start of a line or inline would change the text's meaning. */
const escape = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** One article, Dutch and English: each Dutch block followed by its English as a quote. */
export function bilingualMarkdown(title: string, items: BilingualItem[]): string {
  const blocks = [`# ${escape(title)}`];
  for (const { kind, nl, en } of items) {
    const english = en ? `> ${escape(en)}` : '> —';
    if (kind === 'heading') blocks.push(`## ${escape(nl)}`, english);
    else if (kind === 'aside-title') blocks.push(`### ${escape(nl)}`, english);
    else blocks.push(escape(nl), english);
  }
  return `${blocks.join('\n\n')}\n`;
}
