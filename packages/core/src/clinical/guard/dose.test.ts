import { describe, expect, it } from 'vitest';
import { checkWeeklyVolume, doseForProfile, weeklyMinutesPerSide } from './dose.ts';

describe('doseForProfile', () => {
  it.each([[undefined], [20], [40], [64], [64.9]])(
    'gives age %s the default 3 x 30 s per side, at least 5 days a week',
    (ageYears) => {
      const dose = doseForProfile(ageYears === undefined ? {} : { ageYears });
      expect(dose).toMatchObject({
        group: 'default',
        setsPerSide: 3,
        holdSecondsMin: 30,
        holdSecondsMax: 30,
        daysPerWeekMin: 5,
      });
    },
  );

  it.each([[65], [72], [90]])('gives age %s the older-adult 2 x 45-60 s per side', (ageYears) => {
    expect(doseForProfile({ ageYears })).toMatchObject({
      group: 'older-adult',
      setsPerSide: 2,
      holdSecondsMin: 45,
      holdSecondsMax: 60,
      daysPerWeekMin: 5,
    });
  });

  it('names the minimum effective dose of one 30 s hold a day', () => {
    expect(doseForProfile({}).minimumEffective).toEqual({ setsPerDay: 1, holdSeconds: 30 });
  });
});

describe('weekly volume', () => {
  it.each([
    [3, 30, 5, 7.5],
    [3, 30, 7, 10.5],
    [2, 45, 5, 7.5],
    [2, 60, 7, 14],
    [1, 30, 7, 3.5],
  ])('%i x %i s on %i days is %f min per side', (sets, hold, days, minutes) => {
    expect(weeklyMinutesPerSide(sets, hold, days)).toBeCloseTo(minutes, 9);
  });

  it.each([
    [3.5, 'below-effective', true],
    [7.5, 'effective', true],
    [9.99, 'effective', true],
    [10, 'at-ceiling', false],
    [14, 'at-ceiling', false],
  ] as const)('places %f min per side as %s (may progress volume: %s)', (minutes, band, mayProgress) => {
    const check = checkWeeklyVolume(minutes);
    expect(check.band).toBe(band);
    expect(check.mayProgressVolume).toBe(mayProgress);
    expect(check.message.length).toBeGreaterThan(0);
  });

  it('throws on a negative volume, a programmer error', () => {
    expect(() => checkWeeklyVolume(-1)).toThrow(/weeklyMinutesPerSide/);
  });
});
