export interface InlineScript {
  entry: string;
  out: string;
  name: string;
  global: string;
}
export const INLINE_SCRIPTS: InlineScript[];
export function bundle(script: InlineScript): Promise<string>;
export function moduleText(script: InlineScript, code: string): string;
