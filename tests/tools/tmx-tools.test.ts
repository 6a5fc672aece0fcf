import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceHash } from '@/lib/content/block-id';
import { parseTmx, toTmx } from '@/lib/corrections/exchange/tmx';
import type { CorrectionRecord } from '@/lib/store/types';
import { PYTHON, python, requireTool, scratch, write, xmllint } from './tools';

const correction = (source: string, text: string): CorrectionRecord => ({
  sourceHash: sourceHash(source),
  source,
  text,
  status: 'edited',
  machineText: `machine \u0001 text for ${source}`,
  origin: { article: 'artikel', segment: 's-1' },
  createdAt: Date.UTC(2026, 11, 1),
  updatedAt: Date.UTC(2026, 11, 1),
  history: [],
});

// What readers really paste: a word processor's control characters, markup-like text, quotes, emoji.
const corrections = [
  correction('Kruisraketten', 'Cruise\u000Bmissiles\u0001'),
  correction('Lees ook: "Rutte" & <Kiev>', "Read also: 'Rutte' & <Kyiv> 🇺🇦"),
  correction('De kat zit op de mat. De hond blaft.', 'The cat sits on the mat.\u000C The dog barks.\u0007'),
];
// The same texts as every tool must read them back: vertical tab and form feed as line breaks, the rest dropped.
const expected = [
  ['Kruisraketten', 'Cruise\nmissiles'],
  ['Lees ook: "Rutte" & <Kiev>', "Read also: 'Rutte' & <Kyiv> 🇺🇦"],
  ['De kat zit op de mat. De hond blaft.', 'The cat sits on the mat.\n The dog barks.'],
];

describe('our TMX export, read by the tools translators use', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = scratch('tmx');
    file = write(dir, 'corrections.tmx', toTmx(corrections));
  });

  it('parses strictly in xmllint (libxml2), where one raw control character would not', () => {
    requireTool('xmllint', ['--version'], 'libxml2-utils');
    expect(xmllint(file)).toBeNull();
    const raw = write(
      dir,
      'raw.tmx',
      '<?xml version="1.0"?><tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>a\u0001b</seg></tuv></tu></body></tmx>',
    );
    expect(xmllint(raw)).not.toBeNull(); // the tool is strict: the check above means something
  });

  it('reads back the exact texts in translate-toolkit', () => {
    requireTool(PYTHON, ['-c', 'import translate.storage.tmx'], 'python3-translate');
    const units = python<[string, string][]>(
      'import json,sys\nfrom translate.storage import tmx\nf = tmx.tmxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.source, u.target] for u in f.units]))',
      file,
    );
    expect(units).toEqual(expected);
  });

  it('fills each corrected paragraph in OmegaT 3.6 (console mode, the export in tm/auto, sentence segmentation off)', () => {
    requireTool('java', ['-version'], 'default-jre');
    requireTool('test', ['-f', '/usr/share/omegat/OmegaT.jar'], 'omegat');
    const project = path.join(dir, 'omegat-project');
    for (const sub of ['source', 'target', 'tm/auto', 'omegat', 'glossary', 'dictionary'])
      mkdirSync(path.join(project, sub), { recursive: true });
    write(project, 'omegat.project', OMEGAT_PROJECT);
    write(project, 'tm/auto/tweetalig.tmx', toTmx(corrections));
    // The Dutch as a document to translate: one paragraph per correction, and one the memory does not have.
    write(project, 'source/artikel.txt', `${expected.map(([nl]) => nl).join('\n\n')}\n\nNiet in het geheugen.\n`);
    execFileSync(
      'java',
      [
        '-Djava.awt.headless=true',
        '-jar',
        '/usr/share/omegat/OmegaT.jar',
        project,
        '--mode=console-translate',
        `--config-dir=${path.join(dir, 'omegat-config')}`,
        '--disable-project-locking',
        '--no-team',
        '--quiet',
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const translated = readFileSync(path.join(project, 'target/artikel.txt'), 'utf8').trim().split(/\n\n/);
    expect(translated).toEqual([...expected.map(([, en]) => en), 'Niet in het geheugen.']);
  });
});

describe('TMX that translate-toolkit writes, imported by us', () => {
  it('po2tmx: nl-NL → en-GB units under a header that says srclang="en"', () => {
    requireTool(PYTHON, ['-c', 'import translate.convert.po2tmx'], 'python3-translate');
    const dir = scratch('po2tmx');
    const po = write(
      dir,
      'nl.po',
      'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Kruisraketten"\nmsgstr "Cruise missiles"\n\nmsgid "De <b>hond</b> blaft."\nmsgstr "The <b>dog</b> barks."\n',
    );
    execFileSync(
      PYTHON,
      [
        '-m',
        'translate.convert.po2tmx',
        '-i',
        po,
        '-o',
        path.join(dir, 'po.tmx'),
        '-l',
        'en-GB',
        '--source-language',
        'nl-NL',
        '--progress',
        'none',
      ],
      { stdio: 'pipe' },
    );
    const xml = readFileSync(path.join(dir, 'po.tmx'), 'utf8');
    expect(xml).toContain('srclang="en"');
    const { records, skipped } = parseTmx(xml);
    expect(records.map((r) => [r.source, r.text])).toEqual([
      ['Kruisraketten', 'Cruise missiles'],
      ['De <b>hond</b> blaft.', 'The <b>dog</b> barks.'],
    ]);
    expect(skipped).toEqual({ noDutch: 0, noEnglish: 0 });
  });

  it('its TMX store (what csv2tmx writes with): sentence units in upper-case language codes, one without English', () => {
    const dir = scratch('tmxstore');
    const out = path.join(dir, 'store.tmx');
    execFileSync(PYTHON, [
      '-c',
      [
        'import sys',
        'from translate.storage import tmx',
        "t = tmx.tmxfile(sourcelanguage='NL', targetlanguage='EN-US')",
        "t.addtranslation('De kat zit op de mat.', 'NL', 'The cat sits on the mat.', 'EN-US')",
        "t.addtranslation('De hond blaft.', 'NL', 'The dog barks.', 'EN-US')",
        "t.addtranslation('Nog niet vertaald.', 'NL', '', 'EN-US')",
        "open(sys.argv[1], 'wb').write(bytes(t))",
      ].join('\n'),
      out,
    ]);
    const { records, skipped } = parseTmx(readFileSync(out, 'utf8'));
    expect(records.map((r) => [r.source, r.text])).toEqual([
      ['De kat zit op de mat.', 'The cat sits on the mat.'],
      ['De hond blaft.', 'The dog barks.'],
    ]);
    expect(skipped).toEqual({ noDutch: 0, noEnglish: 1 });
  });
});

const OMEGAT_PROJECT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <source_dir_excludes/>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>nl</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneDutchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;
