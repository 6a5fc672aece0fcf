'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { usePathname, useRouter } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import {
  currentPair,
  describePair,
  describeSentence,
  focusPair,
  movePair,
  moveSentence,
  moveToDoubt,
} from '@/lib/reading/navigate';
import { setView, toggleDoubt, toggleLearner } from '@/lib/preferences/choices';
import { assistRequests, editRequests } from '@/lib/reading/reader-requests';
import { actionFor, isTypingTarget, type ShortcutAction } from '@/lib/reading/shortcuts';
import { ShortcutsDialog } from './shortcuts-dialog';
import { pillButton } from '@/app/_components/ui/styles';

const VIEW_OF = { viewBoth: 'both', viewNl: 'nl', viewEn: 'en' } as const;

/**
 * Opens the shortcut list at its top: the browser would focus its first control, Close, at the very bottom,
 * and scroll there on a short screen; the title takes the focus instead.
 */
function showAtTop(dialog: HTMLDialogElement | null, title: HTMLElement | null) {
  dialog?.showModal();
  title?.focus({ preventScroll: true });
  dialog?.scrollTo(0, 0);
}

/**
 * The reader without a mouse: the shortcuts of lib/reading/shortcuts, the `?` overlay that
 * lists them, and a polite live region that tells a screen reader where focus is.
 */
export function ReaderKeyboard() {
  const t = useTranslations('Keyboard');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const openHelp = () => showAtTop(dialog.current, title.current);
  // The listeners are installed once; they read the latest of these through the ref.
  const latest = useRef({ t, locale, router, pathname });
  useEffect(() => {
    latest.current = { t, locale, router, pathname };
  });

  useEffect(() => {
    const run = (action: ShortcutAction) => {
      switch (action) {
        case 'next':
        case 'previous':
          return movePair(action === 'next' ? 1 : -1);
        case 'nextSentence':
        case 'previousSentence':
          return moveSentence(action === 'nextSentence' ? 1 : -1);
        case 'edit': {
          const pair = currentPair() ?? movePair(1);
          if (pair) editRequests.send(pair.id);
          return;
        }
        case 'alternatives':
        case 'gloss':
          return void assistRequests.send(action);
        case 'nextDoubt':
          return moveToDoubt();
        case 'doubt':
          return toggleDoubt();
        case 'viewBoth':
        case 'viewNl':
        case 'viewEn':
          return setView(VIEW_OF[action]);
        case 'learner':
          return toggleLearner();
        case 'language': {
          const other = routing.locales.find((l) => l !== latest.current.locale) ?? routing.defaultLocale;
          // The same place in the other language: the view travels in the query, the focused pair in the hash.
          const hash = currentPair()?.id ? `#${currentPair()!.id}` : '';
          return latest.current.router.push(`${latest.current.pathname}${window.location.search}${hash}`, {
            locale: other,
          });
        }
        case 'help':
          return openHelp();
      }
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target, e.key) || document.querySelector('dialog[open]')) return;
      const action = actionFor(e);
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    // While a pair has focus, a change to its translation (restored, finished, saved) is announced too.
    let watching: MutationObserver | null = null;
    // Whatever put it there (j/k, → to a sentence, d to a doubtful word, a link's hash): focus that lands on a
    // pair or one of its sentences says where it is.
    const onFocus = (e: FocusEvent) => {
      const focused = e.target;
      const target = focused instanceof HTMLElement ? focused.closest<HTMLElement>('.pair') : null;
      if (!target || !(focused instanceof HTMLElement) || (focused !== target && !focused.hasAttribute('data-s')))
        return;
      const announce = () => {
        const where = describePair(target);
        const sentence = focused === target ? null : describeSentence(focused);
        setAnnouncement(
          sentence ? latest.current.t('sentence', { ...where, ...sentence }) : latest.current.t('position', where),
        );
      };
      announce();
      watching?.disconnect();
      watching = new MutationObserver(() => {
        if (document.activeElement === focused) announce();
        else watching?.disconnect();
      });
      watching.observe(target, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-correction'] });
    };

    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    // Arriving with a pair in the hash (a language switch, a shared link): continue from there.
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target?.classList.contains('pair')) focusPair(target);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
      watching?.disconnect();
    };
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={openHelp}
        aria-keyshortcuts="?"
        className={`hidden sm:inline-flex sm:items-center sm:gap-1.5 ${pillButton}`}
      >
        {t('button')} <kbd className="rounded border border-rule px-1 font-sans text-xs">?</kbd>
      </button>
      <p role="status" className="sr-only" data-testid="reader-announcer">
        {announcement}
      </p>
      <ShortcutsDialog dialog={dialog} title={title} />
    </>
  );
}
