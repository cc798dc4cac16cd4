/** Errors the command line reports to the user: a clear message on stderr and an exit code. */

/** Bad input (arguments, files, logs): exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
