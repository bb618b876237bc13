// The safety gate, run before anything else (rule set A): the red-flag questions in three tiers,
// the pain-now gate, and the STarT Back scoring model. Every function takes the user's answers as
// they arrive from a form and returns either a result or one plain sentence saying what is wrong.
// The wording of every question here is our own. STarT Back is copyrighted (Keele University):
// only its scoring model is implemented, over answers keyed by our own short labels; an app that
// asks the official questions needs Keele's licence, and by default we ship NPRS and PEG-3 instead.

import { parseIsoDate } from '../guard/dates.ts';
import { PAIN_NOW, RED_FLAG_AGES as AGE, START_BACK } from './thresholds.ts';
import { checkBoolean, checkDate, checkNrs, isRecord } from './validate.ts';
import type { Outcome } from '../../outcome.ts';

// ---------------------------------------------------------------------------------------------
// 1. Red flags

export type RedFlagTier = 'emergency' | 'urgent' | 'caution';
export type RedFlagOutcome = RedFlagTier | 'clear';

export type EmergencyItemId = 'saddle-numbness' | 'bladder-change' | 'bowel-control' | 'leg-weakness-fast';
export type UrgentItemId =
  | 'fever-or-chills'
  | 'cancer-history'
  | 'major-trauma-or-fragile-bones'
  | 'weight-loss'
  | 'constant-night-pain'
  | 'immune-or-injected-drugs'
  | 'leg-numbness-spreading';
export type CautionItemId = 'first-episode-over-50' | 'no-improvement-4-weeks' | 'pain-below-knee' | 'age-under-20';
export type RedFlagItemId = EmergencyItemId | UrgentItemId | CautionItemId;

export interface RedFlagItem {
  readonly id: RedFlagItemId;
  readonly tier: RedFlagTier;
  /** The yes/no question, in our own plain words. */
  readonly question: string;
  /** A few words naming it back to the user ("You mentioned: ..."). */
  readonly summary: string;
}

/** The questions, most serious first. Sources: A.1; Part 2 section 5 (NICE NG59 pathway, Greenhalgh cauda equina card). */
export const RED_FLAG_ITEMS: readonly RedFlagItem[] = [
  {
    id: 'saddle-numbness',
    tier: 'emergency',
    question:
      'Is there new numbness, tingling or "pins and needles" between your legs, around your bottom or your genitals (for example, it feels different when you wipe)?',
    summary: 'new numbness or tingling between the legs',
  },
  {
    id: 'bladder-change',
    tier: 'emergency',
    question: 'Is it newly hard to start, stop or control passing urine, or have you started leaking?',
    summary: 'a new change in bladder control',
  },
  {
    id: 'bowel-control',
    tier: 'emergency',
    question: 'Have you lost control of your bowels, or are you unable to hold a bowel movement in?',
    summary: 'a change in bowel control',
  },
  {
    id: 'leg-weakness-fast',
    tier: 'emergency',
    question: 'Is a leg getting weaker quickly, or has your foot started to drag or slap when you walk?',
    summary: 'a leg getting weaker quickly',
  },
  {
    id: 'fever-or-chills',
    tier: 'urgent',
    question: 'Do you have a fever, chills or shivers as well as the back pain?',
    summary: 'fever or chills with back pain',
  },
  {
    id: 'cancer-history',
    tier: 'urgent',
    question: 'Have you ever had cancer, and is this back pain new?',
    summary: 'new back pain after cancer',
  },
  {
    id: 'major-trauma-or-fragile-bones',
    tier: 'urgent',
    question:
      'Did the pain start after a big accident or fall (such as a car crash or a fall from a height), or after a small fall if you have thin bones or take steroid tablets long-term?',
    summary: 'pain that began after an accident or fall',
  },
  {
    id: 'weight-loss',
    tier: 'urgent',
    question: 'Have you lost weight recently without trying?',
    summary: 'weight loss you cannot explain',
  },
  {
    id: 'constant-night-pain',
    tier: 'urgent',
    question: 'Is the pain there all night, with no position that eases it?',
    summary: 'constant pain at night',
  },
  {
    id: 'immune-or-injected-drugs',
    tier: 'urgent',
    question:
      'Is your immune system weakened (by an illness or medicine), or have you injected drugs, and is this pain new?',
    summary: 'new pain with a weakened immune system or injected drugs',
  },
  {
    id: 'leg-numbness-spreading',
    tier: 'urgent',
    question: 'Is numbness or weakness in a leg slowly getting worse?',
    summary: 'numbness or weakness in a leg that is getting worse',
  },
  {
    id: 'first-episode-over-50',
    tier: 'caution',
    question: `Are you over ${AGE.FIRST_EPISODE_OVER_YEARS}, and is this the first time you have had back pain?`,
    summary: `a first bout of back pain after age ${AGE.FIRST_EPISODE_OVER_YEARS}`,
  },
  {
    id: 'no-improvement-4-weeks',
    tier: 'caution',
    question: `Has your back pain stayed the same or got worse over the last ${AGE.NO_IMPROVEMENT_WEEKS} weeks?`,
    summary: `no improvement over ${AGE.NO_IMPROVEMENT_WEEKS} weeks`,
  },
  {
    id: 'pain-below-knee',
    tier: 'caution',
    question: 'Does the pain travel down your leg below the knee?',
    summary: 'pain below the knee',
  },
  {
    id: 'age-under-20',
    tier: 'caution',
    question: `Are you younger than ${AGE.YOUNG_UNDER_YEARS}?`,
    summary: `age under ${AGE.YOUNG_UNDER_YEARS}`,
  },
];

