'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { remember } from '@/lib/local-storage';
import { applyDoubt, DOUBT_KEY } from '@/lib/preferences/preferences';
import { useDoubtMarks } from '@/lib/preferences/use-doubt-marks';

/** Marks the words the model was unsure of (a quiet underline), with what that means in words. */
export function DoubtToggle() {
  const t = useTranslations('View');
  const on = useDoubtMarks();
  const described = useId();
  return (
    <label
      title={t('doubtExplained')}
      className="inline-flex cursor-pointer items-center gap-2 text-sm text-muted has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
    >
      <input
        type="checkbox"
        name="doubt"
        checked={on}
        aria-keyshortcuts="m"
        aria-describedby={described}
        onChange={(e) => {
          applyDoubt(e.target.checked);
          remember(DOUBT_KEY, e.target.checked ? '1' : '0'); // blocked storage: the choice lasts for this page
        }}
        className="size-4 accent-[var(--color-accent)]"
      />
      {t('doubt')}
      <span id={described} className="sr-only">
        {t('doubtExplained')}
      </span>
    </label>
  );
}
