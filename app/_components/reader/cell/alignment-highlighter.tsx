'use client';

import { useEffect } from 'react';
import { installAlignment } from '@/lib/alignment/highlight';

/** Lights up a sentence and its translation on hover, focus or tap. Renders nothing. */
export function AlignmentHighlighter() {
  useEffect(() => {
    const root = document.querySelector<HTMLElement>('.reader-body');
    return root ? installAlignment(root) : undefined;
  }, []);
  return null;
}
