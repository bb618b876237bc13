// The spoken pacing drives the phone-only test: its cues, recorded with generated phone samples,
// must let the analysis find every rep with the right leg.
import { describe, expect, it } from 'vitest';
import { generatePelvisStream } from '@steadyback/synthetic';
import { pacedPelvisTimeline } from '@steadyback/synthetic';
import { analyzeBirdDog } from './analyze.ts';
import { birdDogPacing, pacingAt } from './pacing.ts';
import { pelvisInputFromSamples } from './pelvis-input.ts';

describe('bird-dog pacing', () => {
  it('alternates legs, starting with the left, with the opposite arm named in the words', () => {
    const s = birdDogPacing({ repsPerSide: 2 });
    const reaches = s.filter((x) => x.cue.startsWith('reach:'));
    expect(reaches.map((x) => x.leg)).toEqual(['left', 'right', 'left', 'right']);
    expect(reaches[0]!.say).toMatch(/right arm.*left leg/);
    expect(s[1]!.cue).toBe('calibrate:rock');
    for (let i = 1; i < s.length; i++) expect(s[i]!.startMs).toBe(s[i - 1]!.endMs);
  });

  it('counts the hold out loud and refuses holds over 10 seconds', () => {
    expect(birdDogPacing({ holdMs: 5000 }).find((x) => x.cue === 'hold')!.say).toBe('Hold, 2, 3, 4, 5.');
    expect(() => birdDogPacing({ holdMs: 12_000 })).toThrow(/at most 10 s/);
    expect(() => birdDogPacing({ repsPerSide: 0 })).toThrow(/repsPerSide/);
  });

  it('tells which segment is playing, and when the set is over', () => {
    const s = birdDogPacing({ repsPerSide: 1 });
    expect(pacingAt(s, 0).segment.cue).toBe('settle');
    expect(pacingAt(s, s[2]!.startMs + 1).index).toBe(2);
    expect(pacingAt(s, s.at(-1)!.endMs).done).toBe(true);
  });

  it('its cues recorded with the phone let the analysis find each rep and its roll', () => {
    const s = birdDogPacing({ repsPerSide: 2 });
    // The pelvis rolls 8 degrees toward the lifted left leg in its holds, 2 toward the right.
    const rocking = pacedPelvisTimeline(s, { rollDegByLeg: { left: 8, right: 2 } });
    const stream = generatePelvisStream({
      timeline: rocking,
      durationMs: s.at(-1)!.endMs,
      rateHz: 50,
      headingDeg: 0,
      mount: 'sacrum',
      mountingYawDeg: 20,
      noiseSdDeg: 0.2,
      seed: 5,
    });
    const pelvis = pelvisInputFromSamples(stream.samples);
    if (!pelvis.ok) throw new Error(pelvis.reason);
    const r = analyzeBirdDog({ pelvis: pelvis.pelvis });
    expect(r.reps.map((x) => x.leg)).toEqual(['left', 'right', 'left', 'right']);
    const left = r.reps.filter((x) => x.leg === 'left').map((x) => x.metrics.R1.value!);
    for (const v of left) expect(Math.abs(v - 8)).toBeLessThan(1.2);
  });
});
