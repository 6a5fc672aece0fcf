// npm run bench's traces: main-thread tasks from Chromium's trace, and the renderer's run-queue time.
import { readdirSync, readFileSync } from 'node:fs';

export function mainThreadTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === 'bench:translating');
  if (!mark) return null;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark.pid,
  );
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.pid === mark.pid &&
      e.tid === main?.tid &&
      e.ts >= mark.ts,
  );
  if (tasks.length === 0) return null;
  const byWall = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  const byCpu = tasks.reduce((a, b) => ((b.tdur ?? 0) > (a.tdur ?? 0) ? b : a));
  const span = (Math.max(...tasks.map((t) => t.ts + t.dur)) - mark.ts) / 1000;
  return {
    tasks: tasks.length,
    longest_wall_ms: byWall.dur / 1000,
    its_cpu_ms: (byWall.tdur ?? NaN) / 1000,
    longest_cpu_ms: (byCpu.tdur ?? NaN) / 1000,
    main_thread_cpu_share: tasks.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000 / span,
  };
}

/**
 * Linux only: the page's renderer main thread, found as the renderer process that runs a dedicated worker
 * (the translator), and its scheduler counters (/proc/<pid>/task/<pid>/schedstat): time on a CPU, and time
 * runnable but waiting for one. Null elsewhere.
 */
export function rendererMainThread() {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes('--type=renderer')) continue;
      const threads = readdirSync(`/proc/${pid}/task`);
      if (threads.some((t) => readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').startsWith('DedicatedWorker')))
        return pid;
    }
  } catch {
    // not Linux, or the process went away
  }
  return null;
}
export function schedstat(pid) {
  try {
    const [cpu, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpu: cpu / 1e6, wait: wait / 1e6, at: performance.now() };
  } catch {
    return null;
  }
}

/** Imports one of the app's dependency-free TypeScript modules (Node 20 cannot strip types itself). */
