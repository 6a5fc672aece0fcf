import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEntry } from '@/lib/glossary/entry';
import { parseGlossaryFile } from '@/lib/glossary/import-file';
import { toOmegatTsv } from '@/lib/glossary/omegat-tsv';
import { toTbx } from '@/lib/glossary/tbx';
import { PYTHON, python, requireTool, scratch, write, xmllint } from './tools';

const entries = [
  makeEntry({ source: 'Navo', target: 'NATO', variants: ["Navo's"], note: 'het bondgenootschap' }),
  makeEntry({ source: 'de Tweede Kamer', target: 'the House of Representatives', caseSensitive: true }),
  makeEntry({ source: 'Rutte & <co>', target: '"Rutte" & co 🇳🇱', note: 'a\u0001b' }),
];

describe('our TBX export, read by the tools terminologists use', () => {
  let file: string;
  beforeAll(() => {
    file = write(scratch('tbx'), 'glossary.tbx', toTbx(entries));
  });

  it('parses strictly in xmllint (libxml2)', () => {
    requireTool('xmllint', ['--version'], 'libxml2-utils');
    expect(xmllint(file)).toBeNull();
  });

  it('reads back every term pair and note in translate-toolkit', () => {
    requireTool(PYTHON, ['-c', 'import translate.storage.tbx'], 'python3-translate');
    const units = python<[string, string, string][]>(
      'import json,sys\nfrom translate.storage import tbx\nf = tbx.tbxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.source, u.target, u.getnotes()] for u in f.units]))',
      file,
    );
    expect(units.map(([nl, en]) => [nl, en])).toEqual(entries.map((e) => [e.source, e.target]));
    expect(units[0]![2]).toContain('het bondgenootschap');
  });

  it('imports a TBX that translate-toolkit writes (its languages always "en" and "xx": read as Dutch and English)', () => {
    const out = path.join(scratch('tbx-tt'), 'tt.tbx');
    execFileSync(PYTHON, [
      '-c',
      [
        'import sys',
        'from translate.storage import tbx',
        "f = tbx.tbxfile(sourcelanguage='nl', targetlanguage='en')",
        "u = f.addsourceunit('kabinet'); u.target = 'cabinet'",
        "u = f.addsourceunit('Tweede Kamer'); u.target = 'House of Representatives'",
        "open(sys.argv[1], 'wb').write(bytes(f))",
      ].join('\n'),
      out,
    ]);
    const { entries: read } = parseGlossaryFile('tt.tbx', readFileSync(out, 'utf8'));
    expect(read.map((e) => [e.source, e.target])).toEqual([
      ['kabinet', 'cabinet'],
      ['Tweede Kamer', 'House of Representatives'],
    ]);
  });
});

describe("OmegaT 3.6's own glossary reader and writer (GlossaryReaderTSV, from OmegaT.jar)", () => {
  let dir: string;
  const run = (...args: string[]) =>
    execFileSync(
      'java',
      ['-Djava.awt.headless=true', '-cp', `/usr/share/omegat/OmegaT.jar:${dir}`, 'ReadGlossary', ...args],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  beforeAll(() => {
    requireTool('test', ['-f', '/usr/share/omegat/OmegaT.jar'], 'omegat');
    requireTool('javac', ['-version'], 'default-jdk-headless');
    dir = scratch('omegat-glossary');
    execFileSync('javac', [
      '-cp',
      '/usr/share/omegat/OmegaT.jar',
      '-d',
      dir,
      path.resolve(import.meta.dirname, 'java/ReadGlossary.java'),
    ]);
  });

  it('loads every line of our export: each Dutch form with its English and comment', () => {
    const file = write(dir, 'glossary.txt', toOmegatTsv(entries));
    const lines = run('read', file)
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines).toEqual([
      ['Navo', 'NATO', 'het bondgenootschap'],
      ["Navo's", 'NATO', 'variant of: Navo'],
      ['de Tweede Kamer', 'the House of Representatives', '[case-sensitive]'],
      ['Rutte & <co>', '"Rutte" & co 🇳🇱', 'ab'],
    ]);
  });

  it('imports the entries OmegaT itself appends (its "Add glossary entry")', () => {
    const file = path.join(dir, 'omegat-made.txt');
    run('append', file, 'kabinet', 'cabinet', 'regering');
    run('append', file, 'Navo', 'NATO', '');
    const { entries: read } = parseGlossaryFile('omegat-made.txt', readFileSync(file, 'utf8'));
    expect(read.map((e) => [e.source, e.target, e.note])).toEqual([
      ['kabinet', 'cabinet', 'regering'],
      ['Navo', 'NATO', ''],
    ]);
  });
});
