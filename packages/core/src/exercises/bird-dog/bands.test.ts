// The R1 band on each side of both thresholds, either way of rolling, and nothing measured.
import { describe, expect, it } from 'vitest';
import { band, pelvicRollBand } from './bands.ts';
import { BIRD_DOG_THRESHOLDS as T } from './thresholds.ts';

describe('pelvicRollBand', () => {
  it('is green below the amber threshold and amber from it', () => {
    expect(pelvicRollBand(T.R1_ROLL_AMBER_DEG - 0.1)).toBe('green');
    expect(pelvicRollBand(T.R1_ROLL_AMBER_DEG)).toBe('amber');
  });

  it('is amber below the red threshold and red from it, whichever hip drops', () => {
    expect(pelvicRollBand(T.R1_ROLL_RED_DEG - 0.1)).toBe('amber');
    expect(pelvicRollBand(T.R1_ROLL_RED_DEG)).toBe('red');
    expect(pelvicRollBand(-T.R1_ROLL_RED_DEG)).toBe('red');
  });

  it('is not measurable without a value', () => {
    expect(pelvicRollBand(null)).toBe('not-measurable');
  });
});

describe('band', () => {
  it('leaves the thresholds themselves out unless asked to include them', () => {
    expect(band(10, 5, 10)).toBe('amber');
    expect(band(10.1, 5, 10)).toBe('red');
    expect(band(5, 5, 10)).toBe('green');
  });
});
