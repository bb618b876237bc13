// The one-page A4 report for a physical therapist, drawn from the report model alone: the bird-dog
// screen per side (verdict, largest and mean pelvic roll, what measured it, what could not be
// measured) with the worst rep's skeleton, three small trend charts, the pain response and
// escalation, the current plan with its reasons, and the disclaimer. Plain words, no diagnosis.

import type { ChartId, ReportModel } from '@steadyback/core';
import { rgb } from 'pdf-lib';
import {
  OVERALL_VERDICT,
  SIDE_VERDICT,
  SOURCE_WORDS,
  escalationLine,
  fmtDeg,
  fmtNum,
  painCountsLine,
  painDayLine,
  peg3Line,
  periodLine,
  usualPainLine,
} from '../history-words.ts';
import { drawChart } from './pdf-charts.ts';
import { A4, MARGIN, MUTED, PALETTE, RULE, heading, line, newA4, paragraph, type Fonts } from './pdf-kit.ts';
import { drawSkeleton } from './pdf-skeleton.ts';
import type { PDFPage } from 'pdf-lib';

const WIDTH = A4.width - 2 * MARGIN;
const GAP = 12;
const FOOTER_H = 40;

const CHART_TITLES: Partial<Record<ChartId, string>> = {
  'pelvic-roll': 'Pelvic roll per side (bird-dog)',
  pain: 'Back pain: before, peak, next morning',
  'good-form': 'Stretch: good-form seconds per side',
};

export interface HistoryPdfOptions {
  /** Shown in the footer, e.g. "steadyback report 0.1.0". */
  generator: string;
}

type LatestTest = NonNullable<ReportModel['birdDog']['latest']>;
type TestSides = NonNullable<LatestTest['sides']>;

function sideTable(page: PDFPage, fonts: Fonts, sides: TestSides, yTop: number, colW: number): number {
  let y = yTop;
  // The per-side table.
  const cols = [MARGIN, MARGIN + 46, MARGIN + 124, MARGIN + 180, MARGIN + 228, MARGIN + 276];
  const head = ['Leg lifted', 'Result', 'Largest roll', 'Mean roll', 'Unstable', 'Measured by'];
  y -= 9;
  head.forEach((h, i) => line(page, fonts, cols[i]!, y, h, { size: 7, bold: true, colour: MUTED }));
  for (const side of ['left', 'right'] as const) {
    const s = sides[side];
    y -= 10;
    const cells = [
      side === 'left' ? 'Left' : 'Right',
      s.verdict,
      fmtDeg(s.maxRollDeg),
      fmtDeg(s.meanRollDeg),
      `${s.unstableReps} of ${s.reps}`,
      s.rollSource === null ? 'nothing could' : SOURCE_WORDS[s.rollSource],
    ];
    cells.forEach((c, i) =>
      line(page, fonts, cols[i]!, y, c, {
        size: 7.5,
        bold: i === 1,
        colour: i === 1 && s.verdict === 'positive' ? PALETTE.red : undefined,
      }),
    );
  }
  y -= 5;
  for (const side of ['left', 'right'] as const)
    y = paragraph(
      page,
      fonts,
      MARGIN,
      y,
      colW,
      `${side === 'left' ? 'Left' : 'Right'}: ${SIDE_VERDICT[sides[side].verdict]}. ${sides[side].reason}`,
      { size: 6.5 },
    );
  return y;
}

