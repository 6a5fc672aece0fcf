#!/usr/bin/env node
// Builds the content folder the browser tests run against: every real article,
// plus generated ones that exercise limits (a 1,000-paragraph article).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const out = '.e2e/content';
rmSync('.e2e', { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync('content', out, { recursive: true });

const words = ['de', 'stad', 'rivier', 'brug', 'trein', 'markt', 'haven', 'school', 'fiets', 'regen', 'zomer', 'boek'];
const paragraphs = Array.from({ length: 1000 }, (_, i) => {
  const w = (k) => words[(i * 7 + k * 3) % words.length];
  return `Alinea ${i + 1}: over ${w(1)} en ${w(2)} gaat dit stuk, met een ${w(3)} bij de ${w(4)}. Het is een lange tekst.`;
});
writeFileSync(
  `${out}/heel-lang-artikel.md`,
  `---\ntitle: Een heel lang artikel\nsource: Testgenerator\npublished: 2020-01-01\n---\n\n${paragraphs.join('\n\n')}\n`,
);
// The same first ten paragraphs as a short article: the benchmark compares time to first translation.
writeFileSync(
  `${out}/tien-alineas.md`,
  `---\ntitle: Tien alinea's\nsource: Testgenerator\npublished: 2020-01-02\n---\n\n${paragraphs.slice(0, 10).join('\n\n')}\n`,
);
// 300 paragraphs: the benchmark reopens it with every translation stored.
writeFileSync(
  `${out}/driehonderd-alineas.md`,
  `---\ntitle: Driehonderd alinea's\nsource: Testgenerator\npublished: 2020-01-04\n---\n\n${paragraphs.slice(0, 300).join('\n\n')}\n`,
);

// An article that repeats a paragraph of the seed: corrections there are translation-memory matches here.
writeFileSync(
  `${out}/herhaling.md`,
  `---\ntitle: Herhaling\nsource: Testgenerator\npublished: 2020-01-03\n---\n\nEen nieuwe eerste alinea over iets anders.\n\nConcrete afspraken werden niet gemaakt in Kiev. Wel uitte premier Mark Rutte tijdens zijn bezoek het voornemen Oekraïne met meer middelen te ondersteunen. ‘We moeten voorkomen dat investeerders zich terugtrekken.’\n`,
);
console.log(`prepared ${out}`);

// The browser tests serve the test model from the app's own origin, as a self-hoster would
// (public/models/ is where self-hosted models live; it is git-ignored).
rmSync('public/models/tiny-marian-nl-en', { recursive: true, force: true });
mkdirSync('public/models', { recursive: true });
cpSync('tests/model/tiny-marian-nl-en', 'public/models/tiny-marian-nl-en', { recursive: true });
console.log('copied the test model to public/models/tiny-marian-nl-en');
