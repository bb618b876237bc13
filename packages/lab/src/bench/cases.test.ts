import { describe, expect, it } from 'vitest';
import { benchPlan, type BirdDogClipCase } from './cases.ts';

describe('what the accuracy benchmark renders', () => {
  it("the 'people' preset is only phone recordings of other figures and rooms, four reps each, in four views", () => {
    const plan = benchPlan('people');
    expect(plan.stills).toEqual([]);
    const clips = plan.clips as BirdDogClipCase[];
    expect(clips).toHaveLength(20);
    for (const c of clips) {
      expect(c.recording).toBe('phone-people');
      expect(c.phone).toBeDefined();
      expect(c.spec.reps).toBe(4);
      // Another figure, or the main figure in another room.
      expect(c.spec.figure !== 'women_Casual' || c.spec.look !== undefined).toBe(true);
    }
    expect(new Set(clips.map((c) => c.id)).size).toBe(clips.length);
    expect(new Set(clips.map((c) => c.spec.view))).toEqual(
      new Set(['side-left', 'rear', 'rear-oblique-45', 'high-corner']),
    );
    // Portrait where a phone stands upright to film end-on.
    expect(clips.filter((c) => c.phone?.portrait).map((c) => c.spec.view)).toEqual(
      clips.filter((c) => c.spec.view === 'rear').map(() => 'rear'),
    );
  });

  it("the 'creep' preset is phone recordings of the main figure creeping forward or sideways between six reps, in four views", () => {
    const plan = benchPlan('creep');
    expect(plan.stills).toEqual([]);
    const clips = plan.clips as BirdDogClipCase[];
    expect(clips).toHaveLength(12);
    for (const c of clips) {
      expect(c.recording).toBe('phone-creep');
      expect(c.phone).toBeDefined();
      expect(c.spec.reps).toBe(6);
      expect(c.spec.figure).toBeUndefined();
      expect(Math.hypot(...(c.spec.creepM ?? [0, 0]))).toBeGreaterThan(0);
    }
    expect(new Set(clips.map((c) => JSON.stringify(c.spec.creepM)))).toEqual(
      new Set(['[0,0.04]', '[0.04,0]', '[0,0.08]']),
    );
    expect(new Set(clips.map((c) => c.spec.view))).toEqual(
      new Set(['side-left', 'rear', 'rear-oblique-45', 'high-corner']),
    );
  });

  it("the 'home' preset is phone recordings of the main figure filmed at home, from the phone to the mat and back, in five views, and in front in three other rooms", () => {
    const plan = benchPlan('home');
    expect(plan.stills).toEqual([]);
    const clips = plan.clips as BirdDogClipCase[];
    expect(clips).toHaveLength(8);
    // The other rooms are lit from other directions than the default room.
    const rooms = clips.filter((c) => c.spec.look);
    expect(rooms.map((c) => c.spec.view)).toEqual(['front', 'front', 'front']);
    expect(new Set(rooms.map((c) => c.spec.look!.keyAzimuthDeg)).size).toBe(3);
    for (const c of clips) {
      expect(c.recording).toBe('phone-home');
      expect(c.phone).toBeDefined();
      expect(c.spec.atHome).toBe(true);
      expect(c.spec.holdS).toBe(5);
      expect(c.spec.standS).toBeUndefined();
      expect(c.spec.figure).toBeUndefined();
    }
    expect(new Set(clips.map((c) => c.spec.view))).toEqual(
      new Set(['side-left', 'rear', 'rear-oblique-45', 'high-corner', 'front']),
    );
  });

  it('the default preset holds the same clips, and every clip id once', () => {
    const ids = benchPlan('default').clips.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of [...benchPlan('people').clips, ...benchPlan('creep').clips, ...benchPlan('home').clips])
      expect(ids).toContain(c.id);
  });

  it('with the fallback figure, the other figures are left out (there is one mannequin) and nothing is drawn as a CC0 human', () => {
    const plan = benchPlan('people', true);
    expect(plan.clips.length).toBe(8);
    for (const c of plan.clips) expect(c.spec.figure).toBe('mannequin');
  });
});
