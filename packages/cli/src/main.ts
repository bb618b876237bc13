// Entry of the `steadyback` command: dispatches subcommands and turns every failure into one
// sentence on stderr and a non-zero exit code, never a stack trace.

import { PoseError } from '@steadyback/pose';
import { RECORDED_MAX_MODEL_FPS } from '@steadyback/pose/node';
import { CliError } from './cli-error.ts';
import { poseCommand } from './commands/pose.ts';
import { benchCommand } from './commands/bench.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { reportCommand } from './commands/report.ts';
import { usageErrorSentence } from './usage-error.ts';

const USAGE = `steadyback: an on-device movement coach for people whose back hurts more after they stretch.

Usage:
  steadyback pose VIDEO [--model MODEL] [--out FILE.jsonl|FILE.csv] [--overlay OUT.mp4] [--workers 1|2]
      Find the body in a recorded video (or a photo or GIF) and write its landmarks.
      MODEL: blazepose-lite, blazepose-full (default), blazepose-heavy, movenet-lightning, movenet-thunder
  steadyback analyze [VIDEO] --exercise bird-dog [--sensor SENSOR.csv] [--json FILE] [--html FILE]
                     [--pain-rest N --pain-left N --pain-right N] [--sensor-offset-ms MS] [--model MODEL]
      Analyse a bird-dog stability test from a video, the phone's sensor log (CSV: tMs,alpha,beta,gamma[,cue]), or both.
  steadyback analyze VIDEO --exercise hip-flexor-stretch [--sensor SENSOR.csv] [--depth-cap DEG] [--json FILE] [--html FILE]
      Coach a half-kneeling hip flexor stretch filmed from the side; the sensor log is the phone upright in the waistband.
  steadyback report --input EXPORT.json [--pdf FILE.pdf] [--csv FILE.csv] [--fhir FILE.json] [--today YYYY-MM-DD]
      Summarise the app's exported records: a one-page PDF for a physical therapist, a CSV, a FHIR R4 bundle,
      or, with no output file, a short summary here. Today is this machine's date unless --today says otherwise.
      For either exercise, --model-fps N|all: at most N frames a second go to the pose model, or all
      of them (default: ${RECORDED_MAX_MODEL_FPS} for the bird-dog, whose reps are slow; all for the stretch).
  steadyback bench [--json FILE] [--models a,b,...] [--video FILE]
      Measure pose-model speed and our pipeline's overhead on a clip the project renders itself,
      or on your own clip with --video.
  steadyback bench --analysis [--json FILE]
      Measure the analysis cost per frame and the phone-sensor error on synthetic sessions with known truth.
  steadyback help
      Show this text.

Video never leaves this machine; no request is made to any server.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'pose':
        return await poseCommand(rest);
      case 'bench':
        return await benchCommand(rest);
      case 'analyze':
        return await analyzeCommand(rest);
      case 'report':
        return await reportCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`Unknown command "${command}": run \`steadyback help\` to see the commands.`, 2);
    }
  } catch (err) {
    return reportError(err);
  }
}

/** The file-system errors a person can fix, each as one sentence naming the path. */
const FILE_PROBLEMS: Record<string, (file: string) => string> = {
  ENOENT: (file) => `${file} could not be found, or its folder does not exist: check the path.`,
  EACCES: (file) => `steadyback may not read or write ${file}: check its permissions or choose another place.`,
  EPERM: (file) => `steadyback may not read or write ${file}: check its permissions or choose another place.`,
  EISDIR: (file) => `${file} is a folder where a file was expected: name a file.`,
  ENOSPC: (file) => `The disk is full, so ${file} could not be written: free some space and run the command again.`,
  EROFS: (file) => `${file} is on a disk that cannot be written to: choose another place.`,
};

export function reportError(err: unknown): number {
  if (err instanceof CliError) {
    process.stderr.write(`steadyback: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof PoseError) {
    process.stderr.write(`steadyback: ${err.message}\n`);
    return 1;
  }
  const usage = usageErrorSentence(err);
  if (usage !== null) {
    process.stderr.write(`steadyback: ${usage}\n`);
    return 2;
  }
  const e = err as { code?: string; message?: string; path?: string };
  const fileProblem = e ? FILE_PROBLEMS[e.code ?? ''] : undefined;
  if (fileProblem) {
    process.stderr.write(`steadyback: ${fileProblem(e.path ?? 'a file')}\n`);
    return 1;
  }
  process.stderr.write(
    `steadyback: something went wrong that we did not expect (${firstSentence(e?.message ?? String(err))}); please report it with the command you ran.\n`,
  );
  if (process.env['STEADYBACK_DEBUG']) process.stderr.write(String((err as Error)?.stack) + '\n');
  return 1;
}

function firstSentence(s: string): string {
  return s.split('\n')[0]!.replace(/\.$/, '');
}
