// Plain-text tables of an AccuracyReport, for the terminal and for docs/accuracy.md (Markdown
// pipe tables, so the same text reads well in both).

import type { PoseModelName } from '@steadyback/pose';
import { median, type Confusion, type ErrorSummary } from './metrics.ts';
import type { AccuracyReport, ViewKey, ViewSummary } from './report.ts';
import { ROLL_PASS_MAE_DEG } from './report.ts';
import type { RepFindingCounts, RepFindingRow } from './rep-finding.ts';
import type { RollMethod } from './roll-methods.ts';

const MODEL_SHORT: Record<PoseModelName, string> = {
  'blazepose-lite': 'BP lite',
  'blazepose-full': 'BP full',
  'blazepose-heavy': 'BP heavy',
  'movenet-lightning': 'MN lightning',
  'movenet-thunder': 'MN thunder',
};
const MODELS: readonly PoseModelName[] = [
  'blazepose-lite',
  'blazepose-full',
  'blazepose-heavy',
  'movenet-lightning',
  'movenet-thunder',
];

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const f1 = (v: number | null | undefined) => (v == null ? '-' : v.toFixed(1));
const f2 = (v: number | null | undefined) => (v == null ? '-' : v.toFixed(2));
const pct = (v: number | null | undefined) => (v == null ? '-' : `${Math.round(v * 100)}%`);
/** "MAE (bias, slope) n/N" compact cell. */
const cell = (e: ErrorSummary | undefined, withSlope = false) => {
  if (!e || e.n === 0) return '';
  if (e.mae === null) return `- (0/${e.n})`;
  const cov = e.measuredN < e.n ? ` ${e.measuredN}/${e.n}` : '';
  return `${f1(e.mae)} (${e.bias! >= 0 ? '+' : ''}${f1(e.bias)}${withSlope ? `, s${f2(e.slope)}` : ''})${cov}`;
};

const viewRows = (r: AccuracyReport): Array<[ViewKey, ViewSummary]> =>
  Object.entries(r.views) as Array<[ViewKey, ViewSummary]>;

function detectionTable(r: AccuracyReport): string {
  const rows = viewRows(r).map(([k, v]) => [
    k,
    ...MODELS.map((m) => {
      const s = v.models[m];
      return s ? `${pct(s.detectionRate)} ${f2(s.keypointErrorMedian)}` : '';
    }),
  ]);
  return table(['view', ...MODELS.map((m) => MODEL_SHORT[m])], rows);
}

function angleTable(
  r: AccuracyReport,
  title: string,
  pick: (s: NonNullable<ViewSummary['models'][PoseModelName]>) => ErrorSummary,
  withSlope: boolean,
): string | null {
  const rows = viewRows(r)
    .map(([k, v]) => [
      k,
      ...MODELS.map((m) => {
        const s = v.models[m];
        return s ? cell(pick(s), withSlope) : '';
      }),
    ])
    .filter((row) => row.slice(1).some((c) => c !== ''));
  return rows.length ? `${title}\n${table(['view', ...MODELS.map((m) => MODEL_SHORT[m])], rows)}` : null;
}

function rollTable(r: AccuracyReport): string {
  const rows: string[][] = [];
  for (const [k, v] of viewRows(r)) {
    if (v.rollZeroAnswerMaeDeg === null) continue;
    const methods: RollMethod[] = ['hip-line-2d', 'world-3d', 'contour-seg'];
    for (const method of methods) {
      const cells = MODELS.map((m) => cell(v.models[m]?.roll[method], true));
      if (cells.every((c) => c === '')) continue;
      rows.push([k, method, ...cells]);
    }
    rows.push([
      k,
      'exact mask (bound)',
      v.rollExactMaskMaeDeg === null ? '' : f1(v.rollExactMaskMaeDeg),
      '',
      '',
      '',
      '',
    ]);
    rows.push([k, 'always 0 (floor)', f1(v.rollZeroAnswerMaeDeg), '', '', '', '']);
  }
  return table(['view', 'method', ...MODELS.map((m) => MODEL_SHORT[m])], rows);
}

function confusionText(name: string, c: Confusion<string>): string {
  const answers = [...c.labels, 'not-measurable'];
  const rows = c.labels.map((t) => [
    t,
    ...answers.map((a) => String((c.counts as Record<string, Record<string, number>>)[t]![a] ?? 0)),
  ]);
  return `${name}: ${c.correct}/${c.total} right, ${c.confidentWrong} confident wrong, ${c.notMeasurable} not measurable\n${table(['truth \\ answer', ...answers], rows)}`;
}

const FOUND_BY_SHORT: Record<string, string> = {
  camera: 'pose',
  'camera-motion': 'picture change',
  'pacing-cues': 'pacing cues',
};
const foundByText = (c: RepFindingCounts) =>
  Object.entries(c.foundBy)
    .map(([k, n]) => `${FOUND_BY_SHORT[k] ?? k} ${n}`)
    .join(', ') || '-';