function testNotes(page: PDFPage, fonts: Fonts, m: ReportModel, t: LatestTest, yTop: number, colW: number): number {
  let y = yTop;
  const first = m.birdDog.tests.find((x) => x.sides !== null && x.status === 'complete');
  if (first && first.id !== t.id && first.sides) {
    y = paragraph(
      page,
      fonts,
      MARGIN,
      y,
      colW,
      `First test, ${first.dateIso}: overall ${OVERALL_VERDICT[first.verdict ?? 'not-measurable']}; largest roll left ${fmtDeg(first.sides.left.maxRollDeg)}, right ${fmtDeg(first.sides.right.maxRollDeg)}.`,
      { size: 7 },
    );
  }
  if (t.notMeasurable.length > 0) {
    y = paragraph(
      page,
      fonts,
      MARGIN,
      y,
      colW,
      `Not measurable in this test: ${t.notMeasurable.map((n) => `${n.rule}, ${n.reason.replace(/\.$/, '')}`).join('; ')}.`,
      { size: 6.5, colour: MUTED },
    );
  }
  y = paragraph(
    page,
    fonts,
    MARGIN,
    y,
    colW,
    'Pelvic roll is measured by the phone lying on the pelvis; the camera cannot measure it, so its picture shows the posture only. The degree bands (5 and 10) are engineering choices still to be checked against physiotherapists.',
    { size: 6.5, colour: MUTED },
  );

  return y;
}

function worstRepPicture(
  page: PDFPage,
  fonts: Fonts,
  t: LatestTest,
  sides: TestSides,
  top: number,
): 'left' | 'right' | null {
  // The worst rep's skeleton, on the side that rolled more.
  const sideOf = (sides.left.maxRollDeg ?? 0) >= (sides.right.maxRollDeg ?? 0) ? 'left' : 'right';
  const withFrame = sides[sideOf].worstFrame
    ? sideOf
    : sides.left.worstFrame
      ? 'left'
      : sides.right.worstFrame
        ? 'right'
        : null;
  const bx = MARGIN + WIDTH - 180;
  if (withFrame) {
    drawSkeleton(page, sides[withFrame].worstFrame!, { x: bx, y: top - 100, width: 180, height: 96 });
    paragraph(
      page,
      fonts,
      bx,
      top - 102,
      180,
      `Worst rep, ${withFrame} leg lifted, ${t.dateIso} (camera, ${t.view} view).`,
      { size: 6.5, colour: MUTED },
    );
  } else {
    page.drawRectangle({ x: bx, y: top - 60, width: 180, height: 56, borderColor: RULE, borderWidth: 0.5 });
    paragraph(page, fonts, bx + 6, top - 10, 168, 'No camera picture: this test used the phone on the pelvis only.', {
      size: 7,
      colour: MUTED,
    });
  }
  return withFrame;
}

function birdDogSection(page: PDFPage, fonts: Fonts, m: ReportModel, yTop: number): number {
  let y = heading(page, fonts, MARGIN, yTop, WIDTH, 'Bird-dog movement-control screen');
  const t = m.birdDog.latest;
  const colW = WIDTH - 180 - GAP;
  const top = y;
  if (t === null || t.sides === null) {
    y = paragraph(
      page,
      fonts,
      MARGIN,
      y,
      colW,
      t === null
        ? 'No bird-dog test has been recorded yet.'
        : `The test on ${t.dateIso} was not finished, so there is no result per side.`,
    );
    return y - 4;
  }
  const extras = [
    t.asymmetry ? 'the two sides differ' : null,
    t.symptomProvoking ? 'the test brought on back pain, which is worth a look by a physical therapist' : null,
  ].filter((x) => x !== null);
  y = paragraph(
    page,
    fonts,
    MARGIN,
    y,
    colW,
    `Latest test, ${t.dateIso}: overall ${OVERALL_VERDICT[t.verdict ?? 'not-measurable']}${extras.length ? `; ${extras.join('; ')}` : ''}.`,
    { bold: true },
  );

  y = sideTable(page, fonts, t.sides, y, colW);
  y = testNotes(page, fonts, m, t, y, colW);
  const withFrame = worstRepPicture(page, fonts, t, t.sides, top);
  return Math.min(y, withFrame ? top - 122 : top - 64) - 4;
}