export type RedFlagAnswers = Record<RedFlagItemId, boolean>;

export interface RedFlagEvaluation {
  tier: RedFlagOutcome;
  /** Every item answered yes, most serious first. */
  items: RedFlagItem[];
  title: string;
  message: string;
  /** False for emergency and urgent: no exercise until a doctor has checked. */
  mayExercise: boolean;
  /** True for emergency only: leave the exercise flow and show the card. */
  stopAppFlow: boolean;
  source: string;
}

export const RED_FLAG_SOURCE = 'Rule set A.1; Part 2 section 5 (NICE NG59; Henschke 2009; Verhagen 2016)';

export const RED_FLAG_TEXT = {
  emergency: {
    title: 'Please get medical help now',
    message:
      'These signs need a doctor to check you today, straight away, because now and then they come from pressure on the nerves at the bottom of the spine, which needs quick treatment. Go to the emergency department (A&E or ER) now, or call your local emergency number (such as 999, 911 or 112). Please do not drive yourself: ask someone to take you, or call for help. The exercises can wait.',
  },
  urgent: {
    title: 'Please see a doctor in the next day or two',
    message:
      'Something you told us is worth a doctor checking within the next 24 to 48 hours. Most of the time it turns out to be nothing serious, but it is best to be sure. Please hold off on the exercises in this app until a doctor has said they are fine for you. If things get worse quickly, or you notice numbness between your legs or a change in bladder or bowel control, go to the emergency department straight away.',
  },
  cautionTitle: 'You can carry on; please mention this to a doctor or physiotherapist',
  cautionTail:
    'On its own this is common and usually not a sign of anything serious, so you can carry on with the exercises. Please mention this to a doctor or physiotherapist when you next see one.',
  clear: {
    title: 'Thank you: nothing here stops you exercising',
    message:
      'None of your answers needs a doctor to check you before you start. If anything new happens, such as pain, numbness or tingling down a leg, we will ask these questions again.',
  },
} as const;

const TIER_ORDER: readonly RedFlagTier[] = ['emergency', 'urgent', 'caution'];

/** Exercise is allowed after a screening that came out clear or caution; never after urgent or emergency. */
export function tierMayExercise(tier: RedFlagOutcome): boolean {
  return tier === 'caution' || tier === 'clear';
}

/** Checks the yes/no answers and returns the most serious tier that applies. */
export function evaluateRedFlags(answers: unknown): Outcome<RedFlagEvaluation> {
  if (!isRecord(answers)) return { ok: false, reason: 'The safety questions have not been answered yet.' };
  const known = new Set<string>(RED_FLAG_ITEMS.map((i) => i.id));
  const unknownKey = Object.keys(answers).find((k) => !known.has(k));
  if (unknownKey !== undefined) return { ok: false, reason: `"${unknownKey}" is not one of the safety questions.` };
  const yes: RedFlagItem[] = [];
  for (const item of RED_FLAG_ITEMS) {
    const answer = checkBoolean(answers[item.id], item.question);
    if (!answer.ok) return answer;
    if (answer.value) yes.push(item);
  }
  const tier: RedFlagOutcome = TIER_ORDER.find((t) => yes.some((i) => i.tier === t)) ?? 'clear';
  const base = {
    tier,
    items: yes,
    mayExercise: tier === 'caution' || tier === 'clear',
    stopAppFlow: tier === 'emergency',
    source: RED_FLAG_SOURCE,
  };
  if (tier === 'emergency' || tier === 'urgent') return { ok: true, ...base, ...RED_FLAG_TEXT[tier] };
  if (tier === 'caution') {
    const list = yes.map((i) => i.summary).join('; ');
    return {
      ok: true,
      ...base,
      title: RED_FLAG_TEXT.cautionTitle,
      message: `You mentioned: ${list}. ${RED_FLAG_TEXT.cautionTail}`,
    };
  }
  return { ok: true, ...base, ...RED_FLAG_TEXT.clear };
}

