/** The fixture web sites (tests/fixtures/web/server.mjs) the web-import specs read; started by playwright.config.ts. */
export const FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? 3199);
export const FIXTURE_SITE = `http://127.0.0.1:${FIXTURE_PORT}`;