const findingCell = (c: RepFindingCounts, truthReps: number) =>
  `${c.found}/${c.matched}/${c.legsRight} of ${truthReps}`;
/** Hold length found minus true, seconds: median (the largest either way). */
const holdCell = (c: RepFindingCounts) => {
  if (c.holdErrorsMs.length === 0) return '-';
  const worst = c.holdErrorsMs.reduce((w, e) => (Math.abs(e) > Math.abs(w) ? e : w), 0);
  return `${signed(median(c.holdErrorsMs)! / 1000)} (${signed(worst / 1000)})`;
};
const signed = (s: number) => `${s >= 0 ? '+' : ''}${s.toFixed(1)}`;

const RECORDING_LABEL: Record<RepFindingRow['recording'], (view: string) => string> = {
  rendered: (v) => v,
  phone: (v) => `${v} (phone)`,
  'phone-people': (v) => `${v} (phone, other figures and rooms)`,
  'phone-creep': (v) => `${v} (phone, creeping 4-8 cm a rep)`,
  'phone-home': (v) => `${v} (phone, filmed at home)`,
};

/** Rep finding by camera view: one row per view and model, pose only and pose + picture change. */
export function repFindingTable(rows: readonly RepFindingRow[]): string {
  return table(
    [
      'view',
      'model',
      'clips',
      'person in frames',
      'detected view (pose only -> + picture change)',
      'pose only: found/matched/legs right',
      'pose + picture change: found/matched/legs right',
      'found by (+ picture change)',
      'spurious reps (pose only, + change)',
      'hold found - true, s: median (largest) (+ change)',
    ],
    rows.map((x) => {
      const pv = x.poseOnly.detectedViews.join('/');
      const mv = x.withMotion.detectedViews.join('/');
      return [
        RECORDING_LABEL[x.recording](x.view),
        MODEL_SHORT[x.model],
        String(x.clips),
        pct(x.personShare),
        pv === mv ? pv : `${pv} -> ${mv}`,
        findingCell(x.poseOnly, x.truthReps),
        findingCell(x.withMotion, x.truthReps),
        foundByText(x.withMotion),
        `${x.poseOnly.spurious}, ${x.withMotion.spurious}`,
        holdCell(x.withMotion),
      ];
    }),
  );
}

function pushAngles(out: string[], r: AccuracyReport): void {
  const angles: Array<[string, (s: NonNullable<ViewSummary['models'][PoseModelName]>) => ErrorSummary, boolean]> = [
    ['## Half-kneeling: front knee angle (F1)', (s) => s.frontKnee, false],
    ['## Half-kneeling: back (kneeling) knee angle (F2)', (s) => s.backKnee, false],
    ['## Half-kneeling: signed trunk lean (C1, C2, F3)', (s) => s.trunkLean, true],
    ['## Half-kneeling: trunk-thigh change from set-up (hip-extension proxy, C1/C4)', (s) => s.trunkThighChange, true],
    ['## Bird-dog: lifted leg line above horizontal (R4)', (s) => s.legElevation, true],
  ];
  for (const [title, pick, slope] of angles) {
    const t = angleTable(r, title, pick, slope);
    if (t) out.push(`\n${t}`);
  }
  const sag = angleTable(
    r,
    '## Bird-dog: trunk sag change (R5), share of trunk length x 100',
    (s) => scale(s.trunkSagChange, 100),
    true,
  );
  if (sag) out.push(`\n${sag}`);
}

function pushRoll(out: string[], r: AccuracyReport): void {
  out.push(
    `\n## Pelvic roll (R1) from the camera: change from the settled quadruped, degrees (pass: MAE <= ${ROLL_PASS_MAE_DEG})\n${rollTable(r)}`,
  );
  out.push(
    r.cameraRoll.measurable && r.cameraRoll.best
      ? `camera pelvic roll: PASSES in ${r.cameraRoll.best.view} with ${r.cameraRoll.best.method} (${r.cameraRoll.best.model}), MAE ${f1(r.cameraRoll.best.maeDeg)}`
      : `camera pelvic roll: no method reaches ${ROLL_PASS_MAE_DEG} deg MAE in any view${r.cameraRoll.best ? ` (best: ${r.cameraRoll.best.view}, ${r.cameraRoll.best.method}, ${r.cameraRoll.best.model}, ${f1(r.cameraRoll.best.maeDeg)})` : ''}: the camera reports roll as not measurable`,
  );
}

