// The half-kneeling hip flexor stretch (rule set C): public surface.
export * from './thresholds.ts';
export * from './result.ts';
export { analyzeStretch, stretchAngles, type StretchInput, type WaistbandInput } from './analyze.ts';
export {
  FaultPersistence,
  oscillation,
  waistbandCandidates,
  type FaultCandidate,
  type StretchCueKey,
} from './fault-persistence.ts';
export { waistbandInputFromSamples, type WaistbandInputResult } from './waistband-input.ts';
export { WaistbandHoldTracker, WAISTBAND_MAX_GAP_MS, type WaistbandHoldState } from './waistband-hold.ts';
