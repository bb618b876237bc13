// The landmark model: BlazePose's 33 named points, and MoveNet's 17 mapped onto them.
// Everything downstream speaks BlazePose names; a model that lacks a point leaves it null.

export const BLAZEPOSE_LANDMARKS = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type LandmarkName = (typeof BLAZEPOSE_LANDMARKS)[number];
export const LANDMARK_COUNT = BLAZEPOSE_LANDMARKS.length;

const INDEX_BY_NAME = new Map<string, number>(BLAZEPOSE_LANDMARKS.map((n, i) => [n, i]));

/** Index of a BlazePose landmark by name; throws for a name that is not in the model. */
export function landmarkIndex(name: LandmarkName): number {
  const i = INDEX_BY_NAME.get(name);
  if (i === undefined) throw new Error(`Unknown landmark "${name}": use one of BLAZEPOSE_LANDMARKS.`);
  return i;
}

export function isLandmarkName(name: string): name is LandmarkName {
  return INDEX_BY_NAME.has(name);
}

/** MoveNet's 17 keypoints in model order; every name is also a BlazePose name. */
export const MOVENET_LANDMARKS = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const satisfies readonly LandmarkName[];

/** Left/right partner of each landmark (the person's own sides), used when a view is mirrored. */
export function mirrorName(name: LandmarkName): LandmarkName {
  if (name.startsWith('left_')) return ('right_' + name.slice(5)) as LandmarkName;
  if (name.startsWith('right_')) return ('left_' + name.slice(6)) as LandmarkName;
  if (name === 'mouth_left') return 'mouth_right';
  if (name === 'mouth_right') return 'mouth_left';
  return name;
}

/** Skeleton edges for drawing overlays (pairs of BlazePose names). */
export const SKELETON_EDGES: ReadonlyArray<readonly [LandmarkName, LandmarkName]> = [
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
  ['nose', 'left_eye'],
  ['nose', 'right_eye'],
  ['left_eye', 'left_ear'],
  ['right_eye', 'right_ear'],
];
