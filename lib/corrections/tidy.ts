/**
 * A correction as it is stored: runs of spaces within a line collapsed and each line trimmed, but the
 * reader's line breaks kept (a blank line at most between two), so a poem or an address keeps its lines.
 */
export function tidyCorrection(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
