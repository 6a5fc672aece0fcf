/** A content file that cannot be published. The message always starts with the file's name. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ContentError';
  }
}
