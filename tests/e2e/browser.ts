/** Debian's Chromium, headless as root, on a machine whose network is closed: what every spec runs with. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
