// A summary of a pose-frame sequence: how often a person was found and how well the body parts
// the exercises rely on were seen. Used by the CLI's `pose` command and the app's camera check.

import { landmarkIndex, type LandmarkName } from './landmarks.ts';
import type { FrameResult } from './pose-frame.ts';

export const SUMMARY_BODY_PARTS = {
  shoulders: ['left_shoulder', 'right_shoulder'],
  hips: ['left_hip', 'right_hip'],
  knees: ['left_knee', 'right_knee'],
  ankles: ['left_ankle', 'right_ankle'],
} as const satisfies Record<string, readonly LandmarkName[]>;

export type SummaryBodyPart = keyof typeof SUMMARY_BODY_PARTS;

export interface PoseSequenceSummary {
  readonly frames: number;
  readonly framesWithPerson: number;
  /** framesWithPerson / frames, 0..1 (0 when there are no frames). */
  readonly personShare: number;
  /** Mean visibility over frames with a person, per body part; null if no frame had a person. */
  readonly meanVisibility: Readonly<Record<SummaryBodyPart, number | null>>;
  /** Largest number of people seen in any frame. */
  readonly maxPeople: number;
  /** Time span covered, ms (last tMs - first tMs); 0 for a single frame. */
  readonly spanMs: number;
}

export function summarizePoseFrames(frames: readonly FrameResult[]): PoseSequenceSummary {
  let withPerson = 0;
  let maxPeople = 0;
  const sums: Record<SummaryBodyPart, number> = { shoulders: 0, hips: 0, knees: 0, ankles: 0 };
  for (const f of frames) {
    maxPeople = Math.max(maxPeople, f.peopleCount ?? (f.landmarks ? 1 : 0));
    if (!f.landmarks) continue;
    withPerson++;
    for (const part of Object.keys(SUMMARY_BODY_PARTS) as SummaryBodyPart[]) {
      const names = SUMMARY_BODY_PARTS[part];
      let s = 0;
      for (const n of names) s += f.landmarks[landmarkIndex(n)]?.visibility ?? 0;
      sums[part] += s / names.length;
    }
  }
  const mean = (part: SummaryBodyPart) => (withPerson > 0 ? sums[part] / withPerson : null);
  const first = frames[0];
  const last = frames[frames.length - 1];
  return {
    frames: frames.length,
    framesWithPerson: withPerson,
    personShare: frames.length > 0 ? withPerson / frames.length : 0,
    meanVisibility: { shoulders: mean('shoulders'), hips: mean('hips'), knees: mean('knees'), ankles: mean('ankles') },
    maxPeople,
    spanMs: first && last ? last.tMs - first.tMs : 0,
  };
}
