// Which way the camera looks at the body, from the landmarks alone. The rules need this: limb
// heights and trunk sag need the side view, and pelvic roll is not measurable from any camera
// view (DESIGN.md section 3a). Uses the median of several frames so one bad frame cannot flip it.

import { median } from '../signal/stats.ts';
import { frameDistance, frameMidpoint } from '../pose/frame-geometry.ts';
import type { FrameResult } from '../pose/pose-frame.ts';
import { visiblePoint } from '../pose/visibility.ts';

/**
 * 'end-on': along the body, from behind or in front, when the landmarks cannot say which (someone on
 * all fours filmed end-on: the models swap left and right and lose the face; camera-motion.ts).
 */
export type CameraViewKind =
  'side' | 'rear' | 'rear-raised' | 'rear-oblique' | 'front' | 'high-corner' | 'end-on' | 'unknown';

export interface DetectedView {
  readonly kind: CameraViewKind;
  /** For a side view: which of the person's sides faces the camera. */
  readonly sideTowardCamera: 'left' | 'right' | null;
  /** Estimated angle between the camera's line of sight and the person's side-to-side axis, degrees (0 = pure side view, 90 = from behind or in front). */
  readonly yawFromSideDeg: number | null;
  /** Plain-language name for messages. */
  readonly label: string;
}

export type ViewPosture = 'quadruped' | 'half-kneeling';

/**
 * Reference proportions per posture, as measured on an adult body: the vertical segment that no
 * hip-height view foreshortens (thigh on all fours, trunk when kneeling upright), the shoulder
 * width and the trunk's horizontal run relative to it.
 */
const POSTURE = {
  quadruped: { vertical: ['hip', 'knee'], shoulderWidth: 0.8, horizontalRun: 1.15 },
  'half-kneeling': { vertical: ['shoulder', 'hip'], shoulderWidth: 0.69, horizontalRun: 0 },
} as const;

/** Views closer than this to a pure side view count as side views. (L: synthetic probe.) */
export const SIDE_VIEW_MAX_YAW_DEG = 25;
/**
 * Side views at least this far from a pure side view are near a corner, and the landmarks may have
 * misread one: real side views of people on all fours read 10-24 degrees (a slightly turned one 21,
 * a child's pose 24), rendered figures filmed behind at 45 degrees 24-32, one of them called side.
 * Such a view still measures leg height, but its reps are timed as from a corner too. (M)
 */
export const SIDE_VIEW_SURE_YAW_DEG = 20;
/** Views beyond this count as straight from behind or in front. */
export const REAR_VIEW_MIN_YAW_DEG = 65;
/**
 * On all fours the shoulders are about level with the hips, so in the picture a shoulder-to-hip
 * rise larger than this (in thigh lengths) means a raised camera looking along the body, even when
 * the landmarks' proportions look like a side view. Real side views of people on all fours read
 * -0.28 to -0.12 (a child's pose 0.39), a rendered high corner at the head end 0.82. (M)
 */
export const RAISED_TRUNK_RISE = 0.6;

const LABELS: Record<CameraViewKind | 'none', string> = {
  none: 'without a camera',
  side: 'from the side',
  rear: 'from behind',
  'rear-raised': 'from behind and above',
  'rear-oblique': 'from behind at an angle',
  front: 'from the front',
  'high-corner': 'from a high corner',
  'end-on': 'from behind or in front',
  unknown: 'from an angle we could not work out',
};

/** Plain words for where the camera was, for messages ("filmed you from behind"). */
export function viewLabel(kind: CameraViewKind | 'none'): string {
  return LABELS[kind];
}

