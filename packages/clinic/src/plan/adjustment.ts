// The clinician's note and dose adjustment for the hip flexor stretch, checked against the
// over-stretch guard's own limits (core's dose for the person's age and its hold-time steps).
// Anything outside them is refused with one sentence; nothing is clamped silently.

import { z } from 'zod';
import { GUARD_DOSE, GUARD_PROGRESSION, doseForProfile, type Outcome } from '@steadyback/core';

export const NOTE_MAX_CHARS = 2000;

export interface PlanAdjustment {
  note: string;
  holdSeconds: number | null;
  setsPerSide: number | null;
  daysPerWeek: number | null;
}

/** The form as sent: every field a string, an empty one meaning "leave as the app's plan says". */
export const adjustmentFormSchema = z.object({
  note: z.string().default(''),
  holdSeconds: z.string().default(''),
  setsPerSide: z.string().default(''),
  daysPerWeek: z.string().default(''),
});

export interface DoseLimits {
  holdSteps: number[];
  setsMin: number;
  setsMax: number;
  daysMin: number;
  daysMax: number;
}

export function doseLimits(ageYears: number | null): DoseLimits {
  const dose = doseForProfile({ ageYears: ageYears ?? undefined });
  return {
    holdSteps: GUARD_PROGRESSION.HOLD_STEPS_S.filter((s) => s <= dose.holdSecondsMax),
    setsMin: GUARD_DOSE.MIN_EFFECTIVE_SETS_PER_DAY,
    setsMax: dose.setsPerSide,
    daysMin: dose.daysPerWeekMin,
    daysMax: 7,
  };
}

const orList = (xs: readonly number[]): string =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`;

type Whole = Outcome<{ value: number | null }>;

function wholeNumber(text: string, what: string): Whole {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^\d{1,3}$/.test(t)) return { ok: false, reason: `${what} must be a whole number.` };
  return { ok: true, value: Number(t) };
}

function inRange(v: Whole, min: number, max: number, sentence: string): Whole {
  if (!v.ok || v.value === null) return v;
  return v.value >= min && v.value <= max ? v : { ok: false, reason: sentence };
}

export function validateAdjustment(raw: unknown, ageYears: number | null): Outcome<{ adjustment: PlanAdjustment }> {
  const form = adjustmentFormSchema.safeParse(raw);
  if (!form.success) return { ok: false, reason: 'The plan form was incomplete; reload the page and try again.' };
  const f = form.data;
  const lim = doseLimits(ageYears);
  const note = f.note.trim();
  if (note.length > NOTE_MAX_CHARS)
    return { ok: false, reason: `The note is too long; keep it under ${NOTE_MAX_CHARS} characters.` };
  const hold = wholeNumber(f.holdSeconds, 'The hold time');
  if (hold.ok && hold.value !== null && !lim.holdSteps.includes(hold.value))
    return {
      ok: false,
      reason: `A ${hold.value}-second hold is outside the guard's steps for this person; choose ${orList(lim.holdSteps)} seconds.`,
    };
  const sets = inRange(
    wholeNumber(f.setsPerSide, 'Sets per side'),
    lim.setsMin,
    lim.setsMax,
    `Sets per side must be between ${lim.setsMin} and ${lim.setsMax} for this person.`,
  );
  const days = inRange(
    wholeNumber(f.daysPerWeek, 'Days a week'),
    lim.daysMin,
    lim.daysMax,
    `Days a week must be between ${lim.daysMin} and ${lim.daysMax}; the stretch works when done most days.`,
  );
  for (const v of [hold, sets, days]) if (!v.ok) return v;
  return {
    ok: true,
    adjustment: {
      note,
      holdSeconds: hold.ok ? hold.value : null,
      setsPerSide: sets.ok ? sets.value : null,
      daysPerWeek: days.ok ? days.value : null,
    },
  };
}
