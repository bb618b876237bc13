// Rep-finding scores and their per-view summary, on reps whose answers are known by hand.
import { describe, expect, it } from 'vitest';
import { matchByOverlap, scoreRepFinding, summarizeRepFinding, type RepFindingItem } from './rep-finding.ts';
import { repFindingTable } from './tables.ts';

const truth = [
  { startMs: 1000, endMs: 7000, side: 'left' as const, holdStartMs: 3000, holdEndMs: 5500 },
  { startMs: 7000, endMs: 13000, side: 'right' as const, holdStartMs: 9000, holdEndMs: 11500 },
];
const rep = (
  startMs: number,
  endMs: number,
  leg: 'left' | 'right',
  foundBy: 'camera' | 'camera-motion' = 'camera',
  holdMs = 2500,
) => ({ startMs, endMs, leg, foundBy, holdMs });

describe('matching found reps to the truth by overlap', () => {
  it('gives each truth rep the found rep overlapping it most, each found rep at most once', () => {
    expect(
      matchByOverlap(truth, [
        { startMs: 6000, endMs: 12000 },
        { startMs: 1500, endMs: 6500 },
      ]),
    ).toEqual([1, 0]);
    // One long rep spanning both: the first truth rep takes it, the second is missed.
    expect(matchByOverlap(truth, [{ startMs: 1000, endMs: 13000 }])).toEqual([0, null]);
    // Touching is not overlapping.
    expect(matchByOverlap(truth, [{ startMs: 13000, endMs: 15000 }])).toEqual([null, null]);
  });
});

describe('scoring one analysis', () => {
  it('counts found, matched, right legs, spurious reps and how they were found', () => {
    const s = scoreRepFinding(
      truth,
      [
        rep(1200, 6800, 'left', 'camera-motion', 1800),
        rep(7400, 12500, 'left', 'camera-motion', 3000),
        rep(14000, 16000, 'right', 'camera-motion'),
      ],
      'end-on',
    );
    // Holds: 2.5 s each in truth; the matched reps found 1.8 s and 3 s.
    expect(s).toEqual({
      truthReps: 2,
      found: 3,
      matched: 2,
      legsRight: 1,
      spurious: 1,
      foundBy: { 'camera-motion': 3 },
      holdErrorsMs: [-700, 500],
      detectedView: 'end-on',
    });
  });

  it('scores two reps merged into one as one match (the high-corner failure)', () => {
    const s = scoreRepFinding(truth, [rep(1000, 13000, 'left')], 'side');
    expect([s.found, s.matched, s.legsRight, s.spurious]).toEqual([1, 1, 1, 0]);
  });

  it('scores nothing found', () => {
    expect(scoreRepFinding(truth, [], 'no person')).toMatchObject({
      truthReps: 2,
      found: 0,
      matched: 0,
      legsRight: 0,
      spurious: 0,
      foundBy: {},
      holdErrorsMs: [],
    });
  });
});

