// What the camera saw of a bird-dog, read in parts: a recording is split at its edits (cuts and
// crossfades, video-cuts.ts) and each part is read on its own, because across an edit the view,
// the rest posture and the body's size in the picture all change. Per part: the span on all fours
// (session-span.ts), the landmarks smoothed, the view, the limb signals, the picture's change, and
// the reps the camera found (from the landmarks, or from the picture's change where the landmarks
// cannot follow the limbs).

import {
  computeMotionSignals,
  motionFramesBetween,
  restMoments,
  stabilise,
  stabilisedBetween,
  thinMotionFrames,
  type MotionFrames,
  type MotionSignals,
  type StabilisedFrames,
} from '../../camera/motion.ts';
import { bodyCentre, personArea } from '../../camera/body-place.ts';
import { detectCameraView, SIDE_VIEW_SURE_YAW_DEG, viewLabel, type CameraViewKind } from '../../camera/view.ts';
import { DEFAULT_POSE_CUTOFF_HZ, estimateSampleRateHz, smoothPoseFrames } from '../../signal/butterworth.ts';
import { frameAngleAtDeg } from '../../pose/frame-geometry.ts';
import { angleAtDeg3d, toWorldPoint } from '../../pose/geometry.ts';
import { hasPerson, type FrameResult } from '../../pose/pose-frame.ts';
import { editedVideoMessage, videoReadings } from '../../camera/video-cuts.ts';
import { computeCameraSignals, limbSignal, quietMoments, type CameraSignals } from './camera-signals.ts';
import { isEndOn, joinSplitReps, motionTimedReps, repsFromMotion, splitSides } from './motion-reps.ts';
import { BirdDogPhaseTracker, type Limb, type TrackedRep } from './phases.ts';
import type { BirdDogEvent, BirdDogRep, BodySide, QualityMessage } from './result.ts';
import { framesWithin, narrowToSettled, onAllFoursSpan, type ExerciseSpan } from './session-span.ts';
import { BIRD_DOG_MOTION, BIRD_DOG_PHASES, BIRD_DOG_REACH } from './thresholds.ts';

export type TrackedForRules = TrackedRep & { foundBy: BirdDogRep['foundBy']; cueLeg?: BodySide };

/** One part of the recording between edits, as the camera saw it. */
export interface CameraReading {
  readonly startMs: number;
  readonly endMs: number;
  /** The frames on all fours in this part, smoothed for recorded video. */
  readonly frames: readonly FrameResult[];
  readonly view: CameraViewKind;
  readonly cam: CameraSignals;
  readonly motion: MotionSignals | null;
  /** The reps the camera found in this part. */
  readonly reps: TrackedForRules[];
  /** The picture's change scaled to a full reach = 1, when it timed the reps. */
  readonly motionRise: number[] | null;
  /** Lifts the picture timed without seeing which leg (end-on, someone small in the picture). */
  readonly liftsWithoutLeg: number;
  /** Leg lifts the landmarks saw that were no bird-dog reach (not reps): the knee kept bent, or no arm reaching anywhere in the part. */
  readonly legLifts: number;
  /** Whether the landmarks follow every limb here: in 3D (world landmarks), from a view that is not end-on. */
  readonly seesLimbs: boolean;
  readonly events: BirdDogEvent[];
}

/** The camera's readings of a recording, oldest first; messages for the person go into `quality`. */
export function readCamera(
  allFrames: readonly FrameResult[],
  motion: MotionFrames | undefined,
  recorded: boolean,
  quality: QualityMessage[],
): CameraReading[] {
  const thin = motion ? thinMotionFrames(motion) : null;
  const parts = videoReadings(allFrames, motion);
  const edited = editedVideoMessage(parts);
  if (edited) quality.push({ code: 'video-edit', message: edited });
  return parts.flatMap((p) => {
    const frames = framesWithin(allFrames, p);
    if (!frames.some(hasPerson)) return [];
    return [readPart(p, frames, thin ? motionFramesBetween(thin, p.startMs, p.endMs) : null, recorded, quality)];
  });
}

