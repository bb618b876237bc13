import { describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { usageErrorSentence } from './usage-error.ts';
import { lastErrorLine, runCli } from './test-support/run-cli.ts';

// The real parser's real errors, so a change in Node's wording shows up here.
function parseError(args: string[]): unknown {
  try {
    parseArgs({
      args,
      options: { 'depth-cap': { type: 'string' }, flag: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    });
  } catch (err) {
    return err;
  }
  throw new Error('expected the parser to refuse ' + args.join(' '));
}

describe('usageErrorSentence', () => {
  it('names an unknown option and points to help', () => {
    expect(usageErrorSentence(parseError(['--bogus']))).toBe(
      '--bogus is not an option of this command: run `steadyback help` for the options.',
    );
  });

  it('shows how to give a value that starts with a dash', () => {
    expect(usageErrorSentence(parseError(['--depth-cap', '-5']))).toBe(
      '--depth-cap needs a value; a value that starts with "-" is written joined to it, as in --depth-cap=-5.',
    );
  });

  it('says a value is missing after the option', () => {
    expect(usageErrorSentence(parseError(['--depth-cap']))).toBe(
      '--depth-cap needs a value after it, as in --depth-cap VALUE: run `steadyback help` for the options.',
    );
  });

  it('says a switch takes no value', () => {
    expect(usageErrorSentence(parseError(['--flag=yes']))).toBe(
      '--flag was given in a way it cannot take: run `steadyback help` for the options.',
    );
  });

  it('names a stray word', () => {
    expect(usageErrorSentence(parseError(['stray']))).toBe(
      '"stray" is not expected here (each file goes after its option): run `steadyback help` for the options.',
    );
  });

  it('leaves errors that are not about usage to the caller', () => {
    expect(usageErrorSentence(new Error('disk full'))).toBeNull();
    expect(usageErrorSentence(null)).toBeNull();
  });
});

describe('steadyback with a mistyped command line', () => {
  it('exits 2 with one plain sentence and no parser jargon', async () => {
    const run = await runCli(['analyze', '--exercise', 'hip-flexor-stretch', '--depth-cap', '-5']);
    expect(run.code).toBe(2);
    const line = lastErrorLine(run);
    expect(line).toBe(
      'steadyback: --depth-cap needs a value; a value that starts with "-" is written joined to it, as in --depth-cap=-5.',
    );
    expect(run.stderr).not.toMatch(/positional|ambiguous/);
  }, 30_000);

  it('names the unknown option', async () => {
    const run = await runCli(['report', '--bogus']);
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toBe(
      'steadyback: --bogus is not an option of this command: run `steadyback help` for the options.',
    );
  }, 30_000);
});