export function detectCameraView(frames: readonly FrameResult[], posture: ViewPosture): DetectedView {
  const p = POSTURE[posture];
  const shoulderW: number[] = [],
    ref: number[] = [],
    dx: number[] = [],
    dy: number[] = [],
    order: number[] = [];
  for (const f of frames) {
    const sw = frameDistance(f, 'left_shoulder', 'right_shoulder');
    const [a, b] = p.vertical;
    const refL = frameDistance(f, `left_${a}`, `left_${b}`);
    const refR = frameDistance(f, `right_${a}`, `right_${b}`);
    const r = refL !== null && refR !== null ? (refL + refR) / 2 : (refL ?? refR);
    const sm = frameMidpoint(f, 'left_shoulder', 'right_shoulder');
    const hm = frameMidpoint(f, 'left_hip', 'right_hip');
    const ls = visiblePoint(f, 'left_shoulder');
    const rs = visiblePoint(f, 'right_shoulder');
    if (sw === null || r === null || r <= 0 || !sm || !hm || !ls || !rs) continue;
    shoulderW.push(sw / r);
    ref.push(r);
    dx.push((sm.x - hm.x) / r);
    dy.push((sm.y - hm.y) / r);
    order.push(rs.x - ls.x);
  }
  if (shoulderW.length === 0)
    return { kind: 'unknown', sideTowardCamera: null, yawFromSideDeg: null, label: LABELS.unknown };
  const w = median(shoulderW)! / p.shoulderWidth;
  const run = p.horizontalRun > 0 ? Math.abs(median(dx)!) / p.horizontalRun : 0;
  // For an upright posture the trunk has no horizontal run; the shoulder width alone gives the yaw.
  const yaw = p.horizontalRun > 0 ? (Math.atan2(w, run) * 180) / Math.PI : (Math.asin(Math.min(1, w)) * 180) / Math.PI;
  const rightOnImageRight = median(order)! > 0;
  const raised = posture === 'quadruped' && Math.abs(median(dy)!) > RAISED_TRUNK_RISE;
  let kind: CameraViewKind;
  let sideTowardCamera: 'left' | 'right' | null = null;
  if (yaw < SIDE_VIEW_MAX_YAW_DEG && raised) {
    // Leg height and trunk sag need the camera at hip height: from above they are not measured.
    kind = 'high-corner';
  } else if (yaw < SIDE_VIEW_MAX_YAW_DEG) {
    kind = 'side';
    // On all fours the head points toward the camera's left when the person's left side faces it;
    // kneeling upright, the nose points toward image left in the same case... use the chest direction.
    sideTowardCamera = posture === 'quadruped' ? (median(dx)! < 0 ? 'left' : 'right') : null;
  } else if (yaw < REAR_VIEW_MIN_YAW_DEG) {
    kind = raised ? 'high-corner' : rightOnImageRight ? 'rear-oblique' : 'front';
  } else {
    kind = rightOnImageRight ? (raised ? 'rear-raised' : 'rear') : 'front';
  }
  return { kind, sideTowardCamera, yawFromSideDeg: yaw, label: LABELS[kind] };
}

export type Posture = 'quadruped' | 'upright' | 'unknown';

/**
 * Two signs of someone upright (standing or kneeling) rather than on all fours, both in thigh
 * lengths: the hands hang near the hips, well above the knees (on all fours they are on the
 * floor; seen from a high corner they still look only half a thigh higher than the knees), and
 * the shoulders stand high above the hips (on all fours they are level with them, or up to about
 * 0.9 thigh lengths higher when seen from above). Both must agree, because from behind the hands
 * of someone on all fours are hidden and the model guesses where they are.
 */
export const HANDS_ON_FLOOR_MAX_RISE = 0.7;
export const QUADRUPED_MAX_SHOULDER_RISE = 1.0;
/** Upright, the shoulders are a trunk length (about 1.15 thigh lengths) above the hips; 0.8 leaves room for a model that stretches the thigh. */
export const UPRIGHT_MIN_SHOULDER_RISE = 0.8;
/** Share of frames with a person in which the trunk must be seen to decide. */
export const MIN_POSTURE_FRAME_SHARE = 0.5;

