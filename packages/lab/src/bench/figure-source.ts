// Which figure the benchmark renders: the CC0 rigged humans beside the repository when they are
// there, otherwise the dev-only mannequin-js fallback, and the words the output uses to say so.

import { cc0FiguresAvailable } from '../render/browser-host.ts';

export interface FigureSource {
  readonly fallback: boolean;
  readonly label: string;
  /** Shown prominently when the numbers are not about a human-shaped figure. */
  readonly note: string | null;
}

export const FALLBACK_NOTE = 'figures: mannequin-js fallback; numbers are plumbing checks, not claims about people';

export function figureSource(forceFallback = false): FigureSource {
  if (!forceFallback && cc0FiguresAvailable()) {
    return {
      fallback: false,
      label:
        'CC0 rigged figures from ../shared/data/figures (Quaternius women_Casual; men_Casual in the variations; men_Casual, women_Worker and men_Suit in the other-figures clips)',
      note: null,
    };
  }
  return {
    fallback: true,
    label: 'mannequin-js fallback (@steadyback/lab-mannequin, GPL-3.0, dev only)',
    note: FALLBACK_NOTE,
  };
}
