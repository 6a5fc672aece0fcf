import type { BilingualItem } from './bilingual-markdown';

export interface HtmlLabels {
  /** The interface language of the page that exported it, for the document's own words. */
  lang: 'nl' | 'en';
  dutch: string;
  english: string;
  /** A line under the title, e.g. "Exported from Tweetalig on 25 November 2026". */
  note: string;
  /** Said under it when some paragraphs have no English yet. */
  untranslated?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// Self-contained: no script, no external font or stylesheet; reads well on screen and on paper.
const STYLE = `
:root{color-scheme:light dark;--ink:#1d1c1a;--paper:#fbfaf7;--muted:#5f5b53;--rule:#e4e0d8}
@media (prefers-color-scheme:dark){:root{--ink:#e9e6df;--paper:#16171a;--muted:#a6a199;--rule:#2f3136}}
body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.65 Charter,'Iowan Old Style',Georgia,serif}
main{max-width:72rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .4rem}
.note{color:var(--muted);font:14px/1.5 system-ui,sans-serif;margin:0 0 2rem}
.pair{display:grid;grid-template-columns:1fr;gap:.35rem 3rem;padding:.6rem 0;break-inside:avoid}
.head{font:600 12px/1 system-ui,sans-serif;letter-spacing:.14em;text-transform:uppercase;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:.5rem}
.pair p,.pair h2{margin:0}
.pair>[lang=en]{white-space:pre-line}
.pair h2{font-size:1.35rem;line-height:1.3;padding-top:.8rem}
.missing{color:var(--muted)}
@media (min-width:48rem),print{.pair{grid-template-columns:1fr 1fr}}
@media (max-width:47.99rem){.head{display:none}.pair>[lang=en]{border-left:2px solid var(--rule);padding-left:.85rem}}
@media print{body{font-size:10.5pt;background:#fff;color:#000}main{padding:0;max-width:none}.note{color:#444}}
`;

/** One article as a standalone bilingual HTML file: Dutch and English side by side, corrections included. */
export function bilingualHtml(title: string, items: BilingualItem[], labels: HtmlLabels): string {
  const rows = items.map(({ kind, nl, en }) => {
    const tag = kind === 'heading' || kind === 'aside-title' ? 'h2' : 'p';
    const english = en ? `<${tag} lang="en">${escapeHtml(en)}</${tag}>` : `<p lang="en" class="missing">—</p>`;
    return `<div class="pair"><${tag} lang="nl">${escapeHtml(nl)}</${tag}>${english}</div>`;
  });
  return `<!doctype html>
<html lang="${labels.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1 lang="nl">${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(labels.note)}</p>
${labels.untranslated ? `<p class="note" role="note">${escapeHtml(labels.untranslated)}</p>\n` : ''}<div class="pair head" aria-hidden="true"><div>${escapeHtml(labels.dutch)}</div><div>${escapeHtml(labels.english)}</div></div>
${rows.join('\n')}
</main>
</body>
</html>
`;
}
