// The benchmarks' fixtures come from dev-only packages (the figure renderer, the synthetic bodies),
// which an installed CLI does not carry: they are loaded only when a benchmark asks for them.
import { CliError } from './cli-error.ts';

export async function importDevOnly<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new CliError(`${what} needs the repository's dev packages: run it from a checkout after "npm ci".`);
    }
    throw err;
  }
}
