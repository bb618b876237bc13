// Whether a recorded video can be analysed for an exercise at all: somebody in enough frames, in
// the posture the exercise needs. One sentence for each problem; the caller adds what to do next.

import type { FrameResult } from '../pose/pose-frame.ts';
import { summarizePoseFrames } from '../pose/pose-summary.ts';
import { detectBodyPosture, postureMismatch, type ExerciseName } from '../camera/body-posture.ts';
import { framesWithin, onAllFoursSpan } from './bird-dog/session-span.ts';

/** Fewer frames with a person than this cannot show one rep or one hold. */
export const MIN_FRAMES_WITH_PERSON = 10;

export interface CameraInputProblem {
  readonly code: 'no-person' | 'too-few-frames' | 'wrong-exercise';
  readonly message: string;
}

export function cameraInputProblem(frames: readonly FrameResult[], exercise: ExerciseName): CameraInputProblem | null {
  const summary = summarizePoseFrames(frames);
  if (summary.framesWithPerson === 0) {
    return {
      code: 'no-person',
      message: `No person was found in any of the ${summary.frames} frame(s): put the camera 2-3 m away with your whole body in the picture, in good light, and record again.`,
    };
  }
  if (summary.framesWithPerson < MIN_FRAMES_WITH_PERSON) {
    return {
      code: 'too-few-frames',
      message: `A person was found in only ${summary.framesWithPerson} frame(s): record the whole exercise as a video, with your whole body in the picture.`,
    };
  }
  // A bird-dog video may start and end standing: its posture is judged while the person is down.
  const span = exercise === 'bird-dog' ? onAllFoursSpan(frames) : null;
  const mismatch = postureMismatch(detectBodyPosture(span ? framesWithin(frames, span) : frames), exercise);
  return mismatch ? { code: 'wrong-exercise', message: mismatch } : null;
}
