// The stretch dose for a profile (spec C "Dosing"): sets, hold length and days a week per side,
// the weekly volume that gives, and the check against the ~10 min per muscle per week ceiling
// beyond which more stretching adds nothing.

import { GUARD_DOSE as D } from './thresholds.ts';

export interface GuardProfile {
  ageYears?: number | undefined;
}

export type GuardDoseGroup = 'default' | 'older-adult';

export interface GuardDose {
  group: GuardDoseGroup;
  /** Sets per side per session. */
  setsPerSide: number;
  /** Hold length range, seconds; the default dose has one value (min = max). */
  holdSecondsMin: number;
  holdSecondsMax: number;
  /** Days a week, at least; daily is preferred. */
  daysPerWeekMin: number;
  /** The smallest dose that still works, per day. */
  minimumEffective: { setsPerDay: number; holdSeconds: number };
}

/** Default 3 x 30 s per side at least 5 days a week; from 65 years, 2 x 45-60 s per side. */
export function doseForProfile(profile: GuardProfile): GuardDose {
  const older = profile.ageYears !== undefined && profile.ageYears >= D.OLDER_ADULT_AGE_YEARS;
  const minimumEffective = { setsPerDay: D.MIN_EFFECTIVE_SETS_PER_DAY, holdSeconds: D.MIN_EFFECTIVE_HOLD_S };
  return older
    ? {
        group: 'older-adult',
        setsPerSide: D.OLDER_SETS,
        holdSecondsMin: D.OLDER_HOLD_MIN_S,
        holdSecondsMax: D.OLDER_HOLD_MAX_S,
        daysPerWeekMin: D.MIN_DAYS_PER_WEEK,
        minimumEffective,
      }
    : {
        group: 'default',
        setsPerSide: D.DEFAULT_SETS,
        holdSecondsMin: D.DEFAULT_HOLD_S,
        holdSecondsMax: D.DEFAULT_HOLD_S,
        daysPerWeekMin: D.MIN_DAYS_PER_WEEK,
        minimumEffective,
      };
}

/** Minutes of stretching per side per week. */
export function weeklyMinutesPerSide(setsPerSide: number, holdSeconds: number, daysPerWeek: number): number {
  return (setsPerSide * holdSeconds * daysPerWeek) / 60;
}

export type GuardVolumeBand = 'below-effective' | 'effective' | 'at-ceiling';

export interface GuardVolumeCheck {
  minutesPerSide: number;
  band: GuardVolumeBand;
  /** False from about 10 min per side per week: more volume adds nothing, so stop adding it. */
  mayProgressVolume: boolean;
  message: string;
}

/** Places a weekly per-side volume against the 5-10 min band and the ~10 min ceiling. */
export function checkWeeklyVolume(minutesPerSide: number): GuardVolumeCheck {
  if (!Number.isFinite(minutesPerSide) || minutesPerSide < 0) {
    throw new Error(
      `checkWeeklyVolume needs a non-negative number of minutes, got ${minutesPerSide}; compute it with weeklyMinutesPerSide.`,
    );
  }
  if (minutesPerSide >= D.WEEKLY_VOLUME_CEILING_MIN) {
    return {
      minutesPerSide,
      band: 'at-ceiling',
      mayProgressVolume: false,
      message: `About ${Math.round(minutesPerSide)} minutes per side this week is plenty; more than about ${D.WEEKLY_VOLUME_CEILING_MIN} adds nothing.`,
    };
  }
  if (minutesPerSide < D.WEEKLY_VOLUME_FLOOR_MIN) {
    return {
      minutesPerSide,
      band: 'below-effective',
      mayProgressVolume: true,
      message: `About ${Math.round(minutesPerSide)} minutes per side this week; ${D.WEEKLY_VOLUME_FLOOR_MIN} to ${D.WEEKLY_VOLUME_CEILING_MIN} minutes works best, and even one 30-second hold a day helps.`,
    };
  }
  return {
    minutesPerSide,
    band: 'effective',
    mayProgressVolume: true,
    message: `About ${Math.round(minutesPerSide)} minutes per side this week, inside the ${D.WEEKLY_VOLUME_FLOOR_MIN} to ${D.WEEKLY_VOLUME_CEILING_MIN} minute range that works best.`,
  };
}
