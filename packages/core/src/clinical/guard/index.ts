// Public surface of the over-stretch guard: thresholds, the per-hold decision, the session/week
// state machine, the dose per profile and the ISO date/week helpers it uses.

export * from './thresholds.ts';
export * from './dates.ts';
export * from './messages.ts';
export * from './hold-check.ts';
export * from './dose.ts';
export * from './guard-state.ts';
