'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { alwaysTranslate } from '@/lib/glossary/actions';
import type { TermOffer } from '@/lib/glossary/offer';
import { storageFailureReason } from '@/lib/store/errors';
import { openGlossary } from '@/lib/store/open-store';
import { pillButton, primaryButton } from '@/app/_components/ui/styles';

/**
 * After a correction that made the same replacement in several places: "always translate the Dutch term so?",
 * with the Dutch guessed for the reader to confirm or type. One step adds the entry.
 */
export function TermOfferNotice({ offer, onDone }: { offer: TermOffer; onDone: () => void }) {
  const t = useTranslations('Glossary');
  const [source, setSource] = useState(offer.source);
  const [state, setState] = useState<{ kind: 'added' | 'failed'; text: string } | null>(null);
  if (state?.kind === 'added')
    return (
      <p role="status" className="mt-2 text-sm" data-testid="term-offer">
        {state.text}
      </p>
    );
  return (
    <form
      data-testid="term-offer"
      className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-rule bg-panel px-3 py-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (!source.trim()) return;
        void openGlossary()
          .then((g) => alwaysTranslate(g, { source, target: offer.to }))
          .then(
            (entry) => setState({ kind: 'added', text: t('added', { source: entry.source, target: entry.target }) }),
            (err: unknown) =>
              setState({ kind: 'failed', text: t('saveFailed', { reason: storageFailureReason(err) }) }),
          );
      }}
    >
      <span className="basis-full">{t('offer', { from: offer.from, to: offer.to, count: offer.count })}</span>
      <input
        lang="nl"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        aria-label={t('offerDutch')}
        placeholder={t('offerDutch')}
        className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-2 py-1 font-serif text-base"
      />
      <button type="submit" className={primaryButton}>
        {t('offerAdd')}
      </button>
      <button type="button" className={pillButton} onClick={onDone}>
        {t('offerDismiss')}
      </button>
      {state?.kind === 'failed' && (
        <span role="alert" className="basis-full text-accent">
          {state.text}
        </span>
      )}
    </form>
  );
}
