// The words the guard says after a hold or a check-in. Kept in one place so they can be reviewed
// together: kind, plain, never a diagnosis, and never a push to go harder.

import type { GuardTrigger } from './trigger.ts';

export const GUARD_MESSAGES = {
  stopLead: 'Please stop the stretch for today.',
  pain: 'Sharp, burning or electric pain is a sign to rest, not to push through.',
  legSymptoms:
    "Tingling, numbness or pain down the leg is worth a closer look, so we'll ask you a few quick safety questions again.",
  lowBackTwice:
    "You've felt it in your low back twice now, which means your back is doing the work instead of your hip. You can try again tomorrow.",
  easeLead: 'Ease off a little.',
  intensityAboveCap:
    "That's stronger than it needs to be: back off until it's about 4 out of 10. A gentle stretch works just as well.",
  lowBack:
    "You felt that in your low back, so let's change the set-up: shift forward a little less and tuck your tail a little more, then check where you feel it.",
  arching:
    'Your low back looks like it is arching: ribs down, tuck your tail, squeeze the buttock of the back leg, and move less.',
  bouncing: 'Hold still; no bouncing.',
  beyondDepthCap:
    "That's deeper than your limit for this week. The limit can rise as your body gets used to the stretch.",
  inTarget: "That's just right. Hold it there and breathe normally.",
  topOfRange: "That's the top of the range. Hold it there, no stronger, and breathe normally.",
  tooLightWithCap:
    'That feels light. If you like, ease a little deeper, staying within your limit for this week. A light stretch still counts.',
  tooLightNoCap:
    'That feels light. If you like, ease a little deeper, slowly and smoothly. A light stretch still counts.',
} as const;

/** One sentence per trigger; camera and sensor versions of the same fault share a sentence. */
export function triggerSentence(trigger: GuardTrigger): string {
  switch (trigger) {
    case 'pain':
      return GUARD_MESSAGES.pain;
    case 'leg-symptoms':
      return GUARD_MESSAGES.legSymptoms;
    case 'low-back-twice':
      return GUARD_MESSAGES.lowBackTwice;
    case 'intensity-above-cap':
      return GUARD_MESSAGES.intensityAboveCap;
    case 'low-back':
      return GUARD_MESSAGES.lowBack;
    case 'arching-camera':
    case 'arching-sensor':
      return GUARD_MESSAGES.arching;
    case 'bouncing-camera':
    case 'bouncing-sensor':
      return GUARD_MESSAGES.bouncing;
    case 'beyond-depth-cap':
      return GUARD_MESSAGES.beyondDepthCap;
  }
}

export const GUARD_MORNING_MESSAGES = {
  green: 'Your back is no worse than before the session. Well done.',
  amber:
    'Your back is a little more sore than before the session. Keep to the same amount for now; there is no need to do more.',
  red: "Your back is more sore than before the session. Let's go easier next time. If this keeps happening, a physiotherapist can help.",
  unknown:
    "There's no pain score from before the session to compare with, so this morning can't count towards progress.",
} as const;
