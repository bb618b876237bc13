// R6: back pain after the side against the resting score, as the person tells it.

import { BIRD_DOG_THRESHOLDS as T } from '../thresholds.ts';
import type { RuleCheck } from './rule-check.ts';

export const checkPain: RuleCheck = ({ ctx, leg }) => {
  const after = ctx.pain?.afterSide?.[leg];
  if (after === undefined) return {};
  const rest = ctx.pain?.restNrs;
  if (rest === undefined)
    return {
      R6: {
        value: after,
        unit: 'NRS 0-10',
        band: 'not-measurable',
        source: null,
        reason: 'No resting pain score to compare with.',
      },
    };
  return {
    R6: {
      value: after,
      unit: 'NRS 0-10',
      band: after >= rest + T.R6_PAIN_RISE ? 'red' : 'green',
      source: null,
      reason: `Resting pain was ${rest}.`,
    },
  };
};
