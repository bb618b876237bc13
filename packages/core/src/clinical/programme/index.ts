// Public surface of the programme layer: the safety gate (rule set A), the pain traffic light and
// outcomes (rule set E), and the weekly plan that combines them with the bird-dog and stretch data.

export * from './thresholds.ts';
export * from './safety-gate.ts';
export * from './traffic-light.ts';
export * from './plan.ts';
export * from './disability.ts';
