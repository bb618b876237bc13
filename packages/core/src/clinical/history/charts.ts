// Chart-ready series for the report model: numbers with labels, units, semantic colours and the
// reference lines that explain them, so the PDF and the app draw the same charts from the same
// points. x is whole days since the report's first date (weeks for the sessions-per-week bars).

import { BIRD_DOG_THRESHOLDS } from '../../exercises/bird-dog/thresholds.ts';
import { STRETCH_THRESHOLDS } from '../../exercises/hip-flexor-stretch/thresholds.ts';
import { parseIsoDate } from '../guard/dates.ts';
import { TRAFFIC_LIGHT } from '../programme/thresholds.ts';
import type {
  BirdDogTestSummary,
  ChartColour,
  ChartPoint,
  ChartSeries,
  ChartSpec,
  NprsTrend,
  PainDaySummary,
  StretchSessionSummary,
  WeekSummary,
} from './model.ts';

export interface ChartInputs {
  startIso: string;
  endIso: string;
  tests: readonly BirdDogTestSummary[];
  painDays: readonly PainDaySummary[];
  sessions: readonly StretchSessionSummary[];
  weeks: readonly WeekSummary[];
  usualPain: readonly { dateIso: string; nrs: number }[];
  nprs: NprsTrend | null;
}

const dayNumber = (iso: string): number => {
  const p = parseIsoDate(iso);
  if (!p.ok) throw new Error(`${p.reason} The report model only passes validated dates to its charts.`);
  return p.dayNumber;
};

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** A y-axis top that leaves headroom and lands on a round step. */
const niceMax = (values: readonly number[], floor: number, step: number): number =>
  Math.max(floor, Math.ceil(Math.max(0, ...values) / step) * step);

function dayAxis(inp: ChartInputs): ChartSpec['x'] {
  const max = Math.max(1, dayNumber(inp.endIso) - dayNumber(inp.startIso));
  const ticks: { x: number; label: string }[] = [];
  for (let x = 0; x <= max; x += 7) ticks.push({ x, label: `day ${x}` });
  return { label: `Days since ${inp.startIso}`, unit: 'day', startIso: inp.startIso, min: 0, max, ticks };
}

function point(inp: ChartInputs, dateIso: string, y: number, label: string, colour: ChartColour): ChartPoint {
  return { x: dayNumber(dateIso) - dayNumber(inp.startIso), y, dateIso, label, colour };
}

function pelvicRoll(inp: ChartInputs): ChartSpec {
  const series = (['left', 'right'] as const).map((side): ChartSeries => ({
    id: `${side}-max-roll`,
    label: `${side === 'left' ? 'Left' : 'Right'} leg lifted: largest pelvic roll`,
    style: 'line',
    colour: side,
    points: inp.tests.flatMap((t) => {
      const v = t.sides?.[side].maxRollDeg;
      return v === null || v === undefined
        ? []
        : [point(inp, t.dateIso, v, `${fmt(v)} deg on ${t.dateIso} (${side})`, side)];
    }),
  }));
  return {
    id: 'pelvic-roll',
    title: 'Pelvic roll in the bird-dog test, per side',
    x: dayAxis(inp),
    y: {
      label: 'Largest roll of the pelvis',
      unit: 'deg',
      min: 0,
      max: niceMax(
        series.flatMap((s) => s.points.map((p) => p.y)),
        15,
        5,
      ),
    },
    series,
    guides: [
      {
        y: BIRD_DOG_THRESHOLDS.R1_ROLL_AMBER_DEG,
        label: `${BIRD_DOG_THRESHOLDS.R1_ROLL_AMBER_DEG} deg: some roll`,
        colour: 'amber',
      },
      {
        y: BIRD_DOG_THRESHOLDS.R1_ROLL_RED_DEG,
        label: `${BIRD_DOG_THRESHOLDS.R1_ROLL_RED_DEG} deg: a lot of roll`,
        colour: 'red',
      },
    ],
  };
}

function pain(inp: ChartInputs): ChartSpec {
  const rated = inp.painDays;
  const before: ChartSeries = {
    id: 'before',
    label: 'Before the session',
    style: 'line',
    colour: 'before',
    points: rated.map((d) => point(inp, d.dateIso, d.restNrs, `${d.restNrs}/10 before, ${d.dateIso}`, 'before')),
  };
  // The peak carries the day's traffic light, so the colour answers "how did that session go".
  const peak: ChartSeries = {
    id: 'peak',
    label: 'Highest during the session (colour: traffic light)',
    style: 'line',
    colour: 'peak',
    points: rated.flatMap((d) =>
      d.peakNrs === null
        ? []
        : [point(inp, d.dateIso, d.peakNrs, `${d.peakNrs}/10 at the peak, ${d.dateIso} (${d.light})`, d.light)],
    ),
  };
  const morning: ChartSeries = {
    id: 'morning',
    label: 'Next morning',
    style: 'line',
    colour: 'morning',
    points: rated.flatMap((d) =>
      d.morningNrs === null
        ? []
        : [point(inp, d.dateIso, d.morningNrs, `${d.morningNrs}/10 the morning after ${d.dateIso}`, 'morning')],
    ),
  };
  return {
    id: 'pain',
    title: 'Back pain on exercise days: before, at the peak, next morning',
    x: dayAxis(inp),
    y: { label: 'Back pain', unit: 'NRS 0-10', min: 0, max: 10 },
    series: [before, peak, morning],
    guides: [
      { y: TRAFFIC_LIGHT.PEAK_GREEN_MAX, label: `up to ${TRAFFIC_LIGHT.PEAK_GREEN_MAX} during: fine`, colour: 'green' },
      {
        y: TRAFFIC_LIGHT.PEAK_AMBER_MAX,
        label: `above ${TRAFFIC_LIGHT.PEAK_AMBER_MAX} during: too much`,
        colour: 'red',
      },
    ],
  };
}

