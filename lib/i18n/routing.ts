import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['nl', 'en'],
  // Dutch is the language of the content, so it is the fallback when the browser asks for neither.
  defaultLocale: 'nl',
  localePrefix: 'always',
});

export type Locale = (typeof routing.locales)[number];
