// Plain-language summary of a stretch session: set-ups, holds, good-form time and what to change.
import type { StretchResult } from './result.ts';

const RULE_WORDS: Record<string, string> = {
  C1: 'your lower back arched (the stretch moved into your back)',
  C2: 'you leaned forward, which takes the stretch away',
  C4: 'you went deeper than your safe limit for now',
  C5: 'you bounced or rocked instead of holding still',
};

export function explainStretch(r: Omit<StretchResult, 'explanation'>): string[] {
  const lines: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const holds = r.holds.filter((h) => h.kneelingSide === side);
    if (holds.length === 0) continue;
    const good = holds.reduce((s, h) => s + h.goodFormMs, 0) / 1000;
    const total = holds.reduce((s, h) => s + (h.endMs - h.startMs), 0) / 1000;
    lines.push(
      holds[0]!.formMeasured
        ? `Kneeling on your ${side} knee: ${holds.length} hold(s), ${Math.round(good)} of ${Math.round(total)} seconds in good form.`
        : `Kneeling on your ${side} knee: ${holds.length} hold(s) of ${Math.round(total)} seconds in all (form not judged from this camera angle).`,
    );
    const rules = [...new Set(holds.flatMap((h) => h.faults.map((f) => f.rule)))];
    for (const rule of rules) {
      const sources = [...new Set(holds.flatMap((h) => h.faults.filter((f) => f.rule === rule).map((f) => f.source)))];
      lines.push(`On that side ${RULE_WORDS[rule]} (seen by the ${sources.join(' and the ')}).`);
    }
  }
  if (r.holds.some((h) => h.faults.some((f) => f.rule === 'C1')))
    lines.push(
      'Ribs down, tuck your tail and squeeze the glute of the kneeling leg; move less. You should feel it only at the front of the hip.',
    );
  if (r.holds.some((h) => h.faults.some((f) => f.rule === 'C5')))
    lines.push('Hold the stretch still and breathe; bouncing does not help and can irritate the tissues.');
  for (const q of r.quality) lines.push(q.message);
  lines.push(
    'Keep the stretch mild to moderate (about 3-5 out of 10). If you feel it in your lower back or down the leg, stop and tell us.',
  );
  lines.push(
    'This app does not diagnose. A physical therapist can assess you if pain persists beyond 4-6 weeks, worsens, or spreads to the leg.',
  );
  return lines;
}
