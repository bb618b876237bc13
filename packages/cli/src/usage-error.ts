// Node's argument parser speaks to programmers ("argument is ambiguous", "To specify a positional
// argument starting with a '-'..."). This turns each of its errors into one plain sentence that
// says what to type instead, or returns null for anything that is not a usage error.

interface ParseArgsError {
  readonly code?: string;
  readonly message?: string;
}

const HELP = 'run `steadyback help` for the options';

/** The option named in one of Node's parseArgs messages ('--depth-cap' in "Option '--depth-cap <value>' ..."). */
function optionIn(message: string): string | null {
  return /'(-{1,2}[A-Za-z][\w-]*)/.exec(message)?.[1] ?? null;
}

export function usageErrorSentence(err: unknown): string | null {
  const e = err as ParseArgsError | null;
  const message = e?.message ?? '';
  const option = optionIn(message);
  switch (e?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `${option ?? 'That option'} is not an option of this command: ${HELP}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(message))
        return `${option} needs a value; a value that starts with "-" is written joined to it, as in ${option}=-5.`;
      if (/missing/.test(message)) return `${option} needs a value after it, as in ${option} VALUE: ${HELP}.`;
      return `${option ?? 'An option'} was given in a way it cannot take: ${HELP}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const extra = /Unexpected argument '([^']*)'/.exec(message)?.[1];
      return `${extra ? `"${extra}"` : 'A word'} is not expected here (each file goes after its option): ${HELP}.`;
    }
    default:
      return null;
  }
}
