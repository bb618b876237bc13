// The benchmark clip: a bird-dog from the side at 30 fps, 640x480, rendered by the project's own
// figure renderer (packages/lab, dev-only) and cached, so the benchmark needs no media from elsewhere.
import { CliError } from './cli-error.ts';
import { importDevOnly } from './dev-only.ts';

export async function benchClipPath(log: (msg: string) => void): Promise<string> {
  const { benchClip } = await importDevOnly(
    () => import('@steadyback/lab/fixtures'),
    'The benchmark clip (or --video FILE)',
  );
  log('Preparing the benchmark clip (rendered once, then cached in .cache/lab)...');
  try {
    return (await benchClip()).mp4;
  } catch (err) {
    throw new CliError(
      `The benchmark clip could not be rendered (${(err as Error).message.split('\n')[0]}); or pass your own with --video FILE.`,
    );
  }
}
