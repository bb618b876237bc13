// Dev-only: synthetic bodies, phone streams and frames with exact, known truth, behind the rule
// tests and the accuracy lab's comparisons. Never a dependency of the app or the installed CLI.
export * from './camera.ts';
export * from './body-model.ts';
export * from './quadruped.ts';
export * from './bird-dog-sequence.ts';
export * from './half-kneeling.ts';
export * from './stretch-sequence.ts';
export * from './bird-dog-test.ts';
export * from './simulate-weeks.ts';
export * from './paced-pelvis.ts';
export * from './silhouette.ts';
export * from './test-frames.ts';
export * from './pelvis-generator.ts';
export * from './bird-dog-support.ts';