interface PreparedPart {
  readonly frames: readonly FrameResult[];
  readonly view: CameraViewKind;
  /** A side view near a corner (or no side view): the landmarks may have misread a corner as the side. */
  readonly nearCorner: boolean;
  readonly endOn: boolean;
  readonly cam: CameraSignals;
  readonly motion: MotionSignals | null;
}

/**
 * The camera input of one part made ready for the rules: only the part on all fours (getting down
 * and up are not reps), its pictures lined up first (a propped or hand-held phone moves), the
 * landmarks smoothed, the view, the limb signals and the picture's change.
 */
function preparePart(
  partFrames: readonly FrameResult[],
  pictures: MotionFrames | null,
  recorded: boolean,
  quality: QualityMessage[],
): PreparedPart {
  const { span, lined } = cameraSpan(partFrames, pictures, quality);
  const rawFrames = span ? framesWithin(partFrames, span) : partFrames;
  const frames = recorded ? smoothPoseFrames(rawFrames, { cutoffHz: recordedCutoffHz(rawFrames) }) : rawFrames;
  const detected = detectCameraView(frames.filter(hasPerson), 'quadruped');
  const view: CameraViewKind = detected.kind;
  const nearCorner = view !== 'side' || (detected.yawFromSideDeg ?? 0) >= SIDE_VIEW_SURE_YAW_DEG;
  const cam = computeCameraSignals(frames);
  const motion: MotionSignals | null = lined
    ? computeMotionSignals(lined.frames, { ...bodyCentre(frames), personBox: personArea(frames), stabilised: lined })
    : null;
  if (motion && motion.cameraMovement >= BIRD_DOG_MOTION.CAMERA_MOVED_SHARE) {
    quality.push({
      code: 'camera-moved',
      message:
        'The camera moved during the recording. It was followed, but a phone propped firmly against something heavy, or on a tripod, gives steadier results.',
    });
  }
  // Seen end-on, the landmarks of someone on all fours make the view look like a corner, the front
  // or nothing in particular (rendered clips from behind were called high-corner, front, rear-raised
  // and unknown); a narrow moving region settles that it is end-on, not which end.
  const endOn = motion !== null && view !== 'side' && isEndOn(motion);
  return { frames, view: endOn ? 'end-on' : view, nearCorner, endOn, cam, motion };
}

function readPart(
  part: { startMs: number; endMs: number },
  partFrames: readonly FrameResult[],
  pictures: MotionFrames | null,
  recorded: boolean,
  quality: QualityMessage[],
): CameraReading {
  const events: BirdDogEvent[] = [];
  const prepared = preparePart(partFrames, pictures, recorded, quality);
  const { frames, view, cam, motion, endOn } = prepared;
  // Reps: from the camera's limbs (side views) or the picture's change (end-on and corner views).
  const fromMotion = endOn && motion ? endOnReps(motion, view, quality) : { reps: [], rise: null, liftsWithoutLeg: 0 };
  const liftsWithoutLeg = fromMotion.liftsWithoutLeg;
  const corner = motion && !endOn && prepared.nearCorner ? cornerReps(motion, cam) : { reps: [], rise: null };
  let reps: TrackedForRules[] = fromMotion.reps;
  let motionRise: number[] | null = fromMotion.rise;
  let legLifts = 0;
  // The landmarks' own reps: with 3D world landmarks in every view but end-on (a limb's turn in 3D
  // does not depend on the view), otherwise from the side or when the picture timed nothing.
  const fromLandmarks = endOn
    ? reps.length === 0 && liftsWithoutLeg === 0
    : cam.reach !== null || corner.reps.length === 0;
  if (fromLandmarks) {
    const own = landmarkReps(prepared, corner.reps, events);
    reps = own.reps;
    legLifts = own.legLifts;
    if (reps.some((r) => r.foundBy === 'camera-motion')) motionRise = corner.rise;
  } else if (corner.reps.length > 0) {
    reps = corner.reps;
    motionRise = corner.rise;
  }
  if (corner.reps.length > 0 && reps.some((r) => r.foundBy === 'camera-motion')) {
    quality.push({
      code: 'view-limits',
      message: `Filmed ${viewLabel(view)}, ${reps.every((r) => r.foundBy === 'camera-motion') ? 'the reps were' : 'some reps were'} timed from how the picture changed and the lifted leg from the body points the camera tracked; the opposite arm is assumed.`,
    });
  }
  const seesLimbs = cam.reach !== null && view !== 'end-on';
  reps = withoutLongHolds(reps, quality);
  return {
    startMs: part.startMs,
    endMs: part.endMs,
    frames,
    view,
    cam,
    motion,
    reps,
    motionRise,
    liftsWithoutLeg,
    legLifts,
    seesLimbs,
    events,
  };
}

