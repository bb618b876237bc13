import { describe, expect, it } from 'vitest';
import {
  checkHold,
  decideHold,
  validateHoldInput,
  type GuardHold,
  type GuardHoldContext,
  type GuardHoldInput,
} from './hold-check.ts';
import { GUARD_MESSAGES, GUARD_MORNING_MESSAGES } from './messages.ts';

const fresh: GuardHoldContext = { lowBackCountBefore: 0, depthCapDeg: null };

function hold(over: Partial<GuardHoldInput> = {}): GuardHold {
  const r = validateHoldInput({ side: 'left', intensity: 4, pain: false, feltAt: 'front-of-hip', ...over });
  if (!r.ok) throw new Error(r.reason);
  return r.hold;
}

describe('intensity band', () => {
  it.each([
    [0, 'too-light', true],
    [2, 'too-light', true],
    [3, 'hold', true],
    [4, 'hold', true],
    [5, 'hold', true],
    [6, 'hold', true],
    [7, 'ease-off', false],
    [10, 'ease-off', false],
  ] as const)('intensity %i -> %s (green %s)', (intensity, action, green) => {
    const d = decideHold(hold({ intensity }), fresh);
    expect(d.action).toBe(action);
    expect(d.green).toBe(green);
  });

  it('asks to back off to about 4 above 6/10', () => {
    const d = decideHold(hold({ intensity: 7 }), fresh);
    expect(d.triggers).toEqual(['intensity-above-cap']);
    expect(d.backOffTo).toBe(4);
    expect(d.message).toContain("back off until it's about 4");
  });

  it('says 6/10 is the top of the range, and 3-5 is just right', () => {
    expect(decideHold(hold({ intensity: 6 }), fresh).message).toBe(GUARD_MESSAGES.topOfRange);
    expect(decideHold(hold({ intensity: 5 }), fresh).message).toBe(GUARD_MESSAGES.inTarget);
  });

  it('lets a light stretch go deeper only within the cap once a cap exists', () => {
    expect(decideHold(hold({ intensity: 2 }), { lowBackCountBefore: 0, depthCapDeg: 17 }).message).toContain(
      'within your limit',
    );
    expect(decideHold(hold({ intensity: 2 }), fresh).message).toBe(GUARD_MESSAGES.tooLightNoCap);
  });
});

describe('stop for today', () => {
  it('stops on sharp, burning or electric pain, whatever the intensity', () => {
    const d = decideHold(hold({ pain: true, intensity: 3 }), fresh);
    expect(d.action).toBe('stop-for-today');
    expect(d.triggers).toEqual(['pain']);
    expect(d.offerRedFlagScreen).toBe(false);
    expect(d.green).toBe(false);
    expect(d.message).toMatch(/^Please stop the stretch for today\./);
  });

  it('stops on tingling or pain down the leg and offers the red-flag questions again', () => {
    const d = decideHold(hold({ feltAt: 'down-the-leg' }), fresh);
    expect(d.action).toBe('stop-for-today');
    expect(d.offerRedFlagScreen).toBe(true);
    expect(d.message).toContain('safety questions');
  });

  it('outranks ease-off: pain at 8/10 stops, with no back-off level', () => {
    const d = decideHold(hold({ pain: true, intensity: 8 }), fresh);
    expect(d.action).toBe('stop-for-today');
    expect(d.triggers).toEqual(['pain', 'intensity-above-cap']);
    expect(d.backOffTo).toBeNull();
    expect(d.message).not.toContain('about 4');
  });
});

describe('felt in the low back', () => {
  it('the first time: ease off and regress the set-up (less forward shift, more tuck), then re-check', () => {
    const d = decideHold(hold({ feltAt: 'low-back' }), fresh);
    expect(d.action).toBe('ease-off');
    expect(d.regress).toBe(true);
    expect(d.triggers).toEqual(['low-back']);
    expect(d.message).toContain('shift forward a little less');
    expect(d.message).toContain('tuck your tail');
  });

  it('the second time in a session: stop for today', () => {
    const d = decideHold(hold({ feltAt: 'low-back' }), { lowBackCountBefore: 1, depthCapDeg: null });
    expect(d.action).toBe('stop-for-today');
    expect(d.regress).toBe(false);
    expect(d.triggers).toEqual(['low-back-twice']);
  });
});

