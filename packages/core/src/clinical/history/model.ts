// The report model's types: one typed, JSON-serialisable picture of a person's history that every
// renderer (the CLI's PDF, CSV and FHIR, the app's history screen) reads, so they all say the same
// numbers. Plain data only: no functions, no Date, no undefined (null for "not known").

import type { OverallVerdict } from '../../exercises/bird-dog/result.ts';
import type {
  EscalationAssessment,
  NprsChange,
  Peg3Answers,
  TrafficDecision,
  TrafficLight,
} from '../programme/traffic-light.ts';
import type { WeeklyPlan } from '../programme/plan.ts';
import type { BirdDogTestRecord, Screening, SkeletonSnapshot, StretchHoldRecord } from '../records/schema.ts';

export const REPORT_MODEL_VERSION = 1;

export type ReportSide = 'left' | 'right';
export type MeasuredBy = 'camera' | 'sensor';

export interface BirdDogSideSummary {
  verdict: 'positive' | 'negative' | 'not-measurable';
  reason: string;
  reps: number;
  unstableReps: number;
  maxRollDeg: number | null;
  meanRollDeg: number | null;
  /** Which source measured the pelvic roll on this side (null: nothing could). */
  rollSource: MeasuredBy | null;
  /** The worst rep's skeleton, when a camera saw it. */
  worstFrame: SkeletonSnapshot | null;
}

export interface BirdDogTestSummary {
  id: string;
  dateIso: string;
  status: BirdDogTestRecord['status'];
  sources: { camera: boolean; sensor: boolean };
  view: string;
  verdict: OverallVerdict | null;
  asymmetry: boolean | null;
  symptomProvoking: boolean | null;
  summary: string | null;
  sides: { left: BirdDogSideSummary; right: BirdDogSideSummary } | null;
  notMeasurable: { rule: string; reason: string }[];
  explanation: string[];
}

export interface StretchSessionSummary {
  id: string;
  dateIso: string;
  status: 'in-progress' | 'complete' | 'abandoned';
  targetHoldSeconds: number;
  holds: Record<ReportSide, number>;
  /** Seconds held with good form, per side and in all (rounded to 0.1 s). */
  goodFormSeconds: Record<ReportSide, number> & { total: number };
  /** The deepest hold of the session (change in the trunk-thigh angle from set-up), degrees. */
  depthMaxDeg: number | null;
  /** The personal depth cap in force that day. */
  depthCapDeg: number | null;
  /** Deepest hold above the cap; null when either is unknown. */
  depthOverCap: boolean | null;
  /** The deepest hold is under the 5 degree measurement floor, so it is not shown as a number. */
  depthBelowFloor: boolean;
  faults: { rule: StretchHoldRecord['faults'][number]['rule']; source: MeasuredBy; count: number }[];
  intensityMax: number | null;
  stoppedForToday: boolean;
}

export type PainLight = TrafficLight | 'not-rated';
export const PAIN_LIGHTS: readonly PainLight[] = ['green', 'amber', 'red', 'incomplete', 'not-rated'];

export interface PainDaySummary {
  id: string;
  dateIso: string;
  weekKey: string;
  restNrs: number;
  peakNrs: number | null;
  morningNrs: number | null;
  settledWithin24h: boolean | null;
  newSymptomBelowKnee: boolean;
  /** From classifySession; 'not-rated' when the peak during the session is missing. */
  light: PainLight;
  decision: TrafficDecision | null;
  reasons: string[];
  message: string;
  source: string;
}

export interface WeekSummary {
  weekKey: string;
  /** The Monday of the week. */
  mondayIso: string;
  birdDogTests: number;
  stretchSessions: number;
  painDays: number;
  /** Days with any exercise record (a test, a stretch session or a pain check), counted once each. */
  activeDays: number;
  light: Record<PainLight, number>;
}

export interface NprsTrend extends NprsChange {
  firstIso: string;
  latestIso: string;
  /** The minimal important change the verdict uses: points, or share of the start score. */
  micPoints: number;
  micFraction: number;
  points: { dateIso: string; nrs: number }[];
}

export interface Peg3Summary {
  dateIso: string;
  /** Mean of the three items, 0-10, rounded to 0.1. */
  score: number;
  items: Peg3Answers;
  source: string;
}

export interface DepthTrend {
  firstIso: string;
  latestIso: string;
  firstDeg: number;
  latestDeg: number;
  changeDeg: number;
  /** Only changes above 10 degrees are shown as a trend (single-angle noise is about 6 degrees). */
  shown: boolean;
}

// ---------------------------------------------------------------------------------------------
// Chart-ready series

export type ChartId = 'pelvic-roll' | 'pain' | 'good-form' | 'depth' | 'usual-pain' | 'sessions-per-week';
export type ChartUnit = 'deg' | 's' | 'NRS 0-10' | 'sessions';
/** Semantic colours; each renderer maps them to its own palette. */
export type ChartColour =
  | 'left'
  | 'right'
  | 'before'
  | 'peak'
  | 'morning'
  | 'green'
  | 'amber'
  | 'red'
  | 'incomplete'
  | 'not-rated'
  | 'cap'
  | 'neutral';

export interface ChartPoint {
  x: number;
  y: number;
  dateIso: string;
  /** A short label for a tooltip or the PDF: "12.3 deg on 2026-01-05". */
  label: string;
  colour: ChartColour;
}

export interface ChartSeries {
  id: string;
  label: string;
  style: 'line' | 'bars' | 'step';
  colour: ChartColour;
  points: ChartPoint[];
}

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** x is days since startIso (or the week index for sessions per week). */
  x: {
    label: string;
    unit: 'day' | 'week';
    startIso: string;
    min: number;
    max: number;
    ticks: { x: number; label: string }[];
  };
  y: { label: string; unit: ChartUnit; min: number; max: number };
  series: ChartSeries[];
  /** Horizontal reference lines (band edges, a cap), each with its reason. */
  guides: { y: number; label: string; colour: ChartColour }[];
}

// ---------------------------------------------------------------------------------------------
// The model

export interface ReportModel {
  version: typeof REPORT_MODEL_VERSION;
  todayIso: string;
  exportedOnIso: string;
  /** First and last record date included, or null when there are no records. */
  period: { firstIso: string; lastIso: string } | null;
  /** Records dated after today, left out of every section. */
  leftOutAfterToday: number;
  programmeStartIso: string | null;
  latestScreening: Pick<Screening, 'dateIso' | 'outcome' | 'reason'> | null;
  birdDog: { tests: BirdDogTestSummary[]; latest: BirdDogTestSummary | null };
  stretch: {
    sessions: StretchSessionSummary[];
    currentCapDeg: number | null;
    holdSeconds: number | null;
    depthTrend: DepthTrend | null;
  };
  pain: { days: PainDaySummary[]; latest: PainDaySummary | null; counts: Record<PainLight, number> };
  weeks: WeekSummary[];
  /** Usual-pain check-ins (every 2 weeks), oldest first. */
  usualPain: { id: string; dateIso: string; nrs: number }[];
  nprs: NprsTrend | null;
  peg3: { latest: Peg3Summary | null; all: Peg3Summary[] };
  escalation: EscalationAssessment | null;
  /** Why escalation or the plan could not be worked out (one sentence each), or null. */
  escalationProblem: string | null;
  plan: WeeklyPlan | null;
  planProblem: string | null;
  charts: ChartSpec[];
  disclaimer: string;
}
