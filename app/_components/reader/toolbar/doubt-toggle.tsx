'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { readDoubt, setDoubt } from '@/lib/preferences/choices';
import { useChoice } from '@/lib/preferences/use-choice';
import { checkBox, checkToggle } from '@/app/_components/ui/styles';

/** Marks the words the model was unsure of (a quiet underline), with what that means in words. */
export function DoubtToggle() {
  const t = useTranslations('View');
  const on = useChoice(readDoubt, false);
  const described = useId();
  return (
    <label title={t('doubtExplained')} className={checkToggle}>
      <input
        type="checkbox"
        name="doubt"
        checked={on}
        aria-keyshortcuts="m"
        aria-describedby={described}
        onChange={(e) => setDoubt(e.target.checked)}
        className={checkBox}
      />
      {t('doubt')}
      <span id={described} className="sr-only">
        {t('doubtExplained')}
      </span>
    </label>
  );
}
