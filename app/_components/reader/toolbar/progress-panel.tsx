'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { formatBytes } from '@/lib/i18n/format-bytes';
import { setDoubt } from '@/lib/preferences/choices';
import { moveToDoubt } from '@/lib/reading/navigate';
import type { DownloadEvent } from '@/lib/engine/client/client';
import type { EngineError } from '@/lib/engine/shared/protocol';
import { useTranslationProgress } from '@/lib/article/use-article-translation';
import { StorageWarning } from './storage-warning';
import { useTranslationContext } from '../translation-provider';

const ERROR_KEYS = { offline: 'offline', 'not-found': 'notFound', blocked: 'blocked' } as const;

/** First visit: each model file's download. Afterwards: n of N paragraphs and words per second. */
export function ProgressPanel() {
  const t = useTranslations('Translation');
  const { translator } = useTranslationContext();
  const progress = useTranslationProgress(translator);
  const files = Object.values(progress.files);

  if (progress.phase === 'failed' && progress.error) {
    return <LoadFailure error={progress.error} onRetry={() => translator?.retry()} />;
  }

  return (
    // min-h-5: the status line's height is there from the first paint, so the article does not move down
    // when it appears (the stored English may already be on screen: see lib/quick-open/).
    <div role="status" aria-live="polite" className="min-h-5 space-y-1 text-sm text-muted">
      {(progress.storage === 'memory' || progress.storage === 'failing') && (
        <StorageWarning failing={progress.storage === 'failing'} />
      )}
      {progress.phase === 'downloading' && files.length > 0 ? (
        <Downloads files={files} />
      ) : progress.phase === 'starting' || progress.phase === 'downloading' ? (
        <p>{t('starting')}</p>
      ) : progress.phase === 'translating' || progress.phase === 'done' ? (
        <TranslationStatus />
      ) : null}
    </div>
  );
}

function TranslationStatus() {
  const t = useTranslations('Translation');
  const format = useFormatter();
  const { translator } = useTranslationContext();
  const { phase, done, total, wordsPerSecond, engine, doubtful } = useTranslationProgress(translator);
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="translation-status">
      <span className="font-medium text-ink">
        {phase === 'done' ? t('done', { total }) : t('progress', { done, total })}
      </span>
      {phase === 'translating' && (
        <span className="h-1.5 w-24 overflow-hidden rounded-full bg-rule" aria-hidden="true">
          {/* No transition: it updates ten times a second anyway, and an animated bar asked for a new frame (with
              layout and 1,000 intersection checks on a long article) sixty times a second while translating. */}
          <span
            className="block h-full origin-left bg-accent"
            style={{ transform: `scaleX(${total ? done / total : 0})` }}
          />
        </span>
      )}
      {wordsPerSecond !== null && (
        <span>{t('speed', { speed: format.number(wordsPerSecond, { maximumFractionDigits: 0 }) })}</span>
      )}
      {engine && (
        // The title says how the model's output layer runs (lib/engine/model-files/rewrite-projection.ts): a diagnostic
        // for a self-hosting reader, with the reason in the worker's console at debug level.
        <span
          className="hidden sm:inline"
          title={t('projection', {
            path: engine.projection?.found === 'direct' ? 'direct' : (engine.projection?.path ?? 'none'),
          })}
          data-projection={engine.projection?.path ?? 'none'}
        >
          {t('engine', { device: engine.device, threads: engine.threads })}
        </span>
      )}
      {doubtful > 0 && (
        // Goes to the next such sentence, and shows the marks if they were off.
        <button
          type="button"
          data-testid="doubtful-count"
          aria-keyshortcuts="d"
          onClick={() => {
            setDoubt(true);
            moveToDoubt();
          }}
          className="underline decoration-dotted underline-offset-4 hover:text-ink"
        >
          {t('doubtful', { count: doubtful })}
        </button>
      )}
    </p>
  );
}

function Downloads({ files }: { files: DownloadEvent[] }) {
  const t = useTranslations('Translation');
  const format = useFormatter();
  const mb = (bytes: number) => formatBytes(format, bytes);
  const pct = (loaded: number, total: number) =>
    format.number(total > 0 ? Math.min(1, loaded / total) : 0, { style: 'percent', maximumFractionDigits: 0 });
  const loaded = files.reduce((n, f) => n + f.loaded, 0);
  const total = files.reduce((n, f) => n + Math.max(f.total, f.loaded), 0);

  return (
    <section
      aria-label={t('downloadTitle')}
      className="rounded-lg border border-rule bg-panel px-4 py-3"
      data-testid="download-progress"
    >
      <p className="font-medium text-ink">{t('downloadTitle')}</p>
      <p className="mt-0.5 text-xs">{t('downloadNote')}</p>
      <ul className="mt-2 space-y-1.5 text-xs">
        {files.map((f) => (
          <li key={f.file} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3">
            <span className="truncate font-mono">{f.file}</span>
            <span className="tabular-nums">
              {mb(f.loaded)} / {mb(f.total)} · {pct(f.loaded, f.total)}
            </span>
            <progress
              className="col-span-2 h-1 w-full accent-[var(--color-accent)]"
              value={f.loaded}
              max={f.total || 1}
              aria-label={f.file}
            />
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs font-medium tabular-nums text-ink">
        {t('total')}: {mb(loaded)} / {mb(total)} · {pct(loaded, total)}
      </p>
    </section>
  );
}

function LoadFailure({ error, onRetry }: { error: EngineError; onRetry: () => void }) {
  const t = useTranslations('Translation');
  const key = error.code in ERROR_KEYS ? ERROR_KEYS[error.code as keyof typeof ERROR_KEYS] : 'load';
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-accent/50 bg-panel px-4 py-3 text-sm"
      data-testid="load-error"
      data-code={error.code}
    >
      <p className="min-w-0 flex-1 text-ink">{t(`error.${key}`)}</p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-full bg-ink px-4 py-1.5 font-medium text-paper hover:opacity-90"
      >
        {t('retry')}
      </button>
    </div>
  );
}
