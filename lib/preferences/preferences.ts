/**
 * Reader preferences that must apply before the first paint (no flash of the
 * wrong view or theme). They live on <html> as data attributes; CSS does the rest.
 * Warning: the storage keys persist in readers' browsers; renaming one resets their choice.
 */
export const VIEWS = ['both', 'nl', 'en'] as const;
export type View = (typeof VIEWS)[number];
export const VIEW_KEY = 'tweetalig.view';

/** Learner view (English blurred until pointed at): '1' on, anything else off. */
export const LEARNER_KEY = 'tweetalig.learner';

/** Doubtful-word marks (words the model was unsure of, underlined): '1' on, anything else off. */
export const DOUBT_KEY = 'tweetalig.doubt';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_KEY = 'tweetalig.theme';

export function parseView(value: string | null | undefined): View | null {
  return VIEWS.includes(value as View) ? (value as View) : null;
}

export function parseTheme(value: string | null | undefined): Theme | null {
  return THEMES.includes(value as Theme) ? (value as Theme) : null;
}

/** Shows the chosen columns at once; CSS keys off this attribute. */
export function applyView(view: View): void {
  document.documentElement.dataset.view = view;
}

export function applyLearner(on: boolean): void {
  if (on) document.documentElement.dataset.learner = '';
  else delete document.documentElement.dataset.learner;
}

export function applyDoubt(on: boolean): void {
  if (on) document.documentElement.dataset.doubt = '';
  else delete document.documentElement.dataset.doubt;
}
