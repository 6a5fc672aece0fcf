/** The cookie with the current settings' cache key, set by proxy.ts on every page at request time. */
export const KEY_COOKIE = 'tweetalig-key';

/** A cookie's value from `document.cookie`, or null. */
export function readCookie(cookies: string, name: string): string | null {
  const found = cookies.split('; ').find((c) => c.startsWith(`${name}=`));
  return found === undefined ? null : decodeURIComponent(found.slice(name.length + 1));
}
