'use client';

import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { keyLabel, SHORTCUTS } from '@/lib/reading/shortcuts';
import { keyCap, primaryButton } from '@/app/_components/ui/styles';

/** Keys that are not shortcuts of the page but of the correction editor and its dialogs. */
const EDITOR_KEYS = [
  ['save', 'Ctrl+Enter'],
  ['complete', 'Tab'],
  ['close', 'Esc'],
] as const;

/** The `?` overlay: every shortcut of lib/reading/shortcuts, in the interface language. */
export function ShortcutsDialog({
  dialog,
  title,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  title: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations('Keyboard');
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto overscroll-contain rounded-xl border border-rule bg-paper p-0 text-ink shadow-2xl backdrop:bg-black/40"
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close(); // a click on the backdrop
      }}
    >
      <div className="p-6">
        <h2 ref={title} id="shortcuts-title" tabIndex={-1} className="font-serif text-xl font-semibold outline-none">
          {t('title')}
        </h2>
        <dl className="mt-4 divide-y divide-rule text-sm">
          {SHORTCUTS.map(({ action, keys }) => (
            <div key={action} className="flex items-center justify-between gap-4 py-2">
              <dt>{t(`actions.${action}`)}</dt>
              <dd className="flex shrink-0 gap-1">
                {keys.map((k) => (
                  <kbd key={k} className={`min-w-7 text-center ${keyCap}`}>
                    {keyLabel(k)}
                  </kbd>
                ))}
              </dd>
            </div>
          ))}
          {EDITOR_KEYS.map(([action, key]) => (
            <div key={action} className="flex items-center justify-between gap-4 py-2">
              <dt>{t(`actions.${action}`)}</dt>
              <dd className="shrink-0">
                <kbd className={keyCap}>{key}</kbd>
              </dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-5 text-right">
          <button className={primaryButton}>{t('close')}</button>
        </form>
      </div>
    </dialog>
  );
}
