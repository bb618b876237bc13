// What the person is told about the recording: no reps and why, another exercise, a body part
// out of the picture.

import { landmarkIndex, type LandmarkName } from '../../pose/landmarks.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';
import { MIN_VALID_FRAME_SHARE, VISIBILITY_FLOOR } from '../../pose/visibility.ts';
import type { CameraReading } from './camera-reading.ts';
import type { BirdDogRep, QualityMessage } from './result.ts';

/**
 * When the camera found no rep but saw what the person did instead: leg lifts that were no reach
 * (the knee kept bent, or no arm with them: a donkey kick, a fire hydrant), or no reach at all (a
 * cat-cow, a child's pose). Only where the landmarks follow every limb (3D, not end-on); null
 * otherwise, when a bird-dog the camera could not follow is as likely.
 */
export function notBirdDogMessage(readings: readonly CameraReading[]): string | null {
  const lifts = readings.reduce((n, r) => n + r.legLifts, 0);
  if (lifts > 0)
    return `The camera saw ${lifts === 1 ? 'a leg lift' : `${lifts} leg lifts`} but no arm reaching forward with the opposite leg reaching straight back (a donkey kick or a fire hydrant looks like this), so this does not look like a bird-dog and no rep was counted. In the bird-dog, reach one leg straight back and the opposite arm straight forward, then hold.`;
  if (readings.length > 0 && readings.every((r) => r.seesLimbs))
    return "The camera saw you on all fours, but no arm and leg reaching out and holding (the back or the hips moved instead, as in a cat-cow or a child's pose), so this does not look like a bird-dog. In the bird-dog, reach one arm forward and the opposite leg back, then hold.";
  return null;
}

export function noRepsMessage(hasCamera: boolean, readings: readonly CameraReading[]): string {
  if (!hasCamera)
    return 'No reps were found in the phone recording: record with the app so its spoken pacing marks each rep, or add a camera.';
  if (readings.some((r) => r.liftsWithoutLeg > 0))
    return 'No rep could be judged: the camera saw you lift but not which leg. Put the camera at your side, at hip height, 2-3 m away; from in front or behind, come closer and turn the phone sideways.';
  if (readings.some((r) => r.view === 'side'))
    return 'No bird-dog reps were found: make sure your whole body is in the picture and reach the arm and leg out fully, one side at a time.';
  return 'No bird-dog reps were found: from this angle the camera could not follow your arms and legs. Put the camera at your side, at hip height, 2-3 m away.';
}

const BODY_PART_WORDS: Partial<Record<LandmarkName, string>> = {
  left_ankle: 'raised foot',
  right_ankle: 'raised foot',
  left_knee: 'knee',
  right_knee: 'knee',
  left_hip: 'hips',
  right_hip: 'hips',
  left_wrist: 'reaching hand',
  right_wrist: 'reaching hand',
  left_shoulder: 'shoulders',
  right_shoulder: 'shoulders',
};

/** Names a body part that leaves the picture (or is not seen) during reps, with what to do. */
export function outOfFrameMessages(frames: readonly FrameResult[], reps: readonly BirdDogRep[]): QualityMessage[] {
  const counts = new Map<LandmarkName, { out: number; unseen: number; total: number }>();
  for (const r of reps) {
    const names: LandmarkName[] = [
      `${r.leg}_ankle`,
      `${r.leg}_knee`,
      `${r.leg}_hip`,
      `${r.arm}_wrist`,
      `${r.arm}_shoulder`,
    ];
    for (const f of frames) {
      if (f.tMs < r.startMs || f.tMs > r.holdEndMs || !f.landmarks) continue;
      for (const n of names) {
        const c = counts.get(n) ?? { out: 0, unseen: 0, total: 0 };
        const lm = f.landmarks[landmarkIndex(n)];
        c.total++;
        if (lm && (lm.xNorm < 0 || lm.xNorm > 1 || lm.yNorm < 0 || lm.yNorm > 1)) c.out++;
        else if (!lm || lm.visibility < VISIBILITY_FLOOR) c.unseen++;
        counts.set(n, c);
      }
    }
  }
  const out: QualityMessage[] = [];
  const said = new Set<string>();
  const fromPicture = reps.length > 0 && reps.every((r) => r.foundBy === 'camera-motion');
  for (const [name, c] of counts) {
    const part = BODY_PART_WORDS[name] ?? name.replace('_', ' ');
    if (said.has(part) || c.total === 0) continue;
    if (c.out / c.total > 1 - MIN_VALID_FRAME_SHARE) {
      out.push({
        code: 'body-part-out-of-frame',
        message: `Your ${part} leaves the picture: move the camera back so your whole body fits, 2-3 m away.`,
      });
      said.add(part);
    } else if ((c.out + c.unseen) / c.total > 1 - MIN_VALID_FRAME_SHARE && !fromPicture) {
      // Reps timed from the picture's change do not need the landmarks; only a cut-off body matters.
      out.push({
        code: 'body-part-out-of-frame',
        message: `Your ${part} was hard to see during the reps: use brighter light and fitted clothing, with nothing between the camera and you.`,
      });
      said.add(part);
    }
  }
  return out;
}
