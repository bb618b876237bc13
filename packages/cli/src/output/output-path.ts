// One check for every file a command will write, made before any work: a person should not wait
// through a long analysis to learn that the folder is missing. Each refusal names the option and
// the path, in one sentence.

import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../cli-error.ts';

export interface OutputFile {
  /** The option without its dashes: 'out', 'html', 'pdf'. */
  readonly flag: string;
  /** The path given, or undefined when the option was not used. */
  readonly file: string | undefined;
  /** The endings this output may have, lower case with the dot: ['.jsonl', '.csv']. */
  readonly extensions: readonly string[];
  /** The sentence for a name with another ending. */
  readonly wrongName: (file: string) => string;
}

const isFolder = async (p: string) => (await stat(p).catch(() => null))?.isDirectory() ?? false;

/** A file name in that folder, for the sentence that says a folder was given. */
function example(o: OutputFile, folder: string): string {
  return path.join(folder, `${o.flag === 'out' ? 'landmarks' : 'steadyback'}${o.extensions[0]}`);
}

async function checkOne(o: OutputFile & { file: string }, inputs: readonly string[]): Promise<void> {
  const { flag, file } = o;
  if (await isFolder(file))
    throw new CliError(`--${flag} ${file} is a folder: name a file in it, for example ${example(o, file)}.`, 2);
  if (!o.extensions.some((ext) => file.toLowerCase().endsWith(ext))) throw new CliError(o.wrongName(file), 2);
  if (inputs.some((input) => path.resolve(input) === path.resolve(file)))
    throw new CliError(`--${flag} ${file} is the file being read: choose another name so it is not overwritten.`, 2);
  const folder = path.dirname(path.resolve(file));
  if (!(await isFolder(folder)))
    throw new CliError(`The folder for --${flag} ${file} does not exist: create it first or choose another place.`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new CliError(
      `steadyback may not write into the folder of --${flag} ${file}: choose a folder you can write to.`,
    );
  }
}

/** Refuses, before any work, an output that is a folder, has the wrong ending, is an input, or cannot be written. */
export async function checkOutputFiles(outputs: readonly OutputFile[], inputs: readonly string[] = []): Promise<void> {
  const given = outputs.filter((o): o is OutputFile & { file: string } => o.file !== undefined);
  for (const o of given) await checkOne(o, inputs);
  for (const [i, o] of given.entries()) {
    const twin = given.slice(i + 1).find((p) => path.resolve(p.file) === path.resolve(o.file));
    if (twin) throw new CliError(`--${o.flag} and --${twin.flag} both name ${o.file}: give each its own file.`, 2);
  }
}
