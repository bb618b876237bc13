// The bird-dog stability test (rule set B): public surface.
export * from './thresholds.ts';
export * from './result.ts';
export { pelvicRollBand } from './bands.ts';
export * from './phases.ts';
export {
  analyzeBirdDog,
  classify,
  sideVerdict,
  overallVerdict,
  type BirdDogInput,
  type PelvisInput,
} from './analyze.ts';
export { pelvisInputFromSamples, type PelvisInputResult } from './pelvis-input.ts';
export * from './pacing.ts';
export {
  isEndOn,
  motionTimedReps,
  repsFromMotion,
  sidesFromChangePlace,
  splitSides,
  type RepChangePlace,
  type MotionRep,
  type MotionRepsResult,
  type MotionTimedReps,
} from './motion-reps.ts';
export * from './session-span.ts';
export { holdLabel } from './explain.ts';
