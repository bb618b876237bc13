// The CSV export: RFC 4180 quoting, parsed back by an independent parser into the same rows and
// the same numbers as the report model.
import { describe, expect, it } from 'vitest';
import { simulateWeeks } from '@steadyback/synthetic';
import { CSV_COLUMNS, csvField, csvRows, reportCsv } from './csv.ts';
import { reportModel } from './report-model.ts';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

describe('CSV fields (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    [12.5, '12.5'],
    [null, ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
  ] as const)('%j is written as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
    expect(parseCsv(`${written}\r\n`)).toEqual([[value === null ? '' : String(value)]]);
  });
});

describe('CSV of a simulated programme', () => {
  const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 2, camera: false });
  const model = reportModel(sim.data, sim.todayIso);
  const text = reportCsv(model);
  const parsed = parseCsv(text);

  it('has the header and one row per recorded value, each with 7 fields', () => {
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.slice(1)).toHaveLength(csvRows(model).length);
    expect(parsed.every((r) => r.length === 7)).toBe(true);
    // The traffic-light source has a comma in it, so real rows exercise the quoting too.
    expect(text).toMatch(/"Rule set E \(Silbernagel 2007, adapted for low back pain; L-M\)"/);
  });

  it('parses back to the model numbers: pain per day, the left side max roll and good-form seconds', () => {
    const rows = parsed
      .slice(1)
      .map(([kind, date, side, metric, value, unit, source]) => ({ kind, date, side, metric, value, unit, source }));
    const find = (kind: string, date: string, side: string, metric: string) =>
      rows.find((r) => r.kind === kind && r.date === date && r.side === side && r.metric === metric);
    for (const d of model.pain.days) {
      expect(Number(find('pain', d.dateIso, '', 'before')?.value)).toBe(d.restNrs);
      expect(Number(find('pain', d.dateIso, '', 'peak')?.value)).toBe(d.peakNrs);
      expect(Number(find('pain', d.dateIso, '', 'next-morning')?.value)).toBe(d.morningNrs);
      expect(find('pain', d.dateIso, '', 'pain-response')?.value).toBe(d.light);
    }
    for (const t of model.birdDog.tests) {
      const r = find('bird-dog', t.dateIso, 'left', 'max-pelvic-roll')!;
      expect(Number(r.value)).toBe(t.sides!.left.maxRollDeg);
      expect(r.unit).toBe('deg');
      expect(r.source).toBe('sensor');
      expect(find('bird-dog', t.dateIso, 'left', 'verdict')?.value).toBe(t.sides!.left.verdict);
    }
    for (const s of model.stretch.sessions)
      expect(Number(find('stretch', s.dateIso, 'right', 'good-form-time')?.value)).toBe(s.goodFormSeconds.right);
    expect(rows.filter((r) => r.metric === 'usual-pain').map((r) => Number(r.value))).toEqual(
      model.usualPain.map((p) => p.nrs),
    );
  });
});
