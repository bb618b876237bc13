// What made the guard act on a hold, in a file of its own so the check (hold-check.ts) and the
// sentences (messages.ts) both read it without importing each other.

export type GuardTrigger =
  | 'pain'
  | 'leg-symptoms'
  | 'low-back-twice'
  | 'intensity-above-cap'
  | 'low-back'
  | 'arching-camera'
  | 'arching-sensor'
  | 'bouncing-camera'
  | 'bouncing-sensor'
  | 'beyond-depth-cap';
