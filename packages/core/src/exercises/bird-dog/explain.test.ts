import { describe, expect, it } from 'vitest';
import { holdLabel } from './explain.ts';

describe("a rep's hold as people read it", () => {
  it('gives a hold timed by the landmarks or the pacing cues as it is, and one timed by the picture\'s change as "about"', () => {
    expect(holdLabel({ holdMs: 4900, foundBy: 'camera' })).toBe('4.9 s');
    expect(holdLabel({ holdMs: 5000, foundBy: 'pacing-cues' })).toBe('5.0 s');
    expect(holdLabel({ holdMs: 800, foundBy: 'camera-motion' })).toBe('about 0.8 s (timed from the picture)');
  });
});
