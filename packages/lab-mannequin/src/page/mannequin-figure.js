// Browser module: a mannequin-js (GPL-3.0) Female figure, dressed in clothing colours, adapted to
// the lab renderer's figure contract (packages/lab/src/render/page/lab-page.js): named "bones"
// (Object3Ds at the joints), their rest directions, and landmark offsets. The lab loads this only
// when the CC0 figures are missing (or when asked to), so its numbers are plumbing checks.
//
// Frames: the lab's figure frame is x = the person's left, y = up, z = forward. mannequin-js builds
// its body facing +x with z = the person's right; turning the body by -90 degrees about y gives
// the lab's frame, and with every other joint at zero the figure stands with arms and legs
// hanging straight down: that is the rest pose the rest directions below are measured in.

import * as THREE from 'three';
import { Female, getStage } from 'mannequin/mannequin.js';

/** Clothing colours: skin-tone head and hands, a shirt, trousers, shoes (detectors find "people" far better than bare mannequins). */
const COLORS = { skin: '#c8967a', shirt: '#3f6fa8', trousers: '#2e2e38', shoes: '#5a3a22' };
const HEIGHT_M = 1.65;

function stopMannequinStage() {
  // Importing mannequin-js starts its own renderer and animation loop; the lab has its own.
  const stage = getStage();
  stage.renderer.setAnimationLoop(null);
  stage.renderer.domElement.remove();
  stage.renderer.dispose();
  stage.renderer.forceContextLoss();
}

function dress(man) {
  const flat = (joint) => {
    joint.traverse((o) => {
      const mats = Array.isArray(o.material) ? o.material : o.material ? [o.material] : [];
      for (const m of mats) {
        // The limb texture is a grid pattern; clothing is flat. The head keeps its face texture.
        if (m.map && joint !== man.head) {
          m.map = null;
          m.needsUpdate = true;
        }
      }
    });
  };
  const paint = (joint, color) => {
    joint.recolor(color, color);
    flat(joint);
  };
  man.head.recolor(COLORS.skin);
  man.neck.recolor(COLORS.skin, COLORS.skin);
  paint(man.torso, COLORS.shirt);
  man.pelvis.recolor(COLORS.trousers);
  flat(man.pelvis);
  for (const s of ['l', 'r']) {
    paint(man[`${s}_arm`], COLORS.shirt);
    paint(man[`${s}_elbow`], COLORS.shirt);
    paint(man[`${s}_wrist`], COLORS.skin);
    man[`${s}_fingers`].recolor(COLORS.skin, COLORS.skin);
    man[`${s}_nails`].recolor(COLORS.skin);
    paint(man[`${s}_leg`], COLORS.trousers);
    paint(man[`${s}_knee`], COLORS.trousers);
    man[`${s}_ankle`].recolor(COLORS.shoes);
    flat(man[`${s}_ankle`]);
  }
}

/** Every joint to zero rotation, the body turned to face +z: the rest pose. */
function restPose(man) {
  man.traverse((o) => {
    if (o.name === 'Body' || o.parentJoint !== undefined) o.rotation.set(0, 0, 0);
  });
  man.body.turn = -90;
  man.updateMatrixWorld(true);
}

const worldPos = (o) => o.getWorldPosition(new THREE.Vector3());
const arr = (v) => [v.x, v.y, v.z];

/**
 * Builds the figure. Returns { figure, bones, rest, landmarks } where rest[name] = { d0, r0 }
 * (rest direction of the bone and its reference side, figure frame) and landmarks[name] =
 * { bone, local } (an offset in that bone's local frame).
 */
