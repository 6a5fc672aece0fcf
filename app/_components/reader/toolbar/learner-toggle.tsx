'use client';

import { useTranslations } from 'next-intl';
import { readLearner, setLearner } from '@/lib/preferences/choices';
import { useChoice } from '@/lib/preferences/use-choice';
import { checkBox, checkToggle } from '@/app/_components/ui/styles';

/** Learner view: the English stays blurred until the reader points at it or moves focus to it. */
export function LearnerToggle() {
  const t = useTranslations('View');
  const on = useChoice(readLearner, false);
  return (
    <label className={checkToggle}>
      <input
        type="checkbox"
        name="learner"
        checked={on}
        aria-keyshortcuts="b"
        onChange={(e) => setLearner(e.target.checked)}
        className={checkBox}
      />
      {t('learner')}
    </label>
  );
}
