// The two exercises, each an analyser over pose frames and phone samples with its own rules,
// thresholds, result type and explanations: the bird-dog test and the hip flexor stretch.
export * from './bird-dog/index.ts';
export * from './hip-flexor-stretch/index.ts';
export * from './camera-input.ts';