export function detectPosture(frames: readonly FrameResult[]): Posture {
  const hands: number[] = [];
  const trunk: number[] = [];
  for (const f of frames) {
    const thigh = frameDistance(f, 'left_hip', 'left_knee') ?? frameDistance(f, 'right_hip', 'right_knee');
    if (!thigh) continue;
    const wl = visiblePoint(f, 'left_wrist'),
      wr = visiblePoint(f, 'right_wrist');
    const kl = visiblePoint(f, 'left_knee'),
      kr = visiblePoint(f, 'right_knee');
    const lowerWrist = wl && wr ? Math.max(wl.y, wr.y) : (wl ?? wr)?.y;
    const lowerKnee = kl && kr ? Math.max(kl.y, kr.y) : (kl ?? kr)?.y;
    if (lowerWrist !== undefined && lowerKnee !== undefined) hands.push((lowerKnee - lowerWrist) / thigh);
    const sm = frameMidpoint(f, 'left_shoulder', 'right_shoulder');
    const hm = frameMidpoint(f, 'left_hip', 'right_hip');
    if (sm && hm) trunk.push((hm.y - sm.y) / thigh);
  }
  // Only a clear majority of well-seen frames may call it: rejecting a real bird-dog is worse than
  // analysing a wrong one (from behind, the model often loses the shoulders of someone on all fours).
  const withPerson = frames.filter((f) => f.landmarks !== null).length;
  if (trunk.length === 0 || trunk.length < MIN_POSTURE_FRAME_SHARE * withPerson) return 'unknown';
  const trunkRise = median(trunk)!;
  const handRise = hands.length > 0 ? median(hands)! : null;
  // Each answer needs both signs to agree; anything in between is 'unknown' (never reject on it).
  if (trunkRise > UPRIGHT_MIN_SHOULDER_RISE && (handRise === null || handRise > HANDS_ON_FLOOR_MAX_RISE))
    return 'upright';
  if (trunkRise < QUADRUPED_MAX_SHOULDER_RISE && handRise !== null && handRise <= HANDS_ON_FLOOR_MAX_RISE)
    return 'quadruped';
  return 'unknown';
}

/**
 * Someone upright (standing, or kneeling tall) is tall and narrow; on all fours they are not, in
 * most views: the box around their visible joints, height over width. Rendered clips, BlazePose
 * full and MoveNet Thunder: standing 4.9-5.9 from behind and 11-13 from the side; on all fours
 * 0.3-0.9 (side, high corner), 1.2-2.5 (in front) and 3.1-3.7 (from behind, where perspective
 * stretches the body: the near feet low, the far shoulders high). So from behind this alone is a
 * thin margin; session-span.ts adds how much taller than usual the body stands. (L: rendered clips.)
 */
export const UPRIGHT_MIN_BOX_ASPECT = 4.3;
/** Joints that span the body; at least `BODY_BOX_MIN_JOINTS` of them must be seen to measure the box. */
const SPAN_JOINTS = [
  'nose',
  'left_shoulder',
  'right_shoulder',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_wrist',
  'right_wrist',
] as const;
export const BODY_BOX_MIN_JOINTS = 6;

/** The box around the body's visible joints: its height (picture heights) and its height over width; null when too few joints are seen. */
export function bodyBox(f: FrameResult): { readonly heightShare: number; readonly aspect: number } | null {
  if (!f.landmarks) return null;
  const pts = SPAN_JOINTS.map((n) => visiblePoint(f, n)).filter((p) => p !== null);
  if (pts.length < BODY_BOX_MIN_JOINTS) return null;
  // visiblePoint is aspect-corrected: x and y are in the same units (picture heights).
  const xs = pts.map((p) => p.x),
    ys = pts.map((p) => p.y);
  const w = Math.max(...xs) - Math.min(...xs),
    h = Math.max(...ys) - Math.min(...ys);
  return { heightShare: h, aspect: h / Math.max(w, 1e-3) };
}

/**
 * Do the legs stand under the body: for every leg seen whole, hip above knee above ankle in the
 * picture (true); a leg out of that order (false: on all fours from behind, a lifted foot rises
 * above its knee); null when no leg is seen whole.
 */
export function legsStacked(f: FrameResult): boolean | null {
  let seen = 0;
  for (const s of ['left', 'right'] as const) {
    const hip = visiblePoint(f, `${s}_hip`),
      knee = visiblePoint(f, `${s}_knee`),
      ankle = visiblePoint(f, `${s}_ankle`);
    if (!hip || !knee || !ankle) continue;
    seen++;
    if (!(hip.y < knee.y && knee.y < ankle.y)) return false;
  }
  return seen > 0 ? true : null;
}