export function buildMannequinFigure() {
  stopMannequinStage();
  const man = new Female(HEIGHT_M);
  man.removeFromParent();
  man.position.set(0, 0, 0);
  dress(man);
  restPose(man);
  const bones = {
    Hips: man.pelvis,
    Torso: man.torso,
    Neck: man.neck,
    Head: man.head,
    UpperArmL: man.l_arm,
    LowerArmL: man.l_elbow,
    HandL: man.l_wrist,
    UpperArmR: man.r_arm,
    LowerArmR: man.r_elbow,
    HandR: man.r_wrist,
    UpperLegL: man.l_leg,
    LowerLegL: man.l_knee,
    FootL: man.l_ankle,
    UpperLegR: man.r_leg,
    LowerLegR: man.r_knee,
    FootR: man.r_ankle,
    IndexL: man.l_finger_1,
    PinkyL: man.l_finger_4,
    ThumbL: man.l_finger_0.tip,
    IndexR: man.r_finger_1,
    PinkyR: man.r_finger_4,
    ThumbR: man.r_finger_0.tip,
  };
  const dir = (a, b) => worldPos(b).sub(worldPos(a)).normalize();
  const fwd = [0, 0, 1];
  const rest = {
    Hips: { d0: arr(dir(man.pelvis, man.torso)), r0: fwd },
    Torso: { d0: arr(dir(man.torso, man.neck)), r0: fwd },
    Neck: { d0: arr(dir(man.neck, man.head)), r0: fwd },
    Head: { d0: [0, 1, 0], r0: fwd },
  };
  for (const [s, lateral] of [
    ['l', 1],
    ['r', -1],
  ]) {
    const S = s.toUpperCase();
    const hand = dir(man[`${s}_wrist`], man[`${s}_finger_2`]);
    const across = worldPos(man[`${s}_finger_1`]).sub(worldPos(man[`${s}_finger_4`]));
    // Palm side: with the hand's axis and the index-to-pinky direction, mirrored for the right hand.
    const palm = new THREE.Vector3().crossVectors(hand, across).multiplyScalar(lateral).normalize();
    rest[`UpperArm${S}`] = { d0: arr(dir(man[`${s}_arm`], man[`${s}_elbow`])), r0: fwd };
    rest[`LowerArm${S}`] = { d0: arr(dir(man[`${s}_elbow`], man[`${s}_wrist`])), r0: arr(palm) };
    rest[`Hand${S}`] = { d0: arr(hand), r0: arr(palm) };
    rest[`UpperLeg${S}`] = { d0: arr(dir(man[`${s}_leg`], man[`${s}_knee`])), r0: fwd };
    rest[`LowerLeg${S}`] = { d0: arr(dir(man[`${s}_knee`], man[`${s}_ankle`])), r0: fwd };
    rest[`Foot${S}`] = { d0: fwd, r0: [0, 1, 0] };
  }
  // Landmark offsets in the joints' own (mannequin-unit) frames: x = forward, y = up, z = right.
  const landmarks = { nose: { bone: 'Head', local: [4.6, 0, 0] } };
  for (const [side, z] of [
    ['left', -1],
    ['right', 1],
  ]) {
    const S = side === 'left' ? 'L' : 'R';
    landmarks[`${side}_eye`] = { bone: 'Head', local: [3.9, 1.2, 1.3 * z] };
    landmarks[`${side}_eye_inner`] = { bone: 'Head', local: [4.1, 1.2, 0.8 * z] };
    landmarks[`${side}_eye_outer`] = { bone: 'Head', local: [3.6, 1.2, 1.9 * z] };
    landmarks[`${side}_ear`] = { bone: 'Head', local: [0, 0.6, 3.8 * z] };
    landmarks[`mouth_${side}`] = { bone: 'Head', local: [4.0, -1.9, 0.9 * z] };
    landmarks[`${side}_ankle`] = { bone: `Foot${S}`, local: [0, 0, 0] };
    landmarks[`${side}_heel`] = { bone: `Foot${S}`, local: [-1.5, -0.8, 0] };
    landmarks[`${side}_foot_index`] = { bone: `Foot${S}`, local: [5.5, -0.8, 0] };
    landmarks[`${side}_index`] = { bone: `Index${S}`, local: [0, 0, 0] };
    landmarks[`${side}_pinky`] = { bone: `Pinky${S}`, local: [0, 0, 0] };
    landmarks[`${side}_thumb`] = { bone: `Thumb${S}`, local: [0, 0, 0] };
  }
  const figure = new THREE.Group();
  figure.name = 'mannequin';
  figure.add(man);
  return { figure, bones, rest, landmarks };
}
