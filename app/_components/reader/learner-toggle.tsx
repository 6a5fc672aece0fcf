'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { remember } from '@/lib/local-storage';
import { applyLearner, LEARNER_KEY } from '@/lib/preferences/preferences';

/** Learner view: the English stays blurred until the reader points at it or moves focus to it. */
export function LearnerToggle() {
  const t = useTranslations('View');
  const [on, setOn] = useState(false);

  useEffect(() => {
    // The preferences script already applied the remembered choice before paint.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reading a value that only exists in the browser
    setOn(document.documentElement.dataset.learner !== undefined);
  }, []);

  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-muted has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent">
      <input
        type="checkbox"
        name="learner"
        checked={on}
        aria-keyshortcuts="b"
        onChange={(e) => {
          setOn(e.target.checked);
          applyLearner(e.target.checked);
          remember(LEARNER_KEY, e.target.checked ? '1' : '0'); // blocked storage: the choice lasts for this page
        }}
        className="size-4 accent-[var(--color-accent)]"
      />
      {t('learner')}
    </label>
  );
}
