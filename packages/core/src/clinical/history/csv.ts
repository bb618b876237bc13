// The report model as CSV for a spreadsheet: one row per recorded value, with the columns
// kind,date,side,metric,value,unit,source, quoted as RFC 4180 says (fields with a comma, a quote
// or a line break in double quotes, quotes doubled, CRLF line ends). Dates are the record's own
// date: a next-morning pain score sits on the date of the session it follows.

import type { ReportModel } from './model.ts';

export const CSV_COLUMNS = ['kind', 'date', 'side', 'metric', 'value', 'unit', 'source'] as const;

export interface CsvRow {
  kind: 'pain' | 'outcome' | 'bird-dog' | 'stretch';
  date: string;
  side: 'left' | 'right' | '';
  metric: string;
  value: string | number | null;
  unit: string;
  source: string;
}

/** One field, quoted only when it has to be. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(model: ReportModel): CsvRow[] {
  const rows: CsvRow[] = [];
  const SELF = 'self-report';
  for (const d of model.pain.days) {
    rows.push({
      kind: 'pain',
      date: d.dateIso,
      side: '',
      metric: 'before',
      value: d.restNrs,
      unit: 'NRS 0-10',
      source: SELF,
    });
    if (d.peakNrs !== null)
      rows.push({
        kind: 'pain',
        date: d.dateIso,
        side: '',
        metric: 'peak',
        value: d.peakNrs,
        unit: 'NRS 0-10',
        source: SELF,
      });
    if (d.morningNrs !== null)
      rows.push({
        kind: 'pain',
        date: d.dateIso,
        side: '',
        metric: 'next-morning',
        value: d.morningNrs,
        unit: 'NRS 0-10',
        source: SELF,
      });
    rows.push({
      kind: 'pain',
      date: d.dateIso,
      side: '',
      metric: 'pain-response',
      value: d.light,
      unit: '',
      source: d.source,
    });
  }
  for (const p of model.usualPain)
    rows.push({
      kind: 'outcome',
      date: p.dateIso,
      side: '',
      metric: 'usual-pain',
      value: p.nrs,
      unit: 'NRS 0-10',
      source: SELF,
    });
  for (const g of model.peg3.all) {
    rows.push({
      kind: 'outcome',
      date: g.dateIso,
      side: '',
      metric: 'peg-3-score',
      value: g.score,
      unit: 'score 0-10',
      source: g.source,
    });
  }
  for (const t of model.birdDog.tests) {
    const sources = [t.sources.camera ? 'camera' : null, t.sources.sensor ? 'sensor' : null]
      .filter((x) => x !== null)
      .join('+');
    if (t.verdict !== null)
      rows.push({
        kind: 'bird-dog',
        date: t.dateIso,
        side: '',
        metric: 'overall-verdict',
        value: t.verdict,
        unit: '',
        source: sources,
      });
    if (!t.sides) continue;
    for (const side of ['left', 'right'] as const) {
      const s = t.sides[side];
      const rollSource = s.rollSource ?? 'not-measurable';
      rows.push({
        kind: 'bird-dog',
        date: t.dateIso,
        side,
        metric: 'verdict',
        value: s.verdict,
        unit: '',
        source: sources,
      });
      rows.push({
        kind: 'bird-dog',
        date: t.dateIso,
        side,
        metric: 'max-pelvic-roll',
        value: s.maxRollDeg,
        unit: 'deg',
        source: rollSource,
      });
      rows.push({
        kind: 'bird-dog',
        date: t.dateIso,
        side,
        metric: 'mean-pelvic-roll',
        value: s.meanRollDeg,
        unit: 'deg',
        source: rollSource,
      });
      rows.push({
        kind: 'bird-dog',
        date: t.dateIso,
        side,
        metric: 'unstable-reps',
        value: s.unstableReps,
        unit: 'reps',
        source: sources,
      });
    }
  }
  for (const s of model.stretch.sessions) {
    for (const side of ['left', 'right'] as const) {
      rows.push({
        kind: 'stretch',
        date: s.dateIso,
        side,
        metric: 'good-form-time',
        value: s.goodFormSeconds[side],
        unit: 's',
        source: 'camera',
      });
      rows.push({
        kind: 'stretch',
        date: s.dateIso,
        side,
        metric: 'holds',
        value: s.holds[side],
        unit: 'holds',
        source: 'camera',
      });
    }
    if (s.depthMaxDeg !== null)
      rows.push({
        kind: 'stretch',
        date: s.dateIso,
        side: '',
        metric: 'deepest-hold',
        value: s.depthMaxDeg,
        unit: 'deg',
        source: 'camera',
      });
    if (s.depthCapDeg !== null)
      rows.push({
        kind: 'stretch',
        date: s.dateIso,
        side: '',
        metric: 'depth-limit',
        value: s.depthCapDeg,
        unit: 'deg',
        source: 'stretch guard',
      });
    for (const f of s.faults)
      rows.push({
        kind: 'stretch',
        date: s.dateIso,
        side: '',
        metric: `fault-${f.rule}`,
        value: f.count,
        unit: 'times',
        source: f.source,
      });
  }
  return rows;
}

/** The whole CSV text, header first, CRLF line ends. */
export function reportCsv(model: ReportModel): string {
  const lines = [CSV_COLUMNS.join(','), ...csvRows(model).map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
