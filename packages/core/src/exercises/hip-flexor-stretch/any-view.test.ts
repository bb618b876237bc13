// The stretch seen from views that cannot measure its angles: a set-up from the posture with the
// knees that can be read looking bent, rocking from the hips' forward and back shift, positions
// passed through instead of held, and an edited video read in parts.
import { describe, expect, it } from 'vitest';
import type { MotionFrames } from '../../camera/motion.ts';
import { motionFramesFromPoses, stretchSequence, type SyntheticHold } from '@steadyback/synthetic';
import type { CameraView } from '@steadyback/synthetic';
import { seededGaussian } from '@steadyback/synthetic';
import { analyzeStretch, stretchAngles } from './analyze.ts';
import { STRETCH_THRESHOLDS as T } from './thresholds.ts';

const session = (holds: SyntheticHold[], view: CameraView = 'rear-oblique-45', seed = 5) =>
  stretchSequence({ holds, view, imaging: { noisePx: 1.5, gaussian: seededGaussian(seed) } });

describe('set-up from a view that cannot measure the knees', () => {
  it('starts the hold from the posture, leaves the knee angles unmeasured and the timer at zero', () => {
    const r = analyzeStretch({ frames: session([{ kneelingSide: 'left', holdMs: 8000 }]).frames });
    expect(r.view).not.toBe('side');
    expect(r.setups).toHaveLength(1);
    expect(r.setups[0]).toMatchObject({ kneelingSide: 'left', frontKneeDeg: null, backKneeDeg: null });
    expect(r.holds.every((h) => !h.formMeasured && h.goodFormMs === 0)).toBe(true);
  });

  it('finds no set-up while the front knee looks far from bent (a leg swung out straight)', () => {
    const straight = session([
      { kneelingSide: 'left', frontKneeDeg: 90 + T.SETUP_KNEE_LOOKS_BENT_DEG + 35, holdMs: 8000 },
    ]);
    const front = straight.frames
      .map(stretchAngles)
      .map((a) => a.frontKneeDeg)
      .filter((v): v is number => v !== null);
    expect(Math.min(...front)).toBeGreaterThan(90 + T.SETUP_KNEE_LOOKS_BENT_DEG);
    expect(analyzeStretch({ frames: straight.frames }).setups).toHaveLength(0);
  });
});

describe('rocking, from any view', () => {
  const rocking = (amplitudeDeg: number, view: CameraView) =>
    analyzeStretch({
      frames: session([{ kneelingSide: 'left', holdMs: 16000, rockAmplitudeDeg: amplitudeDeg, rockHz: 0.25 }], view)
        .frames,
    });
  const c5 = (r: ReturnType<typeof analyzeStretch>) => r.holds.some((h) => h.faults.some((f) => f.rule === 'C5'));

  it('slow rocking forward and back is C5 from behind at 45 degrees, where the hip angle is not read', () => {
    expect(c5(rocking(18, 'rear-oblique-45'))).toBe(true);
  });

  it('a steady hold, or a sway smaller than the swing threshold, is not', () => {
    expect(c5(rocking(0, 'rear-oblique-45'))).toBe(false);
    expect(c5(rocking(2, 'rear-oblique-45'))).toBe(false);
  });

  it('straight from in front the shift cannot be read, and nothing is flagged', () => {
    expect(c5(rocking(18, 'front'))).toBe(false);
  });
});

describe('passing through half-kneeling', () => {
  const brief = session(
    [{ kneelingSide: 'right', setupMs: 1500, shiftMs: 300, holdMs: 1000, restMs: 3000 }],
    'side-left',
  );

  it('a position left again within seconds is no hold in a recording, and the result says so', () => {
    const r = analyzeStretch({ frames: brief.frames });
    expect(r.setups).toHaveLength(0);
    expect(r.quality.find((q) => q.code === 'no-setup')?.message).toMatch(/left again within 4 s/);
  });

  it('live, the set-up stands at once; a short hold cut off by the end of a recording stands too', () => {
    expect(analyzeStretch({ frames: brief.frames, recorded: false }).setups).toHaveLength(1);
    const cut = session([{ kneelingSide: 'right', holdMs: 30000 }], 'side-left');
    expect(analyzeStretch({ frames: cut.frames.filter((f) => f.tMs < 4500) }).setups).toHaveLength(1);
  });
});

describe('an edited stretch video', () => {
  it('is read in two parts: form judged only in the part filmed from the side, no side switch', () => {
    const a = session([{ kneelingSide: 'left', holdMs: 6000, restMs: 0 }], 'rear-oblique-45', 1);
    const b = session([{ kneelingSide: 'left', holdMs: 6000 }], 'side-left', 2);
    const cutMs = a.frames.at(-1)!.tMs + 33;
    const bFrames = b.frames.map((f) => ({ ...f, tMs: f.tMs + cutMs }));
    const ma = motionFramesFromPoses(a.frames, { room: true });
    const mb = motionFramesFromPoses(bFrames, { background: 150, gradient: { direction: 'horizontal', amount: 90 } });
    const motion: MotionFrames = { ...ma, tMs: [...ma.tMs, ...mb.tMs], luma: [...ma.luma, ...mb.luma] };
    const r = analyzeStretch({ frames: [...a.frames, ...bFrames], motion });
    expect(r.readings.map((x) => x.view)).toEqual(['rear-oblique', 'side']);
    expect(r.holds.map((h) => [h.kneelingSide, h.formMeasured])).toEqual([
      ['left', false],
      ['left', true],
    ]);
    expect(r.events.some((e) => e.type === 'side-switch')).toBe(false);
    expect(r.quality.find((q) => q.code === 'video-edit')?.message).toMatch(/read in 2 parts/);
  });
});