function goodForm(inp: ChartInputs): ChartSpec {
  const series = (['left', 'right'] as const).map((side): ChartSeries => ({
    id: `${side}-good-form`,
    label: `${side === 'left' ? 'Left' : 'Right'} knee down`,
    style: 'bars',
    colour: side,
    points: inp.sessions.map((s) =>
      point(
        inp,
        s.dateIso,
        s.goodFormSeconds[side],
        `${fmt(s.goodFormSeconds[side])} s good form, ${side}, ${s.dateIso}`,
        side,
      ),
    ),
  }));
  return {
    id: 'good-form',
    title: 'Hip flexor stretch: seconds held with good form, per session',
    x: dayAxis(inp),
    y: {
      label: 'Good-form time',
      unit: 's',
      min: 0,
      max: niceMax(
        series.flatMap((s) => s.points.map((p) => p.y)),
        60,
        30,
      ),
    },
    series,
    guides: [],
  };
}

function depth(inp: ChartInputs): ChartSpec {
  // Depths under the measurement floor are not shown as numbers (single-angle noise is about 6 degrees).
  const shown = inp.sessions.filter((s) => s.depthMaxDeg !== null && !s.depthBelowFloor);
  const depthSeries: ChartSeries = {
    id: 'depth',
    label: 'Deepest hold',
    style: 'line',
    colour: 'neutral',
    points: shown.map((s) =>
      point(
        inp,
        s.dateIso,
        s.depthMaxDeg!,
        `${fmt(s.depthMaxDeg!)} deg deepest hold, ${s.dateIso}`,
        s.depthOverCap ? 'red' : 'neutral',
      ),
    ),
  };
  const capSeries: ChartSeries = {
    id: 'cap',
    label: 'Personal depth limit',
    style: 'step',
    colour: 'cap',
    points: inp.sessions
      .filter((s) => s.depthCapDeg !== null)
      .map((s) => point(inp, s.dateIso, s.depthCapDeg!, `${fmt(s.depthCapDeg!)} deg limit, ${s.dateIso}`, 'cap')),
  };
  return {
    id: 'depth',
    title: 'Hip flexor stretch depth against the personal limit',
    x: dayAxis(inp),
    y: {
      label: 'Change in trunk-thigh angle from set-up',
      unit: 'deg',
      min: 0,
      max: niceMax(
        [...depthSeries.points, ...capSeries.points].map((p) => p.y),
        20,
        5,
      ),
    },
    series: [depthSeries, capSeries],
    guides: [
      {
        y: STRETCH_THRESHOLDS.MEASUREMENT_FLOOR_DEG,
        label: `under ${STRETCH_THRESHOLDS.MEASUREMENT_FLOOR_DEG} deg is not shown`,
        colour: 'neutral',
      },
    ],
  };
}

function usualPain(inp: ChartInputs): ChartSpec {
  const guides: ChartSpec['guides'] = [];
  if (inp.nprs !== null) {
    const target = inp.nprs.startNrs - inp.nprs.micPoints;
    if (target >= 0)
      guides.push({
        y: target,
        label: `${inp.nprs.micPoints} points below the start: a change people notice`,
        colour: 'green',
      });
  }
  return {
    id: 'usual-pain',
    title: 'Usual back pain (check-ins every 2 weeks)',
    x: dayAxis(inp),
    y: { label: 'Usual back pain', unit: 'NRS 0-10', min: 0, max: 10 },
    series: [
      {
        id: 'usual-pain',
        label: 'Usual pain',
        style: 'line',
        colour: 'neutral',
        points: inp.usualPain.map((p) =>
          point(inp, p.dateIso, p.nrs, `${p.nrs}/10 usual pain, ${p.dateIso}`, 'neutral'),
        ),
      },
    ],
    guides,
  };
}

function sessionsPerWeek(inp: ChartInputs): ChartSpec {
  const bars = (id: string, label: string, colour: ChartColour, pick: (w: WeekSummary) => number): ChartSeries => ({
    id,
    label,
    style: 'bars',
    colour,
    points: inp.weeks.map((w, i) => ({
      x: i,
      y: pick(w),
      dateIso: w.mondayIso,
      label: `${pick(w)} in ${w.weekKey}`,
      colour,
    })),
  });
  const series = [
    bars('stretch-sessions', 'Stretch sessions', 'left', (w) => w.stretchSessions),
    bars('bird-dog-tests', 'Bird-dog tests', 'right', (w) => w.birdDogTests),
  ];
  return {
    id: 'sessions-per-week',
    title: 'Sessions per week',
    x: {
      label: 'ISO week',
      unit: 'week',
      startIso: inp.weeks[0]?.mondayIso ?? inp.startIso,
      min: 0,
      max: Math.max(0, inp.weeks.length - 1),
      ticks: inp.weeks.map((w, i) => ({ x: i, label: w.weekKey })),
    },
    y: {
      label: 'Sessions',
      unit: 'sessions',
      min: 0,
      max: niceMax(
        series.flatMap((s) => s.points.map((p) => p.y)),
        7,
        1,
      ),
    },
    series,
    guides: [],
  };
}

export function buildCharts(inp: ChartInputs): ChartSpec[] {
  return [pelvicRoll(inp), pain(inp), goodForm(inp), depth(inp), usualPain(inp), sessionsPerWeek(inp)];
}
