// Public surface of the phone-on-the-pelvis sensor pipeline: W3C orientation maths, sample
// series and CSV parsing, pelvis roll/pitch and waistband tilt.

export * from './orientation.ts';
export * from './sensor-series.ts';
export * from './pelvis-tilt.ts';
