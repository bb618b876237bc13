// The report model over simulated programmes with fixed dates: the plan changes for stated reasons
// after a red week, three red sessions in 7 days escalate, the minimal important change shows when
// usual pain falls by 2 points, and every number comes from the stored records.
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../guard/dates.ts';
import { PLAN_DISCLAIMER, STABILITY_LEVELS } from '../programme/plan.ts';
import type { SteadybackExport } from '../records/schema.ts';
import { simulateWeeks, type SimulatedScenario, type SimulatedWeeks } from '@steadyback/synthetic';
import { reportModel } from './report-model.ts';

// Phone-only tests keep the fixtures quick; the camera path is covered by fhir and the CLI tests.
const cache = new Map<string, SimulatedWeeks>();
function sim(scenario: SimulatedScenario, weeks = 4): SimulatedWeeks {
  const key = `${scenario}:${weeks}`;
  if (!cache.has(key)) cache.set(key, simulateWeeks({ scenario, weeks, camera: false }));
  return cache.get(key)!;
}

describe('report model over simulated weeks', () => {
  it.each([
    // scenario, weeks, escalation triggers, pain lights, meaningful improvement
    ['improving', 4, [], { green: 20, amber: 0, red: 0 }, true],
    ['red-three-times', 4, ['red-sessions'], { green: 17, amber: 0, red: 3 }, true],
    ['not-improving', 4, [], { green: 0, amber: 20, red: 0 }, false],
    ['not-improving', 6, ['no-improvement'], { green: 0, amber: 30, red: 0 }, false],
  ] as const)(
    '%s for %i weeks: escalation %j, lights %j, meaningful improvement %s',
    (scenario, weeks, triggers, lights, improved) => {
      const s = sim(scenario, weeks);
      const m = reportModel(s.data, s.todayIso);
      expect(m.escalation?.triggers).toEqual(triggers);
      expect({ green: m.pain.counts.green, amber: m.pain.counts.amber, red: m.pain.counts.red }).toEqual(lights);
      expect(m.nprs?.meaningfulImprovement).toBe(improved);
      expect(m.weeks.filter((w) => w.stretchSessions > 0)).toHaveLength(weeks);
      expect(m.plan?.disclaimer.text).toBe(PLAN_DISCLAIMER);
      expect(m.disclaimer).toBe(PLAN_DISCLAIMER);
    },
  );

  it('after a red week the plan steps down and halves the volume, saying why and where the rule comes from', () => {
    const calm = reportModel(sim('improving').data, sim('improving').todayIso).plan!;
    const red = reportModel(sim('red-three-times').data, sim('red-three-times').todayIso).plan!;
    const change = red.changes.at(-1)!;
    expect(change.kind).toBe('regress');
    expect(change.dateIso).toBe(sim('red-three-times').todayIso);
    // The reason names the week and each red day's own reason from the traffic light.
    expect(change.reason).toMatch(/In week 2026-W05 your back was too sore/);
    for (const day of sim('red-three-times').truth.redDays) expect(change.reason).toContain(`On ${day}:`);
    expect(change.reason).toMatch(/Pain during the session reached 7 out of 10/);
    expect(change.source).toMatch(/Rule set E RED/);
    expect(STABILITY_LEVELS.indexOf(red.stability!.level)).toBeLessThan(
      STABILITY_LEVELS.indexOf(calm.stability!.level),
    );
    expect(red.stability!.repsPerSide * red.stability!.rounds).toBeLessThan(
      calm.stability!.repsPerSide * calm.stability!.rounds,
    );
    expect(red.hipStretch!.reason).toMatch(/too sore recently/);
  });

  it('three red sessions within 7 days escalate to a physical therapist or doctor and ask the safety questions again', () => {
    const s = sim('red-three-times');
    const m = reportModel(s.data, s.todayIso);
    expect(s.truth.redDays).toHaveLength(3);
    expect(m.pain.days.filter((d) => d.light === 'red').map((d) => d.dateIso)).toEqual(s.truth.redDays);
    expect(m.pain.days.filter((d) => d.light === 'red').every((d) => d.decision === 'regress-and-halve')).toBe(true);
    expect(m.escalation?.escalate).toBe(true);
    expect(m.escalation?.rerunRedFlags).toBe(true);
    expect(m.escalation?.message).toMatch(/physical therapist or doctor/);
    expect(m.plan?.headline.title).toBe('Time to get your back checked');
    // A week later the cluster is more than 7 days old: no escalation from it any more.
    const later = reportModel(s.data, addDaysIso(s.todayIso, 7));
    expect(later.escalation?.triggers).not.toContain('red-sessions');
    // Before the red week nothing escalates.
    const before = reportModel(s.data, addDaysIso(s.todayIso, -7));
    expect(before.escalation?.escalate).toBe(false);
    expect(before.leftOutAfterToday).toBeGreaterThan(0);
  });

  it('no improvement after 6 weeks escalates, while at 4 weeks it is only a gentle note', () => {
    const four = reportModel(sim('not-improving', 4).data, sim('not-improving', 4).todayIso);
    expect(four.escalation?.escalate).toBe(false);
    expect(four.escalation?.note).toMatch(/physical therapist can help/);
    const six = reportModel(sim('not-improving', 6).data, sim('not-improving', 6).todayIso);
    expect(six.escalation?.reasons.join(' ')).toMatch(
      /After 6 weeks your pain has not clearly improved \(5 then, 5 now\)/,
    );
  });
});

