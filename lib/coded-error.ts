/**
 * An error that carries a code the interface words in the reader's language (its message files key on it),
 * besides an English message for logs. Every error the app shows a reader is one of these.
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string = code,
  ) {
    super(message);
  }
}

/** A coded error with the values its localized message fills in (a size, a limit, a host). */
export class CodedErrorWithValues<Code extends string> extends CodedError<Code> {
  constructor(
    code: Code,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