// ---------------------------------------------------------------------------------------------
// 2. Pain now

export type PainNowBand = 'proceed' | 'regressions-only' | 'rest-today';

export interface PainNowEvaluation {
  nrs: number;
  band: PainNowBand;
  mayExercise: boolean;
  /** The bird-dog test is not a regression, so it is offered only when proceeding. */
  mayTest: boolean;
  regressionsOnly: boolean;
  title: string;
  message: string;
  source: string;
}

export const PAIN_NOW_SOURCE = 'Rule set A.2 (pain now; an engineering choice, L)';

export const PAIN_NOW_TEXT: Record<PainNowBand, { title: string; message: string }> = {
  'rest-today': {
    title: 'A rest day today',
    message:
      'Your back is very sore right now, so let us skip the test and the exercises today. Rest in whatever position eases it, keep moving gently around the house if you can, and a warm pack may help. If pain this strong does not ease over the next day or two, or keeps coming back, please see a doctor or physical therapist. If you also notice numbness between your legs or a change in bladder or bowel control, go to the emergency department now.',
  },
  'regressions-only': {
    title: 'Easier versions only today',
    message:
      'Your back is quite sore today, so today is for the easier versions only: no test, and shorter, gentler sets. Stop if the pain starts to climb, and rest is fine too.',
  },
  proceed: {
    title: 'Good to go',
    message:
      'You can go ahead. A little discomfort, up to about 3 out of 10, is fine; if pain goes above 5 out of 10, stop for today.',
  },
};