describe('NPRS trend with the minimal important change', () => {
  const withChecks = (nrs: readonly number[]): SteadybackExport => {
    const base = sim('improving').data;
    return {
      ...base,
      outcomeChecks: nrs.map((n, i) => ({
        id: `o${i}`,
        dateIso: addDaysIso('2026-01-05', 14 * i),
        usualPainNrs: n,
        peg3: null,
      })),
    };
  };
  it.each([
    [[6, 4], -2, true, /from 6 to 4 out of 10, a change people really notice/],
    [[6, 5, 4], -2, true, /from 6 to 4/],
    [[6, 5], -1, false, /Your usual pain is 5 out of 10, compared with 6 at the start/],
    [[3, 2], -1, true, /from 3 to 2/], // 33%: meaningful by the 30% rule
    [[4, 6], 2, false, /gone up from 4 to 6.*physical therapist or doctor/],
  ] as const)('usual pain %j: change %i points, meaningful %s', (nrs, points, meaningful, message) => {
    const m = reportModel(withChecks(nrs), '2026-02-02');
    expect(m.nprs).not.toBeNull();
    expect(m.nprs!.changePoints).toBe(points);
    expect(m.nprs!.meaningfulImprovement).toBe(meaningful);
    expect(m.nprs!.micPoints).toBe(2);
    expect(m.nprs!.micFraction).toBe(0.3);
    expect(m.nprs!.message).toMatch(message);
    expect(m.usualPain.map((p) => p.nrs)).toEqual([...nrs]);
  });

  it('shows no trend from a single check-in', () => {
    expect(reportModel(withChecks([5]), '2026-02-02').nprs).toBeNull();
  });

  it('draws the minimal important change as a guide line 2 points below the start', () => {
    const m = reportModel(withChecks([6, 5, 4]), '2026-02-02');
    const chart = m.charts.find((c) => c.id === 'usual-pain')!;
    expect(chart.guides).toEqual([expect.objectContaining({ y: 4 })]);
    expect(chart.series[0]!.points.map((p) => p.y)).toEqual([6, 5, 4]);
  });
});

