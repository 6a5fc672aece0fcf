import type { ReactNode } from 'react';

/** The title and the line of facts under it: one look for shipped articles and the reader's own texts. */
export function ReaderHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <header className="mx-auto mb-8 max-w-3xl text-center">
      <h1
        lang="nl"
        className="text-balance font-serif text-3xl font-semibold leading-tight tracking-tight sm:text-[2.6rem]"
      >
        {title}
      </h1>
      <p className="mt-4 flex flex-wrap justify-center gap-x-3 gap-y-1 text-sm text-muted">{children}</p>
    </header>
  );
}
