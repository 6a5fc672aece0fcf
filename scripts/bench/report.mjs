// npm run bench's report: the figures against their targets, printed, and bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { EXTRA_FLAGS, ONLY, RUNS, median, want } from './common.mjs';

export function report(browser, { sentences, app, bare, longest, returning, first, reopen, traced, builds, weight }) {
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    chromium: browser.version(),
    runs: RUNS,
    model: 'tests/model/tiny-marian-nl-en (fp32, WASM)',
    a_seed_article: {
      app_ms: median(app),
      bare_pipeline_ms: median(bare),
      ratio: median(app) / median(bare),
      target: '<= 1.15',
      sentences: sentences.length,
      all_app_ms: app,
      all_bare_ms: bare,
    },
    b_first_visible: {
      p10_ms: median(first[10]),
      p1000_ms: median(first[1000]),
      ratio: median(first[1000]) / median(first[10]),
      target: '<= 1.2',
      all_10_ms: first[10],
      all_1000_ms: first[1000],
    },
    d_reopen_300_stored: {
      all_english_painted_ms: median(reopen.english),
      dutch_only_view_painted_ms: median(reopen.dutchOnly),
      ratio: median(reopen.english) / median(reopen.dutchOnly),
      same_load_all_dutch_painted_ms: median(reopen.dutchSameLoad),
      first_contentful_paint_ms: median(reopen.fcp),
      ratio_to_first_contentful_paint: median(reopen.english) / median(reopen.fcp),
      target: '<= 1.3',
      all_english_ms: reopen.english,
      all_dutch_only_view_ms: reopen.dutchOnly,
      all_same_load_dutch_ms: reopen.dutchSameLoad,
      all_first_contentful_paint_ms: reopen.fcp,
      painted_by_quick_open_script: reopen.quickOpened,
    },
    e_runtime_build: Object.fromEntries(
      Object.entries(builds).map(([name, runs]) => [
        name,
        {
          load_ms: median(runs.map((r) => r[0])),
          first_pass_ms: median(runs.map((r) => r[1])),
          second_pass_ms: median(runs.map((r) => r[2])),
          all: runs,
        },
      ]),
    ),
    c_longest_main_thread_task_ms: {
      target: '< 50',
      first_visit: { max: Math.max(...longest), median: median(longest), all: longest },
      returning_visit: {
        max: Math.max(...returning.longest),
        median: median(returning.longest),
        all: returning.longest,
        first_visible_1000_ms: returning.firstVisible,
      },
      traced_long_article: traced,
    },
    f_long_article_weight: {
      html_bytes: weight.htmlBytes,
      js_heap_after_gc_mib: median(weight.heapMiB),
      all_mib: weight.heapMiB,
    },
  };
  if (ONLY) console.log(JSON.stringify({ app, bare, longest, returning, first, reopen, traced, builds, weight }));
  if (!ONLY) {
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  }
  const row = (name, value, target, ok) =>
    `| ${name.padEnd(58)} | ${value.padStart(22)} | ${target.padEnd(8)} | ${ok === null ? '   ' : ok ? 'yes' : 'NO '} |`;
  const f = (x) => `${x.toFixed(0)} ms`;
  console.log(
    `\n${results.chromium}, ${results.machine.cpus} cores, median of ${RUNS} (of ${Math.max(RUNS, 9)} for (d))\n`,
  );
  console.log(`| ${'measure'.padEnd(58)} | ${'figure'.padStart(22)} | target   | met |`);
  console.log(`|${'-'.repeat(60)}|${'-'.repeat(24)}|----------|-----|`);
  const a = results.a_seed_article;
  if (want('a'))
    console.log(
      row(
        `(a) seed article: app ${f(a.app_ms)} vs bare pipeline ${f(a.bare_pipeline_ms)}`,
        `ratio ${a.ratio.toFixed(3)}`,
        '<= 1.15',
        a.ratio <= 1.15,
      ),
    );
  const b = results.b_first_visible;
  if (want('b'))
    console.log(
      row(
        `(b) first visible: 1,000 par. ${f(b.p1000_ms)} vs 10 par. ${f(b.p10_ms)}`,
        `ratio ${b.ratio.toFixed(3)}`,
        '<= 1.2',
        b.ratio <= 1.2,
      ),
    );
  const c = results.c_longest_main_thread_task_ms;
  if (want('c')) {
    console.log(
      row(
        '(c) longest main-thread stall while translating, first visit',
        f(c.first_visit.max),
        '< 50',
        c.first_visit.max < 50,
      ),
    );
    console.log(
      row(
        '    returning reader (compiled runtime in the browser cache)',
        f(c.returning_visit.max),
        '< 50',
        c.returning_visit.max < 50,
      ),
    );
  }
  if (want('c') && traced) {
    console.log(
      row(
        '    traced, long article: longest task, wall (its CPU time)',
        `${f(traced.longest_wall_ms)} (${f(traced.its_cpu_ms)})`,
        '',
        traced.longest_wall_ms < 50,
      ),
    );
    console.log(
      row(
        `    traced: longest CPU time of any task (main thread on CPU ${(100 * traced.main_thread_cpu_share).toFixed(0)}%)`,
        f(traced.longest_cpu_ms),
        '',
        traced.longest_cpu_ms < 50,
      ),
    );
    const q = traced.run_queue;
    if (q)
      console.log(
        row(
          `    traced: main thread in ${q.seconds.toFixed(1)} s, on a CPU / runnable but waiting`,
          `${f(q.on_cpu_ms)} / ${f(q.waiting_ms)}`,
          '',
          null,
        ),
      );
  }
  const d = results.d_reopen_300_stored;
  if (want('d')) {
    console.log(
      row(
        `(d) reopen 300 stored: all English ${f(d.all_english_painted_ms)} vs Dutch-only view ${f(d.dutch_only_view_painted_ms)}`,
        `ratio ${d.ratio.toFixed(3)}`,
        '<= 1.3',
        d.ratio <= 1.3,
      ),
    );
    console.log(
      row(
        `    the same load: all Dutch painted ${f(d.same_load_all_dutch_painted_ms)}`,
        `ratio ${(d.all_english_painted_ms / d.same_load_all_dutch_painted_ms).toFixed(3)}`,
        '',
        null,
      ),
    );
    console.log(
      row(
        `    the same, vs the page's first contentful paint ${f(d.first_contentful_paint_ms)}`,
        `ratio ${d.ratio_to_first_contentful_paint.toFixed(3)}`,
        '',
        null,
      ),
    );
  }
  if (want('e')) {
    const { plain, asyncify } = results.e_runtime_build;
    const e = (x) => `${f(x.load_ms)} / ${f(x.first_pass_ms)} / ${f(x.second_pass_ms)}`;
    console.log(
      `\n(e) ONNX Runtime build, fresh worker: ready / seed first pass / second pass\n    plain (the app, on wasm): ${e(plain)}\n    asyncify (transformers.js default): ${e(asyncify)}`,
    );
  }
  if (want('f')) {
    const w = results.f_long_article_weight;
    console.log(
      `\n(f) 1,000-paragraph article, hydrated, translator idle: HTML ${(w.html_bytes / 2 ** 20).toFixed(2)} MiB, JS heap after GC ${w.js_heap_after_gc_mib.toFixed(1)} MiB`,
    );
  }
  if (EXTRA_FLAGS.length) console.log(`\nChromium flags added: ${EXTRA_FLAGS.join(' ')}`);
  console.log(
    ONLY ? `\nBENCH_ONLY or BENCH_CHROMIUM_FLAGS set: bench/results.json left as it was` : '\nwrote bench/results.json',
  );
}
