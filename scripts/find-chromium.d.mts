export interface FoundChromium {
  path: string;
  via: '$CHROMIUM_PATH' | 'PATH';
}
export function findChromium(): FoundChromium | null;
