/**
 * A correction as it is stored: runs of spaces within a line collapsed and each line trimmed, but the
 * reader's line breaks kept (a blank line at most between two), so a poem or an address keeps its lines.
 * Control characters a word processor pastes along are dropped (they would make a TMX export unreadable).
 */
export function tidyCorrection(text: string): string {
  return text
    .replace(/\r\n?|[\u000B\u000C]/g, '\n') // a vertical tab is Word's manual line break, a form feed its page break
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '') // other control characters, as pasted from word processors
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
