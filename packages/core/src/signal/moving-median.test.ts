import { describe, it, expect } from 'vitest';
import { MOVING_MEDIAN_WINDOW_FRAMES, MovingMedian, movingMedian } from './moving-median.ts';
import { median } from './stats.ts';

describe('median', () => {
  it('handles odd and even counts and skips nulls', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined, 1, Number.NaN])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('movingMedian', () => {
  it('uses the 5-frame window of the spec by default', () => {
    expect(MOVING_MEDIAN_WINDOW_FRAMES).toBe(5);
  });
  it('removes a one-frame spike that a mean would smear', () => {
    const xs = [10, 10, 10, 10, 80, 10, 10, 10, 10];
    expect(movingMedian(xs, 5, 'centred')).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(movingMedian(xs, 5, 'trailing')).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
  });
  it('trailing windows use past samples only', () => {
    const xs = [1, 2, 3, 4, 5, 6];
    const out = movingMedian(xs, 3, 'trailing');
    expect(out).toEqual([1, 1.5, 2, 3, 4, 5]);
    expect(movingMedian([...xs, 100, 100], 3, 'trailing').slice(0, 6)).toEqual(out);
  });
  it('centred windows do not lag a ramp', () => {
    expect(movingMedian([1, 2, 3, 4, 5, 6], 3, 'centred')).toEqual([1.5, 2, 3, 4, 5, 5.5]);
  });
  it('keeps nulls as nulls and ignores them inside windows', () => {
    expect(movingMedian([1, null, 3, 100, 5], 3, 'centred')).toEqual([1, null, 51.5, 5, 52.5]);
  });
  it('rejects a bad window', () => {
    expect(() => movingMedian([1], 0)).toThrow(/window/);
    expect(() => new MovingMedian(2.5)).toThrow(/window/);
  });
  it('streams the same values as the trailing series and resets', () => {
    const xs = [5, 1, 9, null, 7, 3, 8];
    const mm = new MovingMedian(3);
    expect(xs.map((x) => mm.push(x))).toEqual(movingMedian(xs, 3, 'trailing'));
    mm.reset();
    expect(mm.push(42)).toBe(42);
  });
});
