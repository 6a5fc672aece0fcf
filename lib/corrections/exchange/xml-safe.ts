/**
 * Text that XML 1.0 can carry. XML forbids most C0 control characters even as character references, so a
 * single one pasted from a word processor makes a whole file unreadable to strict parsers (xmllint,
 * translate-toolkit, OmegaT, which then loads none of its units). So, in segments and properties alike:
 * - a vertical tab or form feed (Word's manual line break, a page break) becomes a line break;
 * - a carriage return becomes a line break (XML parsers would turn it into one anyway);
 * - every other forbidden character (U+0000–U+0008, U+000E–U+001F, U+FFFE, U+FFFF) is dropped;
 * - a lone surrogate becomes U+FFFD, the replacement character.
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/\r\n?|[\u000B\u000C]/g, '\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