/** The pain-now gate: 8 or more rest today, 6-7 easier versions only, 5 or less go ahead. */
export function evaluatePainNow(nrs: unknown): Outcome<PainNowEvaluation> {
  const checked = checkNrs(nrs, 'pain score right now');
  if (!checked.ok) return checked;
  const value = checked.value;
  const band: PainNowBand =
    value >= PAIN_NOW.REST_TODAY_MIN
      ? 'rest-today'
      : value >= PAIN_NOW.REGRESSIONS_ONLY_MIN
        ? 'regressions-only'
        : 'proceed';
  return {
    ok: true,
    nrs: value,
    band,
    mayExercise: band !== 'rest-today',
    mayTest: band === 'proceed',
    regressionsOnly: band === 'regressions-only',
    ...PAIN_NOW_TEXT[band],
    source: PAIN_NOW_SOURCE,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. STarT Back scoring model (Hill et al. 2008). Labels are ours; questions are not shipped.

export type StartBackItemId =
  | 'leg-pain'
  | 'shoulder-or-neck-pain'
  | 'short-walks-only'
  | 'slower-dressing'
  | 'fear-of-activity'
  | 'worrying-thoughts'
  | 'pain-feels-endless'
  | 'less-enjoyment'
  | 'bothersomeness';

export type StartBackAgreement = 'agree' | 'disagree';
export type StartBackBother = 'not-at-all' | 'slightly' | 'moderately' | 'very-much' | 'extremely';
export type StartBackAnswers = Record<Exclude<StartBackItemId, 'bothersomeness'>, StartBackAgreement> & {
  bothersomeness: StartBackBother;
};

export interface StartBackItem {
  readonly id: StartBackItemId;
  /** Position in the scoring model, 1-9. */
  readonly number: number;
  /** Our own short label, not the questionnaire wording. */
  readonly label: string;
  /** Part of the psychosocial subscale (items 5-9). */
  readonly psychosocial: boolean;
}

export const START_BACK_ITEMS: readonly StartBackItem[] = [
  { id: 'leg-pain', number: 1, label: 'Leg pain as well', psychosocial: false },
  { id: 'shoulder-or-neck-pain', number: 2, label: 'Shoulder or neck pain as well', psychosocial: false },
  { id: 'short-walks-only', number: 3, label: 'Walking only short distances', psychosocial: false },
  { id: 'slower-dressing', number: 4, label: 'Getting dressed more slowly', psychosocial: false },
  { id: 'fear-of-activity', number: 5, label: 'Feeling activity is unsafe', psychosocial: true },
  { id: 'worrying-thoughts', number: 6, label: 'Worrying a lot', psychosocial: true },
  { id: 'pain-feels-endless', number: 7, label: 'Feeling it will never get better', psychosocial: true },
  { id: 'less-enjoyment', number: 8, label: 'Enjoying things less', psychosocial: true },
  { id: 'bothersomeness', number: 9, label: 'How much the pain bothers you', psychosocial: true },
];

const AGREEMENTS: readonly StartBackAgreement[] = ['agree', 'disagree'];
const BOTHER_LEVELS: readonly StartBackBother[] = ['not-at-all', 'slightly', 'moderately', 'very-much', 'extremely'];
/** Only these bothersomeness answers score 1. (Part 2 section 4; H: Hill 2008.) */
const BOTHER_SCORING: readonly StartBackBother[] = ['very-much', 'extremely'];

export type StartBackRisk = 'low' | 'medium' | 'high';

export interface StartBackEvaluation {
  total: number;
  psychosocial: number;
  risk: StartBackRisk;
  message: string;
  source: string;
}

export const START_BACK_SOURCE = 'Rule set A.3; Part 2 section 4 (Hill et al. 2008; NICE QS155)';

export const START_BACK_TEXT: Record<StartBackRisk, string> = {
  high: 'A physical therapist can really help you. For people who answer the way you did, care that looks after both the body and the worry, low mood or fear that back pain can bring tends to work best. Please keep using this app alongside that care, not instead of it.',
  medium:
    'A physical therapist can help you build a plan of exercise and activity that fits your life. This app can support that plan.',
  low: 'Your answers suggest your back is likely to settle with simple self-care and staying active, which this app can help with.',
};

/** Scores answers keyed by item id: total 0-9, psychosocial 0-5, and the risk group. */
export function scoreStartBack(answers: unknown): Outcome<StartBackEvaluation> {
  if (!isRecord(answers)) return { ok: false, reason: 'The back-pain outlook questions have not been answered yet.' };
  const known = new Set<string>(START_BACK_ITEMS.map((i) => i.id));
  const unknownKey = Object.keys(answers).find((k) => !known.has(k));
  if (unknownKey !== undefined)
    return { ok: false, reason: `"${unknownKey}" is not one of the back-pain outlook questions.` };
  let total = 0;
  let psychosocial = 0;
  for (const item of START_BACK_ITEMS) {
    const answer = answers[item.id];
    if (answer === undefined || answer === null)
      return { ok: false, reason: `Please answer every question: "${item.label}" is missing.` };
    let point: number;
    if (item.id === 'bothersomeness') {
      if (!BOTHER_LEVELS.includes(answer as StartBackBother))
        return {
          ok: false,
          reason: `"${item.label}" should be one of: ${BOTHER_LEVELS.join(', ')}; it was ${JSON.stringify(answer)}.`,
        };
      point = BOTHER_SCORING.includes(answer as StartBackBother) ? 1 : 0;
    } else {
      if (!AGREEMENTS.includes(answer as StartBackAgreement))
        return { ok: false, reason: `"${item.label}" should be agree or disagree; it was ${JSON.stringify(answer)}.` };
      point = answer === 'agree' ? 1 : 0;
    }
    total += point;
    if (item.psychosocial) psychosocial += point;
  }
  const risk: StartBackRisk =
    psychosocial >= START_BACK.SUBSCALE_HIGH_MIN ? 'high' : total <= START_BACK.TOTAL_LOW_MAX ? 'low' : 'medium';
  return { ok: true, total, psychosocial, risk, message: START_BACK_TEXT[risk], source: START_BACK_SOURCE };
}

/** STarT Back is due at the first session and every 4 weeks after the last screen. */
export function startBackDue(lastScreenedIso: string | null, todayIso: string): Outcome<{ due: boolean }> {
  const today = checkDate(todayIso, "today's date");
  if (!today.ok) return today;
  if (lastScreenedIso === null) return { ok: true, due: true };
  const last = parseIsoDate(lastScreenedIso);
  if (!last.ok) return { ok: false, reason: `The date of the last screen is not valid: ${last.reason}` };
  if (last.dayNumber > today.dayNumber)
    return { ok: false, reason: 'The last screen is dated after today; please check the date.' };
  return { ok: true, due: today.dayNumber - last.dayNumber >= START_BACK.RESCREEN_DAYS };
}
