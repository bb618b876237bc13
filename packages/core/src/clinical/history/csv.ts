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

const SELF = 'self-report';

function row(
  kind: CsvRow['kind'],
  date: string,
  side: CsvRow['side'],
  metric: string,
  value: CsvRow['value'],
  unit: string,
  source: string,
): CsvRow {
  return { kind, date, side, metric, value, unit, source };
}

function painRows(model: ReportModel, rows: CsvRow[]): void {
  for (const d of model.pain.days) {
    rows.push(row('pain', d.dateIso, '', 'before', d.restNrs, 'NRS 0-10', SELF));
    if (d.peakNrs !== null) rows.push(row('pain', d.dateIso, '', 'peak', d.peakNrs, 'NRS 0-10', SELF));
    if (d.morningNrs !== null) rows.push(row('pain', d.dateIso, '', 'next-morning', d.morningNrs, 'NRS 0-10', SELF));
    rows.push(row('pain', d.dateIso, '', 'pain-response', d.light, '', d.source));
  }
}

function outcomeRows(model: ReportModel, rows: CsvRow[]): void {
  for (const p of model.usualPain) rows.push(row('outcome', p.dateIso, '', 'usual-pain', p.nrs, 'NRS 0-10', SELF));
  for (const g of model.peg3.all) {
    rows.push(row('outcome', g.dateIso, '', 'peg-3-score', g.score, 'score 0-10', g.source));
  }
}

function birdDogRows(model: ReportModel, rows: CsvRow[]): void {
  for (const t of model.birdDog.tests) {
    const sources = [t.sources.camera ? 'camera' : null, t.sources.sensor ? 'sensor' : null]
      .filter((x) => x !== null)
      .join('+');
    if (t.verdict !== null) rows.push(row('bird-dog', t.dateIso, '', 'overall-verdict', t.verdict, '', sources));
    if (!t.sides) continue;
    for (const side of ['left', 'right'] as const) {
      const s = t.sides[side];
      const rollSource = s.rollSource ?? 'not-measurable';
      rows.push(row('bird-dog', t.dateIso, side, 'verdict', s.verdict, '', sources));
      rows.push(row('bird-dog', t.dateIso, side, 'max-pelvic-roll', s.maxRollDeg, 'deg', rollSource));
      rows.push(row('bird-dog', t.dateIso, side, 'mean-pelvic-roll', s.meanRollDeg, 'deg', rollSource));
      rows.push(row('bird-dog', t.dateIso, side, 'unstable-reps', s.unstableReps, 'reps', sources));
    }
  }
}

function stretchRows(model: ReportModel, rows: CsvRow[]): void {
  for (const s of model.stretch.sessions) {
    for (const side of ['left', 'right'] as const) {
      rows.push(row('stretch', s.dateIso, side, 'good-form-time', s.goodFormSeconds[side], 's', 'camera'));
      rows.push(row('stretch', s.dateIso, side, 'holds', s.holds[side], 'holds', 'camera'));
    }
    if (s.depthMaxDeg !== null)
      rows.push(row('stretch', s.dateIso, '', 'deepest-hold', s.depthMaxDeg, 'deg', 'camera'));
    if (s.depthCapDeg !== null)
      rows.push(row('stretch', s.dateIso, '', 'depth-limit', s.depthCapDeg, 'deg', 'stretch guard'));
    for (const f of s.faults) rows.push(row('stretch', s.dateIso, '', `fault-${f.rule}`, f.count, 'times', f.source));
  }
}

export function csvRows(model: ReportModel): CsvRow[] {
  const rows: CsvRow[] = [];
  painRows(model, rows);
  outcomeRows(model, rows);
  birdDogRows(model, rows);
  stretchRows(model, rows);
  return rows;
}

/** The whole CSV text, header first, CRLF line ends. */
export function reportCsv(model: ReportModel): string {
  const lines = [CSV_COLUMNS.join(','), ...csvRows(model).map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
