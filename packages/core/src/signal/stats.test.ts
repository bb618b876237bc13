// The three quantile methods give their own answers on the same values, and the mean and median
// handle no values the way their callers rely on.
import { describe, expect, it } from 'vitest';
import { mean, median, quantile, quantileLinear, quantileNearestRank } from './stats.ts';

const xs = [40, 10, 30, 20];

describe('quantiles', () => {
  it('picks the rank below, the nearest rank, or interpolates', () => {
    expect(quantile(xs, 0.3)).toBe(10);
    expect(quantileNearestRank(xs, 0.3)).toBe(20);
    expect(quantileLinear(xs, 0.3)).toBeCloseTo(19, 9);
  });

  it('agree at the ends', () => {
    for (const q of [0, 1]) {
      expect(quantile(xs, q)).toBe(q === 0 ? 10 : 40);
      expect(quantileNearestRank(xs, q)).toBe(q === 0 ? 10 : 40);
      expect(quantileLinear(xs, q)).toBe(q === 0 ? 10 : 40);
    }
  });

  it('say what no values give', () => {
    expect(quantile([], 0.5)).toBe(0);
    expect(quantileNearestRank([], 0.5)).toBeNull();
    expect(quantileLinear([], 0.5)).toBe(0);
  });
});

describe('mean and median', () => {
  it('average and take the middle, skipping missing values in the median', () => {
    expect(mean(xs)).toBe(25);
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median(xs)).toBe(25);
  });

  it('give NaN and null for no values', () => {
    expect(mean([])).toBeNaN();
    expect(median([])).toBeNull();
  });
});
