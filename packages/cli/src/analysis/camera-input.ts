// Bad camera input gets a sentence and a non-zero exit: nobody, too few frames, the wrong posture
// for the exercise (core's body-posture.ts judges it; this adds what to do instead).

import {
  detectBodyPosture,
  framesWithin,
  onAllFoursSpan,
  postureMismatch,
  summarizePoseFrames,
  type FrameResult,
} from '@steadyback/core';
import { CliError } from '../cli-error.ts';

const INSTEAD = {
  'bird-dog': 'For the bird-dog, record yourself on hands and knees, or choose --exercise hip-flexor-stretch.',
  'hip-flexor-stretch': 'For the stretch, record yourself half-kneeling from the side, or choose --exercise bird-dog.',
} as const;

export function checkCameraInput(frames: readonly FrameResult[], exercise: 'bird-dog' | 'hip-flexor-stretch'): void {
  const summary = summarizePoseFrames(frames);
  if (summary.framesWithPerson === 0) {
    throw new CliError(
      `No person was found in any of the ${summary.frames} frame(s): put the camera 2-3 m away with your whole body in the picture, in good light, and record again.`,
    );
  }
  if (summary.framesWithPerson < 10) {
    throw new CliError(
      `A person was found in only ${summary.framesWithPerson} frame(s): record the whole exercise as a video, with your whole body in the picture.`,
    );
  }
  // A bird-dog video may start and end standing: its posture is judged while the person is down.
  const span = exercise === 'bird-dog' ? onAllFoursSpan(frames) : null;
  const mismatch = postureMismatch(detectBodyPosture(span ? framesWithin(frames, span) : frames), exercise);
  if (mismatch) throw new CliError(`${mismatch} ${INSTEAD[exercise]}`);
}
