import { describe, it, expect } from 'vitest';
import { quaternionFromEuler } from './orientation.ts';
import {
  formatSensorCsv,
  MAX_RECORDING_MINUTES,
  MAX_SAMPLE_STEP_MS,
  parseSensorCsv,
  timingProblem,
  toSensorSample,
  toSensorSamples,
} from './sensor-series.ts';

function reasonOf(text: string): string {
  const r = parseSensorCsv(text);
  if (r.ok) throw new Error('expected a parse failure');
  return r.reason;
}

describe('parseSensorCsv', () => {
  it('reads the export with cues, in any column order, ignoring extra columns', () => {
    const r = parseSensorCsv(
      ['gamma,cue,tMs,extra,beta,alpha', '1.5,settle,0,x,-2,350', '1.25,,20,y,-2.5,351', '', '1,hold,40,z,-3,360'].join(
        '\n',
      ),
    );
    expect(r).toEqual({
      ok: true,
      samples: [
        { tMs: 0, alphaDeg: 350, betaDeg: -2, gammaDeg: 1.5, cue: 'settle' },
        { tMs: 20, alphaDeg: 351, betaDeg: -2.5, gammaDeg: 1.25 },
        { tMs: 40, alphaDeg: 0, betaDeg: -3, gammaDeg: 1, cue: 'hold' },
      ],
    });
  });
  it('accepts CRLF line ends, a byte-order mark and a file without a cue column', () => {
    const r = parseSensorCsv('\uFEFFtMs,alpha,beta,gamma\r\n0,0,0,0\r\n16,1,2,3\r\n');
    expect(r.ok && r.samples.length).toBe(2);
  });
  it('says the file is empty', () => {
    expect(reasonOf('')).toMatch(/empty/);
    expect(reasonOf('\n  \n')).toMatch(/empty/);
  });
  it('names the missing columns', () => {
    expect(reasonOf('tMs,alpha,gamma\n0,0,0\n1,0,0')).toMatch(/missing the column beta/);
    expect(reasonOf('time,a,b,c\n0,0,0,0')).toMatch(/columns tMs, alpha, beta, gamma/);
  });
  it('names the line with a non-numeric value', () => {
    expect(reasonOf('tMs,alpha,beta,gamma\n0,0,0,0\n20,0,abc,0')).toMatch(/Line 3 .*non-numeric beta/);
    expect(reasonOf('tMs,alpha,beta,gamma\n0,0,0,0\n20,0,0')).toMatch(/Line 3 .*non-numeric gamma/);
  });
  it('names the line where timestamps go backwards, but allows repeats', () => {
    expect(reasonOf('tMs,alpha,beta,gamma\n0,0,0,0\n20,0,0,0\n20,0,0,0\n10,0,0,0')).toMatch(/backwards on line 5/);
  });
  it('rejects angles outside the W3C ranges', () => {
    expect(reasonOf('tMs,alpha,beta,gamma\n0,0,0,95\n20,0,0,0')).toMatch(/Line 2 has gamma = 95, outside -90 to 90/);
    expect(reasonOf('tMs,alpha,beta,gamma\n0,-1,0,0\n20,0,0,0')).toMatch(/alpha = -1/);
    expect(reasonOf('tMs,alpha,beta,gamma\n0,0,181,0\n20,0,0,0')).toMatch(/beta = 181/);
  });
  it('needs at least 2 samples', () => {
    expect(reasonOf('tMs,alpha,beta,gamma\n0,0,0,0')).toMatch(/1 sample;.*at least 2/);
    expect(reasonOf('tMs,alpha,beta,gamma\n')).toMatch(/0 samples/);
  });
  it('rejects an unknown cue', () => {
    expect(reasonOf('tMs,alpha,beta,gamma,cue\n0,0,0,0,jump\n20,0,0,0,')).toMatch(/unknown cue "jump"/);
  });
  it('gives one sentence per reason', () => {
    const reason = reasonOf('tMs,alpha,beta,gamma\n0,0,x,0');
    expect(reason.match(/[.;]/g)?.filter((c) => c === '.').length).toBe(1);
  });
});

