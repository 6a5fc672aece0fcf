export const STANDIN_DIR: string;
export const STANDIN_ID: string;
/** Builds the stand-in if it is not there yet; its folder. */
export function ensureStandIn(dir?: string, script?: string): string;
/** bench:full's `own` layout, built from the scripts of an earlier commit; its folder. */
export function ensureOwnLayout(): string;