function chartsRow(page: PDFPage, fonts: Fonts, m: ReportModel, yTop: number): number {
  const ids: ChartId[] = ['pelvic-roll', 'pain', 'good-form'];
  const w = (WIDTH - 2 * GAP) / 3;
  const h = 118;
  ids.forEach((id, i) => {
    const spec = m.charts.find((c) => c.id === id);
    if (spec)
      drawChart(
        page,
        fonts,
        spec,
        { x: MARGIN + i * (w + GAP), y: yTop - h, width: w, height: h },
        CHART_TITLES[id] ?? spec.title,
      );
  });
  return yTop - h - 8;
}

function painColumn(
  page: PDFPage,
  fonts: Fonts,
  m: ReportModel,
  x: number,
  yTop: number,
  width: number,
  yMin: number,
): number {
  let y = heading(page, fonts, x, yTop, width, 'Pain response');
  y = paragraph(page, fonts, x, y, width, painCountsLine(m), { yMin });
  const latest = m.pain.latest;
  if (latest) {
    y = paragraph(page, fonts, x, y, width, `Latest: ${painDayLine(latest)}`, {
      bold: true,
      colour: latest.light === 'red' ? PALETTE.red : undefined,
      yMin,
    });
    y = paragraph(page, fonts, x, y, width, `What the app told them: ${latest.message}`, { size: 7, yMin });
  }
  for (const l of [usualPainLine(m), peg3Line(m)]) if (l) y = paragraph(page, fonts, x, y, width, l, { yMin });
  const s = m.stretch.sessions.at(-1);
  if (s) {
    const depth =
      s.depthMaxDeg === null
        ? 'depth not measured'
        : s.depthBelowFloor
          ? 'deepest hold under 5° (too small to show)'
          : `deepest hold ${fmtDeg(s.depthMaxDeg)}`;
    const cap =
      s.depthCapDeg === null
        ? 'no personal depth limit yet'
        : `personal limit ${fmtDeg(s.depthCapDeg)}${s.depthOverCap ? ', went past it' : ', within it'}`;
    const over = m.stretch.sessions.filter((x) => x.depthOverCap).length;
    y = paragraph(
      page,
      fonts,
      x,
      y,
      width,
      `Hip flexor stretch, latest session ${s.dateIso}: ${fmtNum(s.goodFormSeconds.left)} s left and ${fmtNum(s.goodFormSeconds.right)} s right with good form; ${depth}, ${cap}. Sessions past the limit: ${over} of ${m.stretch.sessions.length}.`,
      { size: 7, yMin },
    );
  }
  y -= 3;
  const esc = m.escalation?.escalate === true;
  y = paragraph(page, fonts, x, y, width, esc ? 'Please see a physical therapist or doctor' : 'Escalation', {
    bold: true,
    colour: esc ? PALETTE.red : undefined,
    yMin,
  });
  const top = y;
  y = paragraph(page, fonts, x + (esc ? 5 : 0), y, width - (esc ? 8 : 0), escalationLine(m), { size: 7, yMin });
  if (esc) page.drawRectangle({ x, y: y - 1, width, height: top - y + 2, borderColor: PALETTE.red, borderWidth: 0.8 });
  return y;
}

