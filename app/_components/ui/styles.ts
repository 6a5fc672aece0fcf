/**
 * The app's few control styles, named once: pages and the reader use these instead of spelling the classes
 * again, so a button looks the same everywhere and changes in one place.
 */

/** A quiet, outlined pill: secondary actions in headers and toolbars. */
export const pillButton = 'rounded-full border border-rule px-3 py-1 text-sm text-muted hover:text-ink';

/** The one solid button of a dialog or form. */
export const primaryButton = 'rounded-full bg-ink px-4 py-1.5 text-sm font-medium text-paper hover:opacity-90';

/** A key in a list of shortcuts. */
export const keyCap = 'rounded border border-rule bg-panel px-1.5 py-0.5 font-sans text-xs font-semibold';

/** A checkbox with its words, as the reader's toggles are. */
export const checkToggle =
  'inline-flex cursor-pointer items-center gap-2 text-sm text-muted has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent';
export const checkBox = 'size-4 accent-[var(--color-accent)]';

/** A link that reads as one inside a sentence. */
export const inlineLink = 'font-medium text-accent underline underline-offset-4';

/** A notice that asks for attention without alarm (a warning beside the text it concerns). */
export const notice = 'rounded-md border border-accent/40 bg-panel px-3 py-2 text-sm';
