// The figure renderer: exact poses of a rigged human, rendered in headless Chromium, with truth.
export { createFigureRenderer, defaultFigure, poseAt, FIGURES } from './figure-renderer.ts';
export type {
  ClipFrame,
  FigureChoice,
  FigureName,
  FigureRenderer,
  FigureRendererOptions,
  FloorPlace,
  FramePoints,
  Keyframe,
  RenderOptions,
  RenderResult,
} from './figure-renderer.ts';
export { blendTargets, boneTargets, interpolatePose, BONES, POSE_KINDS } from './pose-spec.ts';
export type {
  BirdDogPose,
  BlendPose,
  BoneTargets,
  HalfKneelingPose,
  PoseSpec,
  QuadrupedPose,
  RigInfo,
  Side,
  StandingPose,
} from './pose-spec.ts';
export { computeAngles, LANDMARK_NAMES } from './truth.ts';
export type { CameraTruth, FrameTruth, LandmarkName, Point2, Point3, TruthAngles } from './truth.ts';
export { DEFAULT_LOOK, isViewName, lookVariant, VIEW_NAMES, VIEWS } from './views.ts';
export type { Look, ViewName, ViewParams } from './views.ts';
export { birdDogClip, birdDogPlan, halfKneelClip, halfKneelPlan, renderPlan, writeClip } from './clips.ts';
export type {
  BirdDogClipOptions,
  ClipPhase,
  ClipPlan,
  ClipSegment,
  HalfKneelClipOptions,
  LabeledFrame,
  RenderedClip,
} from './clips.ts';
export {
  ensureFixture,
  fixtureHash,
  isFixtureCached,
  labCacheDir,
  readClipTruth,
  readImageTruth,
  LAB_RENDER_VERSION,
} from './fixture-cache.ts';
export type {
  ClipFixture,
  ClipFixtureSpec,
  ClipTruthFile,
  FixtureSpec,
  ImageFixture,
  ImageFixtureSpec,
} from './fixture-cache.ts';
export { cc0FiguresAvailable, figuresDir } from './browser-host.ts';
export { decodePng } from './png.ts';
export type { RgbaImage } from './png.ts';
export { birdDogPhoneLog } from './phone-log.ts';
export { phoneRecording, type PhoneRecordingOptions } from './phone-recording.ts';
