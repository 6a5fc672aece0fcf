/**
 * The reader's choices on the page (columns, learner view, doubt marks, theme): read from <html>, where the
 * inline preferences script put them before paint; changed only through these functions, which apply the
 * choice, remember it and tell subscribers (the toggles, through useChoice). The keyboard calls them too.
 */
import { recall, remember } from '@/lib/local-storage';
import {
  applyDoubt,
  applyLearner,
  applyView,
  DOUBT_KEY,
  LEARNER_KEY,
  parseTheme,
  parseView,
  THEME_KEY,
  THEMES,
  VIEW_KEY,
  type Theme,
  type View,
} from './preferences';

const CHANGED = 'tweetalig:choices';
const html = () => document.documentElement;
const changed = () => html().dispatchEvent(new Event(CHANGED));

export function subscribeChoices(listener: () => void): () => void {
  html().addEventListener(CHANGED, listener);
  return () => html().removeEventListener(CHANGED, listener);
}

export const readView = (): View => parseView(html().dataset.view) ?? 'both';
export const readLearner = (): boolean => html().dataset.learner !== undefined;
export const readDoubt = (): boolean => html().dataset.doubt !== undefined;

/** The columns shown: kept in ?view= (a link or a reload shows the same) and remembered for the next visit. */
export function setView(view: View): void {
  applyView(view);
  remember(VIEW_KEY, view); // blocked storage: the URL still carries the choice
  keepViewInAddress(view);
  changed();
}

export function keepViewInAddress(view: View = readView()): void {
  const url = new URL(window.location.href);
  if (url.searchParams.get('view') === view) return;
  url.searchParams.set('view', view);
  window.history.replaceState(window.history.state, '', url);
}

export function setLearner(on: boolean): void {
  applyLearner(on);
  remember(LEARNER_KEY, on ? '1' : '0'); // blocked storage: the choice lasts for this page
  changed();
}

export function setDoubt(on: boolean): void {
  applyDoubt(on);
  remember(DOUBT_KEY, on ? '1' : '0');
  changed();
}

export const toggleLearner = () => setLearner(!readLearner());
export const toggleDoubt = () => setDoubt(!readDoubt());

let theme: Theme | null = null;
/** The theme chosen (system, light or dark); storage blocked: what was chosen on this page. */
export const readTheme = (): Theme => (theme ??= parseTheme(recall(THEME_KEY)) ?? 'system');

/** Paints a theme; "system" follows the OS at the moment it is called. */
export function paintTheme(value: Theme = readTheme()): void {
  const dark = value === 'dark' || (value === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  html().dataset.theme = dark ? 'dark' : 'light';
  html().style.colorScheme = dark ? 'dark' : 'light';
}

/** system → light → dark → system. */
export function nextTheme(): void {
  theme = THEMES[(THEMES.indexOf(readTheme()) + 1) % THEMES.length] ?? 'system';
  paintTheme(theme);
  remember(THEME_KEY, theme);
  changed();
}