/** End-on, the reps and the lifted leg come from where the picture changes. */
function endOnReps(
  motion: MotionSignals,
  view: CameraViewKind,
  quality: QualityMessage[],
): { reps: TrackedForRules[]; rise: number[] | null; liftsWithoutLeg: number } {
  const found = repsFromMotion(motion);
  if (found.ok) {
    quality.push({
      code: 'view-limits',
      message: `Filmed ${viewLabel(view)}, the reps and which leg lifted come from how the picture changed; the camera cannot see which arm reached, so the opposite arm is assumed.`,
    });
    return {
      reps: found.reps.map((r) => ({ ...r, foundBy: 'camera-motion' as const, cueLeg: r.leg })),
      rise: found.rise,
      liftsWithoutLeg: 0,
    };
  }
  if (found.lifts > 0) {
    // The picture timed the lifts but their change sat in the middle (someone small in the picture,
    // in front): the landmarks cannot settle the leg end-on either (docs/accuracy.md), and a rep on
    // the wrong side would put its pelvis on the wrong side's verdict, so none is judged.
    quality.push({
      code: 'view-limits',
      message: `Filmed ${viewLabel(view)}, the picture showed ${found.lifts === 1 ? 'one lift' : `${found.lifts} lifts`} but not which leg lifted, so ${found.lifts === 1 ? 'it is' : 'they are'} not judged.`,
    });
    return { reps: [], rise: found.rise, liftsWithoutLeg: found.lifts };
  }
  quality.push({
    code: 'view-limits',
    message: `Filmed ${viewLabel(view)}, the reps could not be timed from the picture: ${found.reason}.`,
  });
  return { reps: [], rise: found.rise, liftsWithoutLeg: 0 };
}

/**
 * Off the side (a corner, or a view the landmarks misjudge) the picture's limb heights carry a
 * constant offset and run reps together, but the picture's change times them; the leg comes from
 * the landmarks, compared across reps. (Phone-recorded high corner: MoveNet called it 'front' and
 * its landmarks found 3 reps for 2.)
 */
function cornerReps(motion: MotionSignals, cam: CameraSignals): { reps: TrackedForRules[]; rise: number[] | null } {
  const timed = motionTimedReps(motion);
  const sides = timed.ok
    ? splitSides(
        timed.reps.map((r) => cornerSideScore(cam, r)),
        BIRD_DOG_MOTION.CORNER_MIN_SIDE_SPLIT,
        BIRD_DOG_MOTION.CORNER_MIN_SIDE_OFFSET,
      )
    : null;
  if (!timed.ok || !sides) return { reps: [], rise: null };
  return {
    reps: joinSplitReps(
      timed.reps.map((r, i) => ({ ...r, foundBy: 'camera-motion' as const, cueLeg: sides[i]! })),
      (r) => r.cueLeg,
    ),
    rise: timed.rise,
  };
}

