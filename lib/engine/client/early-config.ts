/** Where the engine settings are served (app/api/translation-config), read at request time. */
export const CONFIG_URL = '/api/translation-config';

/** Where the article page's inline script leaves its settings request, for the app to take over (fetch-config.ts). */
export const EARLY_CONFIG = '__tweetaligConfig';