describe('camera and sensor signals', () => {
  it.each([
    [{ cameraSignals: { C1: true } }, 'arching-camera', GUARD_MESSAGES.arching],
    [{ cameraSignals: { C5: true } }, 'bouncing-camera', GUARD_MESSAGES.bouncing],
    [{ sensorSignals: { C1s: true } }, 'arching-sensor', GUARD_MESSAGES.arching],
    [{ sensorSignals: { C5: true } }, 'bouncing-sensor', GUARD_MESSAGES.bouncing],
  ] as const)('%j -> ease off (%s)', (signals, trigger, sentence) => {
    const d = decideHold(hold(signals), fresh);
    expect(d.action).toBe('ease-off');
    expect(d.triggers).toEqual([trigger]);
    expect(d.green).toBe(false);
    expect(d.message).toBe(`${GUARD_MESSAGES.easeLead} ${sentence}`);
  });

  it('says the arching cue once when camera and sensor both see it', () => {
    const d = decideHold(hold({ cameraSignals: { C1: true }, sensorSignals: { C1s: true } }), fresh);
    expect(d.triggers).toEqual(['arching-camera', 'arching-sensor']);
    expect(d.message.split(GUARD_MESSAGES.arching).length).toBe(2);
  });

  it('false flags change nothing', () => {
    expect(
      decideHold(hold({ cameraSignals: { C1: false, C5: false }, sensorSignals: { C1s: false } }), fresh).action,
    ).toBe('hold');
  });
});

describe('depth cap (C4)', () => {
  const capped: GuardHoldContext = { lowBackCountBefore: 0, depthCapDeg: 17 };
  it.each([
    [undefined, 'not-measured', 'hold'],
    [12, 'within-cap', 'hold'],
    [17, 'within-cap', 'hold'],
    [17.5, 'beyond-cap', 'ease-off'],
  ] as const)('depth %s against a 17 deg cap -> %s, %s', (depthDeg, depth, action) => {
    const d = decideHold(hold(depthDeg === undefined ? {} : { depthDeg }), capped);
    expect(d.depth).toBe(depth);
    expect(d.action).toBe(action);
  });

  it('has nothing to compare with before the cap is set', () => {
    expect(decideHold(hold({ depthDeg: 40 }), fresh).depth).toBe('no-cap-yet');
  });
});

describe('validation', () => {
  const good = { side: 'right', intensity: 4, pain: false, feltAt: 'front-of-thigh' };
  it.each([
    ['no input', null],
    ['an intensity of 7.5', { ...good, intensity: 7.5 }],
    ['an intensity of -1', { ...good, intensity: -1 }],
    ['an intensity of 11', { ...good, intensity: 11 }],
    ['an intensity given as text', { ...good, intensity: '5' }],
    ['an intensity of NaN', { ...good, intensity: Number.NaN }],
    ['an unknown side', { ...good, side: 'middle' }],
    ['an unknown place felt', { ...good, feltAt: 'knee' }],
    ['pain as text', { ...good, pain: 'yes' }],
    ['a negative depth', { ...good, depthDeg: -3 }],
    ['a NaN depth', { ...good, depthDeg: Number.NaN }],
    ['an implausible depth', { ...good, depthDeg: 200 }],
    ['a camera flag as text', { ...good, cameraSignals: { C1: 'yes' } }],
    ['sensor signals as a list', { ...good, sensorSignals: [true] }],
  ])('refuses %s with one plain sentence', (_name, raw) => {
    const r = checkHold(raw, fresh);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^[A-Z].*\.$/);
      expect(r.reason).not.toContain('\n');
    }
  });

  it('accepts a hold without depth or signals and stores them explicitly', () => {
    const r = validateHoldInput(good);
    expect(r).toEqual({
      ok: true,
      hold: {
        ...good,
        depthDeg: null,
        cameraSignals: { C1: false, C5: false },
        sensorSignals: { C1s: false, C5: false },
      },
    });
  });
});

describe('wording', () => {
  const all = [...Object.values(GUARD_MESSAGES), ...Object.values(GUARD_MORNING_MESSAGES)];
  it.each(all)('never diagnoses or pushes harder: %s', (message) => {
    expect(message).not.toMatch(
      /sciatica|nerve|disc|hernia|injur|damage|tear|diagnos|push (further|harder)|no pain, no gain/i,
    );
  });
});
