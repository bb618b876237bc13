// The clinician's dose adjustment stays inside the over-stretch guard's limits for the person's
// age: hold steps up to the profile's maximum, sets and days inside the dose; outside is refused.
import { describe, expect, it } from 'vitest';
import { GUARD_DOSE } from '@steadyback/core';
import { doseLimits, validateAdjustment } from './adjustment.ts';

describe('dose limits', () => {
  it('allow 20 or 30 second holds and up to 3 sets below 65, and up to 60 s and 2 sets from 65', () => {
    expect(doseLimits(40)).toEqual({ holdSteps: [20, 30], setsMin: 1, setsMax: 3, daysMin: 5, daysMax: 7 });
    expect(doseLimits(null).holdSteps).toEqual([20, 30]);
    expect(doseLimits(GUARD_DOSE.OLDER_ADULT_AGE_YEARS)).toMatchObject({ holdSteps: [20, 30, 45, 60], setsMax: 2 });
  });
});

describe('validateAdjustment', () => {
  it('accepts values inside the limits and keeps empty fields as "as the app says"', () => {
    const r = validateAdjustment({ note: '  Go gently.  ', holdSeconds: '30', setsPerSide: '', daysPerWeek: '7' }, 40);
    expect(r).toEqual({
      ok: true,
      adjustment: { note: 'Go gently.', holdSeconds: 30, setsPerSide: null, daysPerWeek: 7 },
    });
  });

  it.each([
    [{ holdSeconds: '45' }, 40, /45-second hold is outside the guard's steps for this person; choose 20 or 30 seconds/],
    [{ holdSeconds: '25' }, 70, /choose 20, 30, 45 or 60 seconds/],
    [{ setsPerSide: '3' }, 70, /Sets per side must be between 1 and 2/],
    [{ setsPerSide: '0' }, 40, /Sets per side must be between 1 and 3/],
    [{ daysPerWeek: '4' }, 40, /Days a week must be between 5 and 7/],
    [{ daysPerWeek: '8' }, 40, /Days a week must be between 5 and 7/],
    [{ holdSeconds: '3e1' }, 40, /The hold time must be a whole number/],
    [{ note: 'x'.repeat(2001) }, 40, /under 2000 characters/],
  ])('refuses %j (age %i) with one sentence', (form, age, sentence) => {
    const r = validateAdjustment(form, age);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(sentence);
  });

  it('accepts a 60-second hold from 65 but not below', () => {
    expect(validateAdjustment({ holdSeconds: '60' }, 65).ok).toBe(true);
    expect(validateAdjustment({ holdSeconds: '60' }, 64).ok).toBe(false);
  });
});
