// The CLI's typed error: a sentence for the user and the exit code to leave with.
// Exit codes: 1 = the input cannot be analysed, 2 = the command line itself is wrong.

export class CliError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