/** A log whose times are the given list (ms), all else still. */
const logAt = (times: readonly number[]) => ['tMs,alpha,beta,gamma', ...times.map((t) => `${t},0,0,0`)].join('\n');
const at = (times: readonly number[]) => times.map((tMs) => ({ tMs }));

describe('timestamps that cannot time a movement', () => {
  it('refuses a log whose times all stand still, and says what tMs must be', () => {
    expect(reasonOf(logAt([5, 5, 5]))).toBe(
      'All 3 samples have the same time (5 ms), so the movement cannot be timed; tMs must count milliseconds from the start of the recording.',
    );
  });

  it('refuses times rounded to whole seconds, naming how often they move on', () => {
    const seconds = Array.from({ length: 200 }, (_, i) => Math.floor(i / 50) * 1000);
    expect(reasonOf(logAt(seconds))).toBe(
      '196 of 200 samples have the same time as the one before, and the time moves on only about every 1000 ms, too seldom to time a movement; export the recording with times in milliseconds.',
    );
  });

  it(`needs the time to move on at least every ${MAX_SAMPLE_STEP_MS} ms, repeated or not`, () => {
    expect(timingProblem(at([0, 100, 200, 300]))).toBeNull();
    expect(timingProblem(at([0, 101, 202, 303]))).toBe(
      'The samples are about 101 ms apart, too far apart to time a movement (it needs at least 10 a second); record with the app, which takes about 60 a second.',
    );
    expect(timingProblem(at([0, 0, 100, 100, 200, 200]))).toBeNull();
    expect(timingProblem(at([0, 0, 101, 101, 202, 202]))).toMatch(/^3 of 6 samples have the same time .* every 101 ms/);
  });

  it('reads a log that holds every row twice, as a log', () => {
    const twice = Array.from({ length: 100 }, (_, i) => Math.floor(i / 2) * 20);
    expect(parseSensorCsv(logAt(twice)).ok).toBe(true);
  });

  it(`refuses a recording longer than ${MAX_RECORDING_MINUTES} minutes, and allows one of exactly that`, () => {
    const limitMs = MAX_RECORDING_MINUTES * 60_000;
    const every50Ms = (endMs: number) => at(Array.from({ length: endMs / 50 + 1 }, (_, i) => i * 50));
    expect(timingProblem(every50Ms(limitMs))).toBeNull();
    expect(timingProblem(every50Ms(limitMs + 1000))).toBe(
      `The recording is 61 minutes long, more than the 60 minutes steadyback analyses at once; keep only the session you want analysed and try again.`,
    );
    expect(timingProblem(every50Ms(3 * 3_600_000))).toMatch(/^The recording is 180 minutes long/);
  });
});

describe('quaternion samples', () => {
  it('are converted to the same W3C angles', () => {
    const e = { alphaDeg: 200, betaDeg: 12, gammaDeg: -7 };
    const s = toSensorSample({ tMs: 5, q: quaternionFromEuler(e), cue: 'hold' });
    expect(s.tMs).toBe(5);
    expect(s.cue).toBe('hold');
    expect(s.alphaDeg).toBeCloseTo(200, 9);
    expect(s.betaDeg).toBeCloseTo(12, 9);
    expect(s.gammaDeg).toBeCloseTo(-7, 9);
  });
  it('pass angle samples through unchanged and mix with them', () => {
    const a = { tMs: 0, alphaDeg: 1, betaDeg: 2, gammaDeg: 3 };
    const out = toSensorSamples([a, { tMs: 10, q: { x: 0, y: 0, z: 0, w: 2 } }]);
    expect(out[0]).toBe(a);
    expect(out[1]).toEqual({ tMs: 10, alphaDeg: 0, betaDeg: 0, gammaDeg: 0 });
  });
});

describe('formatSensorCsv', () => {
  it('round-trips through parseSensorCsv', () => {
    const samples = [
      { tMs: 0, alphaDeg: 10.5, betaDeg: -3.25, gammaDeg: 2, cue: 'settle' as const },
      { tMs: 20, alphaDeg: 11, betaDeg: -3, gammaDeg: 2.5 },
    ];
    const parsed = parseSensorCsv(formatSensorCsv(samples));
    expect(parsed.ok && parsed.samples).toEqual(samples);
  });
});
