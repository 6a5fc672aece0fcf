import { AlignmentHighlighter } from '../cell/alignment-highlighter';
import { DoubtToggle } from './doubt-toggle';
import { ExportMenu } from './export-menu';
import { LearnerToggle } from './learner-toggle';
import { ProgressPanel } from './progress-panel';
import { ReaderAssist } from '../assist/reader-assist';
import { ReaderKeyboard } from '../keyboard/reader-keyboard';
import { ViewToggle } from './view-toggle';

/**
 * The reader's sticky bar: what to show, how to read it, how to take it away, and how far translation is. Above
 * the assist popovers (z-30), so a storage warning that appears in it is never hidden under one.
 */
export function ReaderToolbar({ title, slug }: { title: string; slug: string }) {
  return (
    <div
      data-reader-toolbar=""
      className="no-print z-40 -mx-4 sm:sticky sm:top-0 mb-6 space-y-2 border-b border-rule bg-paper px-4 py-2 sm:-mx-6 sm:px-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <ViewToggle />
          <LearnerToggle />
          <DoubtToggle />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ExportMenu title={title} slug={slug} />
          <ReaderKeyboard />
        </div>
      </div>
      <ProgressPanel />
      <AlignmentHighlighter />
      <ReaderAssist />
    </div>
  );
}
