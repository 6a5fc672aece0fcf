'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CorrectionFailure } from '@/lib/article/article-corrections';
import { useCoarsePointer } from '@/app/_components/use-coarse-pointer';
import { CorrectionFailureNotice } from '../editor/correction-failure';
import { inlineLink, pillButton } from '@/app/_components/ui/styles';
import { Link } from '@/lib/i18n/navigation';
import { storageFailureReason, type StorageFailureReason } from '@/lib/store/errors';

export interface AssistList {
  kind: 'alternatives' | 'gloss';
  /** What the list is about: the English sentence, or the selected Dutch. */
  subject: string;
  status: 'loading' | 'ready' | 'failed';
  items: string[];
  /** Where to show it: the sentence's or the selection's box, in page coordinates. */
  anchor: { left: number; top: number; bottom: number };
}

interface Props {
  list: AssistList;
  onChoose: (text: string) => Promise<void>;
  /** A gloss's "always translate as": adds the selected Dutch and this English to the reader's glossary. */
  onAlways?: (english: string) => Promise<void>;
  onClose: () => void;
  onRetry: () => void;
}

/**
 * A small list under a sentence or a selection: the model's other translations of an English sentence (choose
 * one to make it the correction), or its translations of a selected Dutch word or phrase (a gloss). A
 * listbox: the arrow keys move, Enter chooses, Esc closes. Focus moves into it and goes back on close.
 */
export function AssistPopover({ list, onChoose, onAlways, onClose, onRetry }: Props) {
  const t = useTranslations('Assist');
  const g = useTranslations('Glossary');
  const [always, setAlways] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [alwaysFailed, setAlwaysFailed] = useState<StorageFailureReason | null>(null);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const listbox = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  // The first option is where Enter chooses, but shown as picked only once the reader moves (arrows, pointer) or
  // came by keyboard (the list then has :focus-visible): opened by a click, nothing looks chosen yet.
  const [moved, setMoved] = useState(false);
  const touch = useCoarsePointer();
  const [left, setLeft] = useState(list.anchor.left);
  const [top, setTop] = useState(list.anchor.bottom + 6);
  const [failure, setFailure] = useState<{ error: CorrectionFailure; text: string } | null>(null);
  const choosing = list.kind === 'alternatives';

  // Kept on screen: a sentence near the right edge opens its list to the left; one near the bottom of the
  // window opens it above the sentence when there is room there, and otherwise scrolls it into view.
  useLayoutEffect(() => {
    const width = box.current?.offsetWidth ?? 0;
    const height = box.current?.offsetHeight ?? 0;
    setLeft(
      Math.max(
        8 + window.scrollX,
        Math.min(list.anchor.left, window.scrollX + document.documentElement.clientWidth - width - 8),
      ),
    );
    const below = list.anchor.bottom + 6;
    const fitsBelow = below + height <= window.scrollY + window.innerHeight - 8;
    const fitsAbove = list.anchor.top - 6 - height >= window.scrollY + 8;
    setTop(fitsBelow || !fitsAbove ? below : list.anchor.top - 6 - height);
  }, [list.anchor.left, list.anchor.top, list.anchor.bottom, list.items.length, list.status]);

  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [top, list.status]);

  useEffect(() => {
    (list.status === 'ready' && list.items.length > 0 ? listbox.current : box.current)?.focus({ preventScroll: true });
  }, [list.status, list.items.length]);

  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);

  const keep = async (english: string) => {
    if (!onAlways || !english.trim()) return;
    try {
      await onAlways(english.trim());
      setAdded(english.trim());
      setAlwaysFailed(null);
    } catch (err) {
      setAlwaysFailed(storageFailureReason(err));
    }
  };

  const choose = async (text: string) => {
    if (!choosing) return onAlways ? keep(text) : onClose();
    try {
      await onChoose(text);
    } catch (err) {
      setFailure({ error: err as CorrectionFailure, text });
    }
  };

  return (
    <div
      ref={box}
      role="dialog"
      aria-label={t(list.kind === 'alternatives' ? 'alternativesOf' : 'glossOf', { subject: list.subject })}
      tabIndex={-1}
      data-testid={`assist-${list.kind}`}
      className="absolute z-30 w-[min(24rem,calc(100vw-1rem))] rounded-lg border border-rule bg-paper p-2 text-sm text-ink shadow-xl"
      style={{ top, left }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-[0.12em] text-muted" id={`${id}-title`}>
        {t(list.kind === 'alternatives' ? 'alternatives' : 'gloss')}
      </p>
      {list.status === 'loading' && (
        <p className="px-2 py-1.5 text-muted" role="status" aria-live="polite">
          {t('asking')}
        </p>
      )}
      {list.status === 'failed' && (
        <div role="alert" className="px-2 py-1.5">
          <p>{t('failed')}</p>
          <button type="button" onClick={onRetry} className={`mt-1 ${inlineLink}`}>
            {t('retry')}
          </button>
        </div>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <p className="px-2 py-1.5 text-muted">{t(choosing ? 'noAlternatives' : 'noGloss')}</p>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <ul
          ref={listbox}
          role="listbox"
          tabIndex={0}
          lang="en"
          aria-labelledby={`${id}-title`}
          aria-activedescendant={`${id}-${active}`}
          className="group max-h-72 overflow-y-auto outline-none"
          onKeyDown={(e) => {
            const last = list.items.length - 1;
            const moves: Record<string, number> = {
              ArrowDown: Math.min(last, active + 1),
              ArrowUp: Math.max(0, active - 1),
              Home: 0,
              End: last,
            };
            if (e.key in moves) {
              e.preventDefault();
              setActive(moves[e.key]!);
              setMoved(true);
            } else if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              void choose(list.items[active]!);
            }
          }}
        >
          {list.items.map((text, i) => (
            <li
              key={text}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              onPointerEnter={() => {
                setActive(i);
                setMoved(true);
              }}
              onClick={() => void choose(text)}
              className={`cursor-pointer rounded-md px-2 py-1.5 font-serif text-base leading-snug ${i === active ? (moved ? 'bg-accent/15' : 'group-focus-visible:bg-accent/15') : ''}`}
            >
              {text}
            </li>
          ))}
        </ul>
      )}
      {failure && <CorrectionFailureNotice failure={failure.error} onRetry={() => void choose(failure.text)} />}
      {!choosing && onAlways && (
        <form
          className="mt-1 flex items-center gap-2 border-t border-rule px-2 pt-2"
          onSubmit={(e) => {
            e.preventDefault();
            void keep(always);
          }}
        >
          <input
            lang="en"
            value={always}
            onChange={(e) => setAlways(e.target.value)}
            placeholder={g('always')}
            aria-label={g('alwaysLabel', { source: list.subject })}
            className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-2 py-1 font-serif text-base"
          />
          <button type="submit" className={pillButton}>
            {g('alwaysAdd')}
          </button>
        </form>
      )}
      {added && (
        <p role="status" className="px-2 pt-1.5" data-testid="glossary-added">
          {g('added', { source: list.subject, target: added })}{' '}
          <Link href="/glossary" className={inlineLink}>
            {g('open')}
          </Link>
        </p>
      )}
      {alwaysFailed && (
        <p role="alert" className="px-2 pt-1.5 text-accent">
          {g('saveFailed', { reason: alwaysFailed })}
        </p>
      )}
      <p className="px-2 pt-1 text-xs text-muted">
        {t(touch ? (choosing ? 'tapChoose' : 'tapGloss') : choosing ? 'keysChoose' : 'keysGloss')}
      </p>
    </div>
  );
}
