// The phone's calibration and stream-quality limits, shared by the sacrum and waistband readers.

/** Longer than this between samples is a gap: 250 ms is 4 missed frames at 60 Hz / 7 at 30 Hz, long enough to hide a hip drop. (L) */
export const SENSOR_MAX_GAP_MS = 250;
/** Faster than this the gravity direction did not move with a pelvis: slow bird-dog motion stays under ~60 deg/s, a knock or a slide is far above. (L) */
export const SENSOR_MAX_ANGULAR_SPEED_DEG_PER_S = 400;
/** Tilted further than this from the start posture, the phone is no longer lying on the sacrum: no controlled rep tilts the pelvis 45 deg. (L) */
export const SENSOR_SLID_OFF_TILT_DEG = 45;
/** The zero is the median over the last second of a settled posture (spec Part 1, "Baseline"). */
export const SENSOR_CALIBRATION_WINDOW_MS = 1000;
/** Moving-median length in samples: the spec's 5 frames; ~100-170 ms at 30-60 Hz, short next to a 2 s reach. (L) */
export const SENSOR_SMOOTHING_WINDOW_SAMPLES = 5;
/** The guided rock must spread gravity by at least this SD along its main axis, or its direction is mostly noise (0.3 deg sensor noise; a +-8 deg rock gives ~5.7). (L) */
export const SENSOR_MIN_ROCK_SD_DEG = 1.5;
