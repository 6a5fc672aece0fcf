import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbidden, roomOf } from '@/scripts/house-rooms.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? spec.slice(2)
    : spec.startsWith('.')
      ? path.join(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts'])
    if (existsSync(path.join(ROOT, base + ext)) && /\.tsx?$/.test(base + ext)) return path.normalize(base + ext);
  return null;
}

/** Every import between the house's own files: file → the files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sources('lib'), ...sources('app'), 'proxy.ts']) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const specs = [
      ...text.matchAll(
        /(?:^|\n)\s*(?:import|export)[^'";]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm,
      ),
    ];
    graph.set(
      file,
      specs.map((m) => resolve(file, m[1] ?? m[2] ?? m[3]!)).filter((t): t is string => t !== null),
    );
  }
  return graph;
}

/** Strongly connected components with more than one member (or a member importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const meta = new Map<string, { index: number; low: number; on: boolean }>();
  const found: string[][] = [];
  const visit = (v: string) => {
    meta.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w);
        meta.get(v)!.low = Math.min(meta.get(v)!.low, meta.get(w)!.low);
      } else if (meta.get(w)!.on) meta.get(v)!.low = Math.min(meta.get(v)!.low, meta.get(w)!.index);
    }
    if (meta.get(v)!.low === meta.get(v)!.index) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        meta.get(w)!.on = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return found;
}

describe('the house (scripts/house-rooms.mjs)', () => {
  const graph = importGraph();

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between rooms, and no arrow from a lower room up', () => {
    const rooms = new Map<string, string[]>();
    const arrows: string[] = [];
    for (const [file, targets] of graph)
      for (const target of targets) {
        const [from, to] = [roomOf(file), roomOf(target)];
        const why = forbidden(file, target);
        if (why) arrows.push(`${file} → ${target}: ${why}`);
        if (from && to && from !== to) rooms.set(from, [...(rooms.get(from) ?? []), to]);
      }
    expect(arrows).toEqual([]);
    expect(cycles(rooms)).toEqual([]);
  });

  it('finds the cycles and arrows it is meant to refuse', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
    expect(forbidden('lib/store/db.ts', 'lib/quick-open/copy.ts')).toMatch(/may not import/);
    expect(forbidden('lib/engine/client/client.ts', 'lib/engine/worker/engine.ts')).toMatch(/may not import/);
    expect(forbidden('lib/article/article-translator.ts', 'lib/store/db.ts')).toBeNull();
    expect(graph.get('lib/store/db.ts')).toContain('lib/store/change-feed.ts'); // the graph sees real imports
  });
});