function pushStretchModels(out: string[], r: AccuracyReport): void {
  out.push('\n## Stretch model choice (side view, kneeling leg nearer the camera)');
  out.push(
    table(
      [
        'model',
        'stills front knee',
        'stills back knee',
        'stills trunk-thigh change',
        'clip frames front knee',
        'worst frame',
        'rocking front knee',
        'set-up front knee (truth 90)',
      ],
      r.stretchModels.map((m) => [
        MODEL_SHORT[m.model],
        cell(m.stills.frontKnee),
        cell(m.stills.backKnee),
        cell(m.stills.trunkThighChange, true),
        cell(m.clipFrames.frontKnee),
        f1(m.clipFrames.frontKneeWorstDeg),
        cell(m.rockingFrontKnee),
        m.setupFrontKneeDeg
          .map(
            (s) => `${s.clip.replace(/^hkclip-|^half-kneel-/, '').replace(/-side-left|-10fps/g, '')}:${f1(s.measured)}`,
          )
          .join(' '),
      ]),
    ),
  );
}

function pushVariants(out: string[], r: AccuracyReport): void {
  if (r.variants.length) {
    out.push('\n## Rooms and figures (same poses; detection, joint error, knee MAE, hip-line roll MAE)');
    out.push(
      table(
        ['view', 'figure / room', ...MODELS.filter((m) => m !== 'blazepose-heavy').map((m) => MODEL_SHORT[m])],
        r.variants.map((v) => [
          v.view,
          v.variant,
          ...MODELS.filter((m) => m !== 'blazepose-heavy').map((m) => {
            const s = v.models[m];
            return s
              ? `${pct(s.detectionRate)} ${f2(s.keypointErrorMedian)} ${f1(s.kneeMae)} ${f1(s.rollHipLineMae)}`
              : '';
          }),
        ]),
      ),
    );
  }
}

function pushSensor(out: string[], r: AccuracyReport): void {
  out.push(
    '\n## Phone sensor (generator: noise 0.3 deg, drift 3/0.5/0.5 deg/min, mounting yaw 0-45, yaw from the guided rock)',
  );
  out.push(
    table(
      ['mounting yaw', 'roll MAE (bias, slope)', 'pitch MAE (bias, slope)', 'yaw estimate error'],
      r.sensor.byYaw.map((y) => [
        `${y.yawDeg} deg`,
        cell(y.roll, true),
        cell(y.pitch, true),
        f1(y.estimatedYawErrorDeg),
      ]),
    ),
  );
  out.push(
    `all: roll ${cell(r.sensor.roll, true)}, pitch ${cell(r.sensor.pitch, true)}; waistband tilt (phone leaning 0-45 deg) ${cell(r.sensor.waistbandTilt, true)}`,
  );
}

function pushVerdicts(out: string[], r: AccuracyReport): void {
  out.push('\n## Verdicts against the truth (real analysers)');
  for (const v of r.verdicts) out.push(confusionText(v.name, v.matrix as Confusion<string>));
  out.push(`extra reps found where there were none: ${r.spuriousReps}`);
  if (r.repFinding.length) {
    out.push('\n## Rep finding by camera view (camera only)');
    out.push(
      'Bird-dog clips (2 reps each: left leg, then right), no phone. Cells: reps found / matched to a true rep by time overlap / matched with the right leg, of the true reps.',
    );
    out.push(repFindingTable(r.repFinding));
  }
  out.push("\n## Per-frame rule checks on stills (not the analysers' verdicts)");
  for (const [k, c] of Object.entries(r.stillVerdicts.r4Side))
    out.push(confusionText(`R4 leg too high, side view, ${k}`, c));
  for (const [k, c] of Object.entries(r.stillVerdicts.c1Side))
    out.push(confusionText(`C1 arching (lean back > 10 beyond set-up), side view, ${k}`, c));
  for (const [k, c] of Object.entries(r.stillVerdicts.r1HipLine))
    out.push(confusionText(`R1 from the 2D hip line IF the camera were allowed, ${k}`, c));
}

export function formatReport(r: AccuracyReport): string {
  const out: string[] = [];
  out.push(`# steadyback accuracy benchmark (preset ${r.preset}, ${r.durationS.toFixed(0)} s)`);
  out.push(`figures: ${r.figures}${r.figureNote ? `\n${r.figureNote}` : ''}`);
  out.push(
    `${r.counts.stills} still renders, ${r.counts.clips} clips, ${r.counts.modelRuns} model runs on stills. Cells: MAE degrees (bias[, slope]) [measured/offered]; '-' = never measured.`,
  );
  out.push('\n## Detection rate and median limb-joint error (share of torso length)\n' + detectionTable(r));
  pushAngles(out, r);
  pushRoll(out, r);
  pushStretchModels(out, r);
  pushVariants(out, r);
  pushSensor(out, r);
  pushVerdicts(out, r);
  out.push(`\nconfident wrong verdicts (real analysers, all configurations): ${r.confidentWrongVerdicts}`);
  return out.join('\n');
}

function scale(e: ErrorSummary, k: number): ErrorSummary {
  const m = (v: number | null) => (v === null ? null : v * k);
  return { ...e, mae: m(e.mae), bias: m(e.bias), p90: m(e.p90) };
}
