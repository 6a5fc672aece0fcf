/**
 * The entry of the inline script in <head> (bundled at build time by scripts/build-inline.mjs): applies the
 * reader's preferences before the body paints, so there is no flash of the wrong view or theme.
 */
import { recall, remember } from '@/lib/local-storage';
import { DOUBT_KEY, LEARNER_KEY, parseTheme, parseView, THEME_KEY, VIEW_KEY } from './preferences';

/** ?view= wins (and is remembered), else the remembered view; the theme follows the system unless chosen. */
export function applyPreferences() {
  const root = document.documentElement;
  const asked = parseView(new URLSearchParams(location.search).get('view'));
  if (asked) remember(VIEW_KEY, asked);
  root.dataset.view = asked ?? parseView(recall(VIEW_KEY)) ?? 'both';
  if (recall(LEARNER_KEY) === '1') root.dataset.learner = '';
  if (recall(DOUBT_KEY) === '1') root.dataset.doubt = '';
  const theme = parseTheme(recall(THEME_KEY));
  const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
}
