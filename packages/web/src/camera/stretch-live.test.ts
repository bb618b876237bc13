// The live stretch tracker on synthetic half-kneeling sessions (core's kinematic generator, seen
// from the side): it finds the set-up and the kneeling knee, counts good-form time only while form
// is good, and hands out a cue when the person rocks.
import { describe, expect, it } from 'vitest';
import { stretchSequence } from '@steadyback/synthetic';
import { StretchLive, type LiveStretchState } from './stretch-live.ts';

function play(frames: ReturnType<typeof stretchSequence>['frames'], cap: number | null = null) {
  const live = new StretchLive(cap);
  const states: LiveStretchState[] = [];
  for (const f of frames) states.push(live.push(f));
  return states;
}

describe('live hip flexor stretch', () => {
  it('finds the set-up on the right knee and counts the steady hold as good form', () => {
    const seq = stretchSequence({ holds: [{ kneelingSide: 'right', holdMs: 12_000, restMs: 0 }], fps: 20 });
    const states = play(seq.frames);
    const during = states.filter((s) => s.holding);
    expect(during.length).toBeGreaterThan(0);
    expect(during.at(-1)!.kneelingSide).toBe('right');
    const peakGood = Math.max(...states.map((s) => s.goodFormMs));
    expect(peakGood).toBeGreaterThan(10_000);
    expect(peakGood).toBeLessThan(16_500);
  });

  it('stops counting and cues "no bouncing" when the person rocks', () => {
    const steady = play(
      stretchSequence({ holds: [{ kneelingSide: 'left', holdMs: 15_000, restMs: 0 }], fps: 20 }).frames,
    );
    const rocking = play(
      stretchSequence({
        holds: [{ kneelingSide: 'left', holdMs: 15_000, rockAmplitudeDeg: 6, rockHz: 0.5, restMs: 0 }],
        fps: 20,
      }).frames,
    );
    const good = (s: LiveStretchState[]) => Math.max(...s.map((x) => x.goodFormMs));
    expect(good(rocking)).toBeLessThan(good(steady) - 5000);
    expect(rocking.some((s) => s.cue?.rule === 'C5')).toBe(true);
    expect(steady.some((s) => s.cue?.rule === 'C5')).toBe(false);
  });

  it('says the view cannot judge form when filmed from the front', () => {
    const states = play(
      stretchSequence({ holds: [{ kneelingSide: 'left', holdMs: 5000, restMs: 0 }], view: 'front', fps: 20 }).frames,
    );
    expect(states.at(-1)!.notice).toMatch(/at your side/);
    expect(Math.max(...states.map((s) => s.goodFormMs))).toBe(0);
  });
});
