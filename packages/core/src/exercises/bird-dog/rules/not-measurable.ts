// The one table of why a bird-dog rule cannot be measured: for the whole test (which source could
// see it) and the default on every rep, before a rule group measures it.

import { viewLabel, type CameraViewKind } from '../../../camera/view.ts';
import type { BirdDogResult, Metric, RuleId, Source } from '../result.ts';
import { nm } from './rule-check.ts';

const NO_PHONE = 'needs the phone lying flat on your lower back';
const SIDE_VIEW_ONLY = 'needs the camera at your side, at hip height; this recording was filmed';

export const RULE_UNITS: Readonly<Record<RuleId, string>> = {
  R1: 'deg',
  R2: 'share of hip width',
  R3: 'ms',
  R4: 'deg',
  R4s: 'deg',
  R5: 'share of trunk length',
  R6: 'NRS 0-10',
};

/** Why each rule has no value without its source; `camera` says whether any camera watched, from `view`. */
function reasons(camera: boolean, view: CameraViewKind | 'none'): Record<Exclude<RuleId, 'R6'>, string> {
  return {
    R1: `Pelvic roll ${NO_PHONE}; a camera cannot see it reliably from any view (our accuracy tests).`,
    R2: 'Sideways shift has no validated method yet: the camera cannot see it reliably and the phone measures tilt, not shift.',
    R3: `Early pelvic motion ${NO_PHONE}.`,
    R4: camera ? `Leg height: ${SIDE_VIEW_ONLY} ${viewLabel(view)}.` : 'Leg height needs a camera at your side.',
    R4s: `Pelvic tilt when the leg goes up ${NO_PHONE}.`,
    R5: camera ? `Trunk sag: ${SIDE_VIEW_ONLY} ${viewLabel(view)}.` : 'Trunk sag needs a camera at your side.',
  };
}

/** Which source measures each rule in this test, or why none can. */
export function measurableTable(
  camera: boolean,
  sensor: boolean,
  sideView: boolean,
  view: CameraViewKind | 'none',
): BirdDogResult['measurable'] {
  const why = reasons(camera, view);
  const by = (ok: boolean, source: Source, id: Exclude<RuleId, 'R6'>) =>
    ok ? { source } : { source: null, reason: why[id] };
  return {
    R1: by(sensor, 'sensor', 'R1'),
    R2: { source: null, reason: why.R2 },
    R3: by(sensor, 'sensor', 'R3'),
    R4: by(camera && sideView, 'camera', 'R4'),
    R4s: by(sensor, 'sensor', 'R4s'),
    R5: by(camera && sideView, 'camera', 'R5'),
    R6: { source: null, reason: 'Pain is what you tell us after each side.' },
  };
}

/** A rep's metrics before any rule group has measured it: every rule not measurable, with its reason. */
export function unmeasuredRep(camera: boolean, view: CameraViewKind | 'none'): Record<RuleId, Metric> {
  const why = reasons(camera, view);
  const rule = (id: Exclude<RuleId, 'R6'>) => nm(why[id], null, RULE_UNITS[id]);
  return {
    R1: rule('R1'),
    R2: rule('R2'),
    R3: rule('R3'),
    R4: rule('R4'),
    R4s: rule('R4s'),
    R5: rule('R5'),
    R6: nm('No pain rating was given after this side.', null, RULE_UNITS.R6),
  };
}
