import { PREFERENCES_BUNDLE } from './inline.generated';

/** The <head> script that applies view, learner view and theme before the first paint (inline-entry.ts). */
export const preferencesScript = `(function(){try{${PREFERENCES_BUNDLE};__preferences.applyPreferences()}catch(e){}})()`;
