// Plain words for the clinician pages: the traffic light, the screening outcome and dates.

import type { PainLight, RedFlagOutcome } from '@steadyback/core';
import { html, type Html } from './html.ts';

const LIGHT_WORDS: Record<PainLight, string> = {
  green: 'green: the back coped well',
  amber: 'amber: keep the dose the same',
  red: 'red: too much, ease off',
  incomplete: 'waiting for the next-morning score',
  'not-rated': 'not rated yet',
};

export function lightBadge(light: PainLight | null): Html {
  if (light === null) return html`<span class="light">no pain scores yet</span>`;
  return html`<span class="light light-${light}">${LIGHT_WORDS[light]}</span>`;
}

export const SCREENING_WORDS: Record<RedFlagOutcome, string> = {
  emergency: 'answers that need medical help straight away',
  urgent: 'answers that need a doctor within a day or two',
  caution: 'something to mention to a doctor or physical therapist',
  clear: 'nothing that stops exercise',
};

export const day = (d: Date | null): string => (d === null ? '-' : d.toISOString().slice(0, 10));
export const dayTime = (d: Date | null): string =>
  d === null ? '-' : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