describe('what the model takes from the records', () => {
  const s = sim('improving');
  const m = reportModel(s.data, s.todayIso);

  it('keeps each test per side with the source that measured the roll, close to the simulated truth', () => {
    expect(m.birdDog.tests).toHaveLength(4);
    m.birdDog.tests.forEach((t, i) => {
      const truth = s.truth.rolls[i]!;
      expect(t.sides!.left.rollSource).toBe('sensor');
      expect(Math.abs(t.sides!.left.maxRollDeg! - truth.left)).toBeLessThan(1);
      expect(Math.abs(t.sides!.right.maxRollDeg! - truth.right)).toBeLessThan(1);
    });
    expect(m.birdDog.tests.map((t) => t.verdict)).toEqual(['positive', 'positive-mild', 'negative', 'negative']);
    expect(m.birdDog.latest?.dateIso).toBe('2026-01-26');
  });

  it('sums good-form seconds per side and checks each session depth against its cap', () => {
    const first = m.stretch.sessions[0]!;
    const rec = s.data.stretchSessions[0]!;
    const leftMs = rec.holds.filter((h) => h.side === 'left').reduce((a, h) => a + h.goodFormMs, 0);
    expect(first.goodFormSeconds.left).toBeCloseTo(leftMs / 1000, 1);
    expect(first.goodFormSeconds.total).toBeCloseTo(first.goodFormSeconds.left + first.goodFormSeconds.right, 1);
    expect(first.depthCapDeg).toBeNull(); // the first session sets the cap
    // The second session runs under the cap the guard set from the first: reference depth + 5 degrees.
    expect(m.stretch.sessions[1]!.depthCapDeg).toBe(s.data.guard!.capOrigin!.referenceDepthDeg + 5);
    expect(m.stretch.sessions.slice(1).every((x) => x.depthOverCap === false)).toBe(true);
    expect(m.stretch.currentCapDeg).toBe(s.data.guard!.depthCapDeg);
  });

  it('counts sessions per ISO week, with empty weeks kept as zeros', () => {
    expect(m.weeks.map((w) => [w.weekKey, w.stretchSessions, w.birdDogTests])).toEqual([
      ['2026-W02', 5, 1],
      ['2026-W03', 5, 1],
      ['2026-W04', 5, 1],
      ['2026-W05', 5, 1],
      ['2026-W06', 0, 0],
    ]);
  });

  it('builds its plan input from the export: screening, latest pain, verdicts, guard hold time, settings', () => {
    expect(m.plan?.status).toBe('exercise');
    expect(m.plan?.swaps.map((x) => x.stretch)).toEqual(['supine-knee-across-twist']);
    expect(m.plan?.hipStretch?.holdSeconds).toBe(s.data.guard!.holdSeconds);
    expect(m.plan?.notes.map((n) => n.id)).toContain('hurts-after-stretching');
  });

  it('gives chart series with units whose points are the model numbers', () => {
    const roll = m.charts.find((c) => c.id === 'pelvic-roll')!;
    expect(roll.y.unit).toBe('deg');
    expect(roll.series.find((x) => x.id === 'left-max-roll')!.points.map((p) => p.y)).toEqual(
      m.birdDog.tests.map((t) => t.sides!.left.maxRollDeg),
    );
    expect(roll.guides.map((g) => g.y)).toEqual([5, 10]);
    const pain = m.charts.find((c) => c.id === 'pain')!;
    expect(pain.series.find((x) => x.id === 'peak')!.points.every((p) => p.colour === 'green')).toBe(true);
    const xs = pain.series[0]!.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(0);
    expect(m.charts.map((c) => c.id)).toEqual([
      'pelvic-roll',
      'pain',
      'good-form',
      'depth',
      'usual-pain',
      'sessions-per-week',
    ]);
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe('gaps in the records', () => {
  const base = sim('improving').data;

  it('rates a day without a peak score as not rated, with the reason', () => {
    const day = { ...base.painDays[0]!, peakNrs: null };
    const m = reportModel({ ...base, painDays: [day] }, '2026-02-02');
    expect(m.pain.days[0]!.light).toBe('not-rated');
    expect(m.pain.days[0]!.reasons[0]).toMatch(/highest pain score/);
  });

  it('escalates a new symptom below the knee until the safety questions are asked again after it', () => {
    const days = base.painDays.map((d, i) => (i === 10 ? { ...d, newSymptomBelowKnee: true } : d));
    const symptomDay = days[10]!.dateIso;
    const m = reportModel({ ...base, painDays: days }, '2026-02-02');
    expect(m.escalation?.triggers).toContain('new-symptom-below-knee');
    expect(m.plan?.rerunRedFlags).toBe(true);
    const rescreened = [
      ...base.screenings,
      {
        id: 'screen-2',
        dateIso: addDaysIso(symptomDay, 1),
        answers: {},
        outcome: 'clear' as const,
        reason: 'escalation' as const,
      },
    ];
    expect(
      reportModel({ ...base, painDays: days, screenings: rescreened }, '2026-02-02').escalation?.triggers,
    ).not.toContain('new-symptom-below-knee');
  });

  it('says why there is no plan when the safety questions were never answered', () => {
    const m = reportModel({ ...base, screenings: [] }, '2026-02-02');
    expect(m.plan).toBeNull();
    expect(m.planProblem).toMatch(/safety questions have not been answered/);
  });

  it('gives an empty model for an export with no records', () => {
    const m = reportModel(
      { ...base, screenings: [], painDays: [], outcomeChecks: [], birdDogTests: [], stretchSessions: [], guard: null },
      '2026-02-02',
    );
    expect(m.period).toBeNull();
    expect(m.charts).toEqual([]);
    expect(m.birdDog.latest).toBeNull();
    expect(m.escalation?.escalate).toBe(false);
  });

  it('refuses a malformed today', () => {
    expect(() => reportModel(base, '02/02/2026')).toThrow(/today's date/);
  });
});
