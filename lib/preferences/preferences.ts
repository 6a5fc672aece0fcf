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

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_KEY = 'tweetalig.theme';

export function parseView(value: string | null | undefined): View | null {
  return VIEWS.includes(value as View) ? (value as View) : null;
}

export function parseTheme(value: string | null | undefined): Theme | null {
  return THEMES.includes(value as Theme) ? (value as Theme) : null;
}

/**
 * Runs inline in <head> before the body paints: ?view= wins (and is remembered),
 * else the remembered view; the theme follows the system unless chosen.
 */
export const preferencesScript = `(function(){try{
var V=${JSON.stringify(VIEWS)},d=document.documentElement,ls=window.localStorage;
var q=new URLSearchParams(location.search).get('view');var s=null;try{s=ls.getItem('${VIEW_KEY}')}catch(e){}
var v=V.indexOf(q)>=0?q:(V.indexOf(s)>=0?s:'both');if(q===v){try{ls.setItem('${VIEW_KEY}',v)}catch(e){}}
d.dataset.view=v;
var l=null;try{l=ls.getItem('${LEARNER_KEY}')}catch(e){}if(l==='1'){d.dataset.learner=''}
var t=null;try{t=ls.getItem('${THEME_KEY}')}catch(e){}
var dark=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);
d.dataset.theme=dark?'dark':'light';d.style.colorScheme=dark?'dark':'light';
}catch(e){}})();`;

/** Shows the chosen columns at once; CSS keys off this attribute. */
export function applyView(view: View): void {
  document.documentElement.dataset.view = view;
}

export function applyLearner(on: boolean): void {
  if (on) document.documentElement.dataset.learner = '';
  else delete document.documentElement.dataset.learner;
}