/** The reps the landmarks' limbs show, combined with the picture-timed corner reps; the phase events go into `events`. */
function landmarkReps(
  { cam, frames, view }: PreparedPart,
  corner: readonly TrackedForRules[],
  events: BirdDogEvent[],
): { reps: TrackedForRules[]; legLifts: number } {
  const signal = limbSignal(cam);
  const tracker = new BirdDogPhaseTracker();
  const found: TrackedRep[] = [];
  cam.tMs.forEach((t, i) => {
    for (const e of tracker.push(t, signal[i]!)) {
      if (e.type === 'rep-end') found.push(e.rep);
      else events.push({ tMs: e.tMs, type: e.type });
    }
  });
  for (const e of tracker.finish(cam.tMs.at(-1) ?? 0)) if (e.type === 'rep-end') found.push(e.rep);
  const reaches = found.filter((r) => isReach(r, frames, view));
  let legLifts = found.length - reaches.length;
  // In 3D the model follows the arms from any view, so leg lifts with no arm reaching in the whole
  // part are another exercise on all fours (a fire hydrant's circles straighten the knee for a
  // moment), not bird-dog reps.
  const noArm = cam.reach !== null && !reaches.some(armReached);
  if (noArm) legLifts += reaches.length;
  const own: TrackedForRules[] = noArm ? [] : reaches.map((r) => ({ ...r, foundBy: 'camera' as const }));
  // What the 3D saw as no reach, the picture's change does not count either.
  const notReach = found.filter((f) => noArm || !reaches.includes(f));
  const timed = corner.filter((c) => !notReach.some((f) => overlap(f, c)));
  return { reps: combineReps(own, timed, found), legLifts };
}

/** A bird-dog hold lasts seconds: a longer "hold" is resting, kneeling or talking between reps. */
function withoutLongHolds(reps: TrackedForRules[], quality: QualityMessage[]): TrackedForRules[] {
  const longest = BIRD_DOG_PHASES.MAX_HOLD_MS + BIRD_DOG_PHASES.HOLD_TIMING_SLACK_MS;
  for (const r of reps.filter((x) => x.holdEndMs - x.holdStartMs > longest)) {
    quality.push({
      code: 'long-hold',
      message: `A position held for ${Math.round((r.holdEndMs - r.holdStartMs) / 1000)} s from ${s1(r.holdStartMs)} s is longer than a bird-dog hold (at most ${BIRD_DOG_PHASES.MAX_HOLD_MS / 1000} s), so it was not counted as a rep: it looked like resting, kneeling or talking. Hold each reach for about 5 s.`,
    });
  }
  return reps.filter((x) => x.holdEndMs - x.holdStartMs <= longest);
}

/**
 * A bird-dog reach: an arm reached, or the lifted leg straightened (its knee at least
 * `LEG_REACH_MIN_KNEE_DEG` at some moment of the rep). A leg lifted with the knee kept bent and no
 * arm reaching is a donkey kick or a fire hydrant, not a rep. The knee is read in 3D from the
 * model's world landmarks, or from the picture in a side view; when neither can see it, a lifted
 * leg counts.
 */
export function isReach(r: TrackedRep, frames: readonly FrameResult[], view: CameraViewKind): boolean {
  const lifted = BIRD_DOG_PHASES.LIMB_LIFTED_RISE;
  if (armReached(r)) return true;
  const leg: BodySide = r.peakRise.leftLeg >= r.peakRise.rightLeg ? 'left' : 'right';
  if (r.peakRise[leg === 'left' ? 'leftLeg' : 'rightLeg'] < lifted) return false;
  let best: number | null = null;
  for (const f of frames) {
    if (f.tMs < r.startMs || f.tMs > r.endMs) continue;
    const knee =
      kneeAngle3d(f, leg) ?? (view === 'side' ? frameAngleAtDeg(f, `${leg}_hip`, `${leg}_knee`, `${leg}_ankle`) : null);
    if (knee !== null) best = Math.max(best ?? 0, knee);
  }
  return best === null || best >= BIRD_DOG_REACH.LEG_REACH_MIN_KNEE_DEG;
}

const overlap = (a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }) =>
  a.startMs < b.endMs && b.startMs < a.endMs;

/**
 * Off the side both the landmarks (`own`) and the picture's change (`timed`) can time the reps, and
 * each fails its own way: the picture's change runs reps together when little of it returns to rest
 * between them (a real man small in the picture, behind at an angle: 2 reps for 4, where the 3D
 * found all 4), and the 3D loses far limbs of rendered figures (from a high corner or behind at 45
 * degrees it missed or mis-sided reps the picture had right). The one that tells more reps apart is
 * read, with the other's reps where it saw nothing (`found`: every movement the landmarks' tracker
 * saw, reach or not); the picture wins a tie, its leg from the landmarks compared across reps having
 * been right on every rendered clip.
 */
