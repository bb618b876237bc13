// Renders one pose or one clip for people to look at:
//   npx tsx packages/lab/src/render/cli.ts --pose quadruped --view side-left --out /tmp/x.png
//   npx tsx packages/lab/src/render/cli.ts --clip bird-dog --view side-left --fps 15 --out /tmp/bd.mp4
// Pose parameters: --set key=value (repeatable), e.g. --pose bird-dog --set liftedLeg=right --set legElevationDeg=15

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { birdDogPhoneLog } from './phone-log.ts';
import { birdDogClip, halfKneelClip, writeClip } from './clips.ts';
import { createFigureRenderer, defaultFigure, FIGURES, type FigureChoice } from './figure-renderer.ts';
import { POSE_KINDS, type PoseSpec } from './pose-spec.ts';
import { isViewName, lookVariant, VIEW_NAMES } from './views.ts';

const USAGE = `usage: cli.ts (--pose ${POSE_KINDS.filter((k) => k !== 'blend').join('|')} | --clip bird-dog|half-kneel)
  --view ${VIEW_NAMES.join('|')}  --out FILE(.png|.mp4|.y4m)
  [--set key=value ...] [--fps 15] [--reps 2] [--speed 1] [--figure ${FIGURES.join('|')}|mannequin]
  [--size 640x480] [--look SEED] [--truth FILE.json] [--overlay] [--phone-log FILE.csv --phone-roll DEG]`;

function fail(msg: string): never {
  process.stderr.write(`${msg}\n${USAGE}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    pose: { type: 'string' },
    clip: { type: 'string' },
    view: { type: 'string', default: 'side-left' },
    out: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    fps: { type: 'string', default: '15' },
    reps: { type: 'string' },
    speed: { type: 'string' },
    figure: { type: 'string' },
    size: { type: 'string', default: '640x480' },
    look: { type: 'string', default: '0' },
    truth: { type: 'string' },
    help: { type: 'boolean' },
    overlay: { type: 'boolean', default: false },
    'phone-log': { type: 'string' },
    'phone-roll': { type: 'string', default: '12' },
  },
});
if (values.help) fail('');
const view = values.view ?? '';
if (!isViewName(view)) fail(`unknown view "${view}"`);
if (!values.out) fail('--out is required');
const figure = (values.figure ?? defaultFigure()) as FigureChoice;
if (figure !== 'mannequin' && !(FIGURES as readonly string[]).includes(figure)) fail(`unknown figure "${figure}"`);
if (figure === 'mannequin')
  process.stderr.write('figures: mannequin-js fallback; pictures for plumbing checks, not claims about people\n');
const size = /^(\d+)x(\d+)$/.exec(values.size ?? '');
if (!size) fail('--size must look like 640x480');
const params: Record<string, string | number> = {};
for (const kv of values.set ?? []) {
  const i = kv.indexOf('=');
  if (i < 1) fail(`--set ${kv}: use key=value`);
  const v = kv.slice(i + 1);
  params[kv.slice(0, i)] = v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}
const look = lookVariant(Number(values.look));
const t0 = Date.now();
const renderer = await createFigureRenderer({ figure, widthPx: Number(size[1]), heightPx: Number(size[2]) });
try {
  if (values.pose) {
    if (!(POSE_KINDS as readonly string[]).includes(values.pose) || values.pose === 'blend')
      fail(`unknown pose "${values.pose}"`);
    const pose = { kind: values.pose, ...params } as PoseSpec;
    const { png, truth } = await renderer.render(pose, view, { look, overlay: values.overlay });
    writeFileSync(values.out, png);
    if (values.truth) writeFileSync(values.truth, JSON.stringify(truth, null, 1));
    const a = Object.entries(truth.angles)
      .map(([k, v]) => `${k}=${v.toFixed(1)}`)
      .join(' ');
    process.stdout.write(`${values.out} (${Date.now() - t0} ms incl. browser start)\n${a}\n`);
  } else if (values.clip === 'bird-dog' || values.clip === 'half-kneel') {
    const fps = Number(values.fps);
    const common = {
      view,
      fps,
      renderer,
      look,
      reps: values.reps ? Number(values.reps) : undefined,
      speed: values.speed ? Number(values.speed) : undefined,
      ...params,
    };
    const clip = values.clip === 'bird-dog' ? await birdDogClip(common) : await halfKneelClip(common);
    await writeClip(clip.frames, values.out, fps);
    if (values.truth) {
      writeFileSync(
        values.truth,
        JSON.stringify(
          { fps, view, segments: clip.plan.segments, frames: clip.frames.map(({ png: _png, ...f }) => f) },
          null,
          1,
        ),
      );
    }
    if (values['phone-log'] && values.clip === 'bird-dog') {
      writeFileSync(
        values['phone-log'],
        birdDogPhoneLog(clip.plan.segments, clip.plan.durationMs, Number(values['phone-roll'])),
      );
      process.stdout.write(
        `${values['phone-log']}: a matching phone log, pelvis rolling ${values['phone-roll']} deg toward the lifted leg\n`,
      );
    }
    process.stdout.write(`${values.out}: ${clip.frames.length} frames at ${fps} fps (${Date.now() - t0} ms)\n`);
  } else {
    fail('give --pose or --clip bird-dog|half-kneel');
  }
} finally {
  await renderer.close();
}
