// The bird-dog stability test (rule set B): public surface.
export * from './thresholds.ts';
export * from './result.ts';
export * from './phases.ts';
export { analyzeBirdDog, classify, sideVerdict, overallVerdict, type BirdDogInput, type PelvisInput } from './analyze.ts';
export { pelvisInputFromSamples, type PelvisInputResult } from './pelvis-input.ts';
export * from './pacing.ts';
export { isEndOn, repsFromMotion, sidesFromLateral, type MotionRep, type MotionRepsResult } from './motion-reps.ts';