function planColumn(
  page: PDFPage,
  fonts: Fonts,
  m: ReportModel,
  x: number,
  yTop: number,
  width: number,
  yMin: number,
): number {
  const p = m.plan;
  let y = heading(page, fonts, x, yTop, width, p ? `Current plan (week ${p.weekKey})` : 'Current plan');
  if (p === null) return paragraph(page, fonts, x, y, width, m.planProblem ?? 'There is no plan yet.', { yMin });
  const item = (title: string, body: string, why: string, source: string): void => {
    if (y < yMin + 16) return;
    y = paragraph(page, fonts, x, y, width, title, { bold: true, size: 7.5, yMin });
    if (body) y = paragraph(page, fonts, x, y, width, body, { size: 7, yMin });
    y = paragraph(page, fonts, x, y, width, `Why: ${why}`, { size: 6.5, yMin });
    y = paragraph(page, fonts, x, y, width, `Source: ${source}`, { size: 5.5, colour: MUTED, yMin }) - 2;
  };
  // The headline often repeats the stability exercise's reason; say it once.
  if (p.stability && p.headline.reason === p.stability.reason)
    y =
      paragraph(page, fonts, x, y, width, `${p.headline.title}: ${p.headline.message}`, {
        bold: true,
        size: 7.5,
        yMin,
      }) - 2;
  else item(p.headline.title, p.headline.message, p.headline.reason, p.headline.source);
  if (p.stability) {
    const s = p.stability;
    item(
      `${s.name}: ${s.repsPerSide} reps per side x ${s.rounds} round${s.rounds > 1 ? 's' : ''}, ${s.holdSeconds} s holds, ${s.daysPerWeek} days a week`,
      '',
      s.reason,
      s.source,
    );
  }
  if (p.hipStretch) {
    const h = p.hipStretch;
    item(
      `${h.name}: ${h.setsPerSide} x ${h.holdSeconds} s per side, at least ${h.daysPerWeekMin} days a week`,
      '',
      h.reason,
      h.source,
    );
  }
  for (const s of p.swaps) item('Stretch swap', s.suggestion, s.reason, s.source);
  for (const n of p.notes) item('Note', n.text, n.reason, n.source);
  return y;
}

function footer(page: PDFPage, fonts: Fonts, m: ReportModel, generator: string): void {
  const top = MARGIN + FOOTER_H;
  page.drawRectangle({
    x: MARGIN,
    y: MARGIN,
    width: WIDTH,
    height: FOOTER_H,
    color: rgb(0.96, 0.96, 0.97),
    borderColor: RULE,
    borderWidth: 0.5,
  });
  let y = paragraph(page, fonts, MARGIN + 6, top - 4, WIDTH - 12, m.disclaimer, { bold: true, size: 7.5 });
  y = paragraph(
    page,
    fonts,
    MARGIN + 6,
    y,
    WIDTH - 12,
    'Everything here was measured or reported at home by the person with a phone; it is a screen of how the low back moves and a pain diary, not an examination. Please see a doctor at once for numbness in the saddle area, new bladder or bowel trouble, or fast-worsening leg weakness.',
    { size: 6.5 },
  );
  paragraph(
    page,
    fonts,
    MARGIN + 6,
    y,
    WIDTH - 12,
    `Made on ${m.todayIso} by ${generator} from the app's exported records. The same numbers are in the CSV and FHIR exports.`,
    { size: 6, colour: MUTED },
  );
}

/** The one-page PDF as bytes. */
export async function historyPdf(m: ReportModel, options: HistoryPdfOptions): Promise<Uint8Array> {
  const { doc, page, fonts } = await newA4();
  doc.setTitle('steadyback: home exercise and back pain summary');
  doc.setSubject(periodLine(m));
  doc.setProducer(options.generator);
  doc.setCreator(options.generator);
  let y = A4.height - MARGIN;
  line(page, fonts, MARGIN, y - 14, 'Home exercise and back pain summary', { size: 15, bold: true });
  y = paragraph(
    page,
    fonts,
    MARGIN,
    y - 20,
    WIDTH,
    `For a physical therapist. ${periodLine(m)}${m.programmeStartIso ? ` Programme started ${m.programmeStartIso}.` : ''}${m.leftOutAfterToday > 0 ? ` ${m.leftOutAfterToday} record(s) dated later were left out.` : ''}`,
    { colour: MUTED },
  );
  y = birdDogSection(page, fonts, m, y - 4);
  if (m.charts.length > 0) y = chartsRow(page, fonts, m, y);
  const yMin = MARGIN + FOOTER_H + 6;
  // The plan's reasons are the longest text, so it gets the wider column.
  const painW = Math.round((WIDTH - GAP) * 0.42);
  painColumn(page, fonts, m, MARGIN, y, painW, yMin);
  planColumn(page, fonts, m, MARGIN + painW + GAP, y, WIDTH - GAP - painW, yMin);
  footer(page, fonts, m, options.generator);
  // Fixed dates keep the bytes reproducible for the same records.
  const when = new Date(`${m.todayIso}T00:00:00Z`);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}