export function combineReps<T extends { startMs: number; endMs: number }>(
  own: readonly T[],
  timed: readonly T[],
  found: ReadonlyArray<{ startMs: number; endMs: number }>,
): T[] {
  const out =
    timed.length >= own.length && timed.length > 0
      ? [...timed, ...own.filter((x) => !timed.some((t) => overlap(t, x)))]
      : [...own, ...timed.filter((x) => !found.some((f) => overlap(f, x)))];
  return out.sort((a, b) => a.startMs - b.startMs);
}

const armReached = (r: TrackedRep) =>
  Math.max(r.peakRise.leftArm, r.peakRise.rightArm) >= BIRD_DOG_PHASES.LIMB_LIFTED_RISE;

/** The knee angle (hip-knee-ankle, degrees) from the model's world landmarks, whether or not the picture shows the leg. */
function kneeAngle3d(f: FrameResult, leg: BodySide): number | null {
  if (!hasPerson(f) || !f.world) return null;
  const i = leg === 'left' ? [23, 25, 27] : [24, 26, 28];
  return angleAtDeg3d(toWorldPoint(f.world[i[0]!]), toWorldPoint(f.world[i[1]!]), toWorldPoint(f.world[i[2]!]));
}

/**
 * The part of the camera recording on all fours (session-span.ts), with a note when the start or
 * the end was left out, and its pictures lined up (camera-stabilise.ts). A null span reads it all:
 * never seen upright, or never on all fours long enough (the caller's wrong-exercise check speaks
 * to that), or nobody seen while down.
 */
function cameraSpan(
  frames: readonly FrameResult[],
  motion: MotionFrames | null,
  quality: QualityMessage[],
): { span: ExerciseSpan | null; lined: StabilisedFrames | null } {
  const down = onAllFoursSpan(frames);
  const allFours =
    down && (down.trimmedStart || down.trimmedEnd) && framesWithin(frames, down).some(hasPerson) ? down : null;
  const steady = motion
    ? stabilise(allFours ? motionFramesBetween(motion, allFours.startMs, allFours.endMs) : motion)
    : null;
  if (!allFours) return { span: null, lined: steady };
  // The settled start and end: at rest in the picture, or with every hand and foot down by the landmarks.
  const rests = steady
    ? restMoments(steady.frames)
    : quietMoments(computeCameraSignals(framesWithin(frames, allFours)), BIRD_DOG_PHASES.QUIET_RISE);
  const span = narrowToSettled(allFours, rests);
  const left =
    span.trimmedStart && span.trimmedEnd
      ? 'standing, getting down onto all fours and getting up again are'
      : span.trimmedStart
        ? 'standing and getting down onto all fours are'
        : 'getting up and standing are';
  quality.push({
    code: 'outside-exercise',
    message: `The test was read from ${s1(span.startMs)} s to ${s1(span.endMs)} s of the video, while you were on all fours; ${left} not part of it.`,
  });
  if (!steady) return { span, lined: null };
  return { span, lined: stabilisedBetween(steady, span.startMs, span.endMs) };
}

/** 6 Hz keeps limb movement and removes jitter; low-frame-rate videos need a cutoff below their Nyquist frequency. */
function recordedCutoffHz(frames: readonly FrameResult[]): number {
  const rate = frames.length >= 2 ? estimateSampleRateHz(frames.map((f) => f.tMs)) : 30;
  return Math.min(DEFAULT_POSE_CUTOFF_HZ, 0.4 * rate);
}

/** Corner views: (right leg - left leg) + (left arm - right arm) peak rise over the rep; negative = the left leg's rep. */
function cornerSideScore(cam: CameraSignals, r: TrackedRep): number {
  const idx = cam.tMs.flatMap((t, i) => (t >= r.startMs && t < r.endMs ? [i] : []));
  const peak = (l: Limb) => Math.max(0, ...idx.map((i) => cam.rise[i]![l] ?? 0));
  return peak('rightLeg') - peak('leftLeg') + peak('leftArm') - peak('rightArm');
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);