describe('the per-view summary and its table', () => {
  const item = (o: Partial<RepFindingItem>): RepFindingItem => ({
    clipId: 'c1',
    view: 'rear',
    recording: 'rendered',
    model: 'blazepose-full',
    config: 'pose-only',
    frames: 100,
    framesWithPerson: 50,
    truthReps: 2,
    found: 0,
    matched: 0,
    legsRight: 0,
    spurious: 0,
    foundBy: {},
    holdErrorsMs: [],
    detectedView: 'high-corner',
    ...o,
  });
  const items: RepFindingItem[] = [
    item({}),
    item({
      config: 'with-motion',
      found: 2,
      matched: 2,
      legsRight: 2,
      foundBy: { 'camera-motion': 2 },
      holdErrorsMs: [-400, 200],
      detectedView: 'end-on',
    }),
    item({
      clipId: 'c2',
      framesWithPerson: 100,
      found: 1,
      matched: 1,
      legsRight: 0,
      foundBy: { camera: 1 },
      detectedView: 'rear',
    }),
    item({
      clipId: 'c2',
      config: 'with-motion',
      framesWithPerson: 100,
      found: 3,
      matched: 2,
      legsRight: 2,
      spurious: 1,
      foundBy: { 'camera-motion': 3 },
      holdErrorsMs: [-2100, 600],
      detectedView: 'end-on',
    }),
    item({
      clipId: 'c3',
      view: 'side-left',
      model: 'movenet-thunder',
      framesWithPerson: 100,
      found: 2,
      matched: 2,
      legsRight: 2,
      foundBy: { camera: 2 },
      detectedView: 'side',
    }),
    item({
      clipId: 'c3',
      view: 'side-left',
      model: 'movenet-thunder',
      config: 'with-motion',
      framesWithPerson: 100,
      found: 2,
      matched: 2,
      legsRight: 2,
      foundBy: { camera: 2 },
      detectedView: 'side',
    }),
    // The same rear clip as a phone records it: its own row, after the rendered ones.
    item({ clipId: 'p1', recording: 'phone', framesWithPerson: 80, found: 0, detectedView: 'rear' }),
    item({
      clipId: 'p1',
      recording: 'phone',
      config: 'with-motion',
      framesWithPerson: 80,
      found: 2,
      matched: 2,
      legsRight: 2,
      foundBy: { 'camera-motion': 2 },
      detectedView: 'end-on',
    }),
    // Another figure filmed the same way: a row of its own, last.
    item({
      clipId: 'q1',
      recording: 'phone-people',
      truthReps: 4,
      framesWithPerson: 90,
      found: 0,
      detectedView: 'rear',
    }),
    item({
      clipId: 'q1',
      recording: 'phone-people',
      config: 'with-motion',
      truthReps: 4,
      framesWithPerson: 90,
      found: 4,
      matched: 4,
      legsRight: 3,
      foundBy: { 'camera-motion': 4 },
      detectedView: 'end-on',
    }),
  ];

  it('sums the clips of a view and model, per configuration, side view first', () => {
    const rows = summarizeRepFinding(items);
    expect(rows.map((r) => [r.recording, r.view, r.model])).toEqual([
      ['rendered', 'side-left', 'movenet-thunder'],
      ['rendered', 'rear', 'blazepose-full'],
      ['phone', 'rear', 'blazepose-full'],
      ['phone-people', 'rear', 'blazepose-full'],
    ]);
    expect(rows[3]!.withMotion).toMatchObject({ found: 4, matched: 4, legsRight: 3 });
    expect(rows[2]!.withMotion).toMatchObject({ found: 2, matched: 2, legsRight: 2 });
    const rear = rows[1]!;
    expect(rear.clips).toBe(2);
    expect(rear.truthReps).toBe(4);
    expect(rear.personShare).toBeCloseTo(0.75, 10);
    expect(rear.poseOnly).toEqual({
      found: 1,
      matched: 1,
      legsRight: 0,
      spurious: 0,
      foundBy: { camera: 1 },
      holdErrorsMs: [],
      detectedViews: ['high-corner', 'rear'],
    });
    expect(rear.withMotion).toEqual({
      found: 5,
      matched: 4,
      legsRight: 4,
      spurious: 1,
      foundBy: { 'camera-motion': 5 },
      holdErrorsMs: [-400, 200, -2100, 600],
      detectedViews: ['end-on'],
    });
  });

  it('prints found/matched/legs right of N and the view change', () => {
    const text = repFindingTable(summarizeRepFinding(items));
    const rear = text.split('\n').find((l) => l.startsWith('| rear'))!;
    // Hold errors -2.1, -0.4, +0.2, +0.6 s: median -0.1, largest -2.1.
    expect(rear).toMatch(
      /\| 75% +\| high-corner\/rear -> end-on +\| 1\/1\/0 of 4 +\| 5\/4\/4 of 4 +\| picture change 5 +\| 0, 1 +\| -0\.1 \(-2\.1\) +\|/,
    );
    expect(text.split('\n').find((l) => l.startsWith('| rear (phone)'))).toMatch(/\| 0, 0 +\| - +\|$/);
    expect(text.split('\n').find((l) => l.startsWith('| side-left'))).toMatch(
      /\| MN thunder \| 1 +\| 100% +\| side +\| 2\/2\/2 of 2/,
    );
    expect(text.split('\n').find((l) => l.startsWith('| rear (phone)'))).toMatch(
      /\| 80% +\| rear -> end-on +\| 0\/0\/0 of 2 +\| 2\/2\/2 of 2/,
    );
    expect(text.split('\n').find((l) => l.startsWith('| rear (phone, other figures and rooms)'))).toMatch(
      /\| 90% +\| rear -> end-on +\| 0\/0\/0 of 4 +\| 4\/4\/3 of 4/,
    );
  });
});
