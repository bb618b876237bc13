// Synthetic bodies with exact, known poses: the ground truth behind the core's rule tests and the
// accuracy lab's sensor and camera comparisons.
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
