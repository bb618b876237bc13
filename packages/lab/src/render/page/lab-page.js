// In-browser half of the figure renderer: loads one rigged glTF figure, applies bone targets
// computed on the Node side (world-space frames per bone), places the figure on the floor, frames
// a camera for a named view, renders, and reads back the true joint centres.
//
// Frames: three.js native frame of the figure: x = the person's left, y = up, z = the person's
// forward (the way the standing figure faces; toward the head on all fours). Node converts.
//
// Two kinds of figure: a rigged glTF (the CC0 figures; bones found by name, landmarks found on the
// skinned mesh) or, when those are missing, the dev-only mannequin-js fallback, whose module
// (served from @steadyback/lab-mannequin) hands over the same things ready-made: joints named
// like the glTF bones, their rest directions, and landmark offsets.

import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

const FINGER_PREFIXES = ['Index', 'Middle', 'Pinky', 'Thumb'];
/** Anatomical ankle centre above the rig's Foot bone origin (which sits at the sole), metres. */
const ANKLE_ABOVE_FOOT_ORIGIN_M = 0.05;

let renderer, scene, camera, figure, room, lights;
/** 'gltf' or 'mannequin': the mannequin's meshes are not skinned, so bounds read them as plain meshes. */
let figureKind = 'gltf';
const maskMaterial = new THREE.MeshBasicMaterial({ color: 0xffffff });
const bones = {};
const rest = {}; // bone name -> { d0, r0, worldQuat }
let legOffsets = {}; // UpperLegL/R -> hip joint offset in Hips' local frame
let landmarkOffsets = {}; // name -> { bone, local: Vector3 }

const v3 = (a) => new THREE.Vector3(a[0], a[1], a[2]);
const worldPos = (o) => o.getWorldPosition(new THREE.Vector3());
const worldQuat = (o) => o.getWorldQuaternion(new THREE.Quaternion());

/** Orthonormal basis (axis, ref orthogonalised, axis x ref) as a quaternion. */
function frameQuat(axis, ref) {
  const a = axis.clone().normalize();
  const r = ref
    .clone()
    .sub(a.clone().multiplyScalar(ref.dot(a)))
    .normalize();
  const c = new THREE.Vector3().crossVectors(a, r);
  return new THREE.Quaternion().setFromRotationMatrix(new THREE.Matrix4().makeBasis(a, r, c));
}

function childByPrefix(bone, prefix) {
  return bone.children.find((c) => c.isBone && c.name.startsWith(prefix));
}

function fingerChain(hand, prefix) {
  const chain = [];
  let b = childByPrefix(hand, prefix);
  while (b) {
    chain.push(b);
    b = b.children.find((c) => c.isBone);
  }
  return chain;
}

/** Rest-pose direction and reference vectors: see pose-spec.ts for the meaning of `ref` per bone. */
function restFrames() {
  const dirTo = (a, b) => worldPos(b).sub(worldPos(a)).normalize();
  const spec = {
    Hips: ['Abdomen', [0, 0, 1]],
    Abdomen: ['Torso', [0, 0, 1]],
    Torso: ['Chest', [0, 0, 1]],
    Chest: ['Neck', [0, 0, 1]],
    Neck: ['Head', [0, 0, 1]],
    Head: [null, [0, 0, 1]],
  };
  for (const s of ['L', 'R']) {
    spec[`UpperArm${s}`] = [`LowerArm${s}`, [0, 0, 1]];
    spec[`LowerArm${s}`] = [`Hand${s}`, [0, -1, 0]];
    spec[`Hand${s}`] = ['Middle', [0, -1, 0]];
    spec[`UpperLeg${s}`] = [`LowerLeg${s}`, [0, 0, 1]];
    spec[`LowerLeg${s}`] = [`Foot${s}`, [0, 0, 1]];
    spec[`Foot${s}`] = [null, [0, 1, 0]];
  }
  for (const [name, [child, ref]] of Object.entries(spec)) {
    const b = bones[name];
    if (!b) throw new Error(`figure has no bone ${name}`);
    let d0;
    if (name === 'Head') d0 = new THREE.Vector3(0, 1, 0);
    else if (name.startsWith('Foot'))
      d0 = new THREE.Vector3(0, 1, 0).applyQuaternion(worldQuat(b)); // Blender bones point along local +y
    else if (child === 'Middle') d0 = dirTo(b, childByPrefix(b, 'Middle'));
    else d0 = dirTo(b, bones[child]);
    rest[name] = { d0, r0: v3(ref), worldQuat: worldQuat(b), frame: frameQuat(d0, v3(ref)) };
  }
}

/** Landmarks that are not bone origins, stored as offsets in a bone's local frame (rest pose). */
function restLandmarks() {
  const toLocal = (bone, p) => bone.worldToLocal(p.clone());
  const off = {};
  const meshVerts = (filter) => {
    const out = [];
    figure.traverse((o) => {
      if (!o.isSkinnedMesh || !filter(o)) return;
      const p = new THREE.Vector3();
      const n = o.geometry.attributes.position.count;
      for (let i = 0; i < n; i += 1) {
        o.getVertexPosition(i, p);
        out.push(p.clone().applyMatrix4(o.matrixWorld));
      }
    });
    return out;
  };
  const head = bones.Head;
  const hp = worldPos(head);
  const headVerts = meshVerts((o) => /head/i.test(o.name) && /skin/i.test(o.material?.name ?? ''));
  const faceBand = headVerts.filter((p) => Math.abs(p.x) < 0.012 && p.y > hp.y + 0.03 && p.y < hp.y + 0.14);
  const nose = faceBand.reduce(
    (a, b) => (b.z > a.z ? b : a),
    faceBand[0] ?? hp.clone().add(new THREE.Vector3(0, 0.08, 0.1)),
  );
  const eyeY = nose.y + 0.035;
  const earBand = headVerts.filter((p) => Math.abs(p.y - (eyeY - 0.01)) < 0.025);
  for (const [side, sg] of [
    ['left', 1],
    ['right', -1],
  ]) {
    const ear = earBand.reduce(
      (a, b) => (b.x * sg > a.x * sg ? b : a),
      earBand[0] ?? hp.clone().add(new THREE.Vector3(sg * 0.07, 0.09, 0)),
    );
    off[`${side}_ear`] = { bone: 'Head', local: toLocal(head, new THREE.Vector3(ear.x, eyeY - 0.01, hp.z + 0.01)) };
    const eye = new THREE.Vector3(sg * 0.032, eyeY, nose.z - 0.03);
    off[`${side}_eye`] = { bone: 'Head', local: toLocal(head, eye) };
    off[`${side}_eye_inner`] = {
      bone: 'Head',
      local: toLocal(head, eye.clone().add(new THREE.Vector3(-sg * 0.012, 0, 0.004))),
    };
    off[`${side}_eye_outer`] = {
      bone: 'Head',
      local: toLocal(head, eye.clone().add(new THREE.Vector3(sg * 0.014, 0, -0.006))),
    };
    off[`mouth_${side}`] = {
      bone: 'Head',
      local: toLocal(head, new THREE.Vector3(sg * 0.022, nose.y - 0.04, nose.z - 0.02)),
    };
    const s = side === 'left' ? 'L' : 'R';
    const foot = bones[`Foot${s}`];
    const fp = worldPos(foot);
    const footVerts = meshVerts((o) => /feet|foot|shoe/i.test(o.name)).filter((p) => p.x * sg > 0 && p.y < fp.y + 0.06);
    const heel = footVerts.reduce(
      (a, b) => (b.z < a.z ? b : a),
      footVerts[0] ?? fp.clone().add(new THREE.Vector3(0, 0, -0.06)),
    );
    const toe = footVerts.reduce(
      (a, b) => (b.z > a.z ? b : a),
      footVerts[0] ?? fp.clone().add(new THREE.Vector3(0, 0, 0.2)),
    );
    off[`${side}_heel`] = {
      bone: `Foot${s}`,
      local: toLocal(foot, new THREE.Vector3(fp.x, fp.y + 0.01, heel.z + 0.01)),
    };
    off[`${side}_foot_index`] = {
      bone: `Foot${s}`,
      local: toLocal(foot, new THREE.Vector3(fp.x, fp.y + 0.01, toe.z - 0.01)),
    };
    const lower = bones[`LowerLeg${s}`];
    // On the shin axis, so hip-knee-ankle angles equal the bone angles.
    const shinUp = worldPos(lower).sub(fp).normalize();
    off[`${side}_ankle`] = {
      bone: `LowerLeg${s}`,
      local: toLocal(lower, fp.clone().addScaledVector(shinUp, ANKLE_ABOVE_FOOT_ORIGIN_M)),
    };
    const hand = bones[`Hand${s}`];
    for (const [lm, prefix, pick] of [
      [`${side}_index`, 'Index', 1],
      [`${side}_pinky`, 'Pinky', 1],
      [`${side}_thumb`, 'Thumb', -1],
    ]) {
      const chain = fingerChain(hand, prefix);
      const b = pick < 0 ? chain[chain.length - 1] : chain[Math.min(pick, chain.length - 1)];
      if (b) off[lm] = { bone: b.name, local: toLocal(b, worldPos(b)) };
    }
  }
  off.nose = { bone: 'Head', local: toLocal(head, nose) };
  landmarkOffsets = off;
}

const BONE_LANDMARKS = {
  left_shoulder: 'UpperArmL',
  right_shoulder: 'UpperArmR',
  left_elbow: 'LowerArmL',
  right_elbow: 'LowerArmR',
  left_wrist: 'HandL',
  right_wrist: 'HandR',
  left_hip: 'UpperLegL',
  right_hip: 'UpperLegR',
  left_knee: 'LowerLegL',
  right_knee: 'LowerLegR',
};

function buildRoom() {
  room = new THREE.Group();
  const floorMat = new THREE.MeshStandardMaterial({ color: 0xb9ab96, roughness: 0.95 });
  const wallMat = new THREE.MeshStandardMaterial({ color: 0xe4e0d8, roughness: 1, side: THREE.BackSide });
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(14, 14), floorMat);
  floor.rotation.x = -Math.PI / 2;
  floor.receiveShadow = true;
  floor.name = 'floor';
  const walls = new THREE.Mesh(new THREE.BoxGeometry(14, 6, 14), wallMat);
  walls.position.y = 3 - 0.001;
  walls.name = 'walls';
  room.add(floor, walls);
  scene.add(room);
  const hemi = new THREE.HemisphereLight(0xffffff, 0x8a7f70, 1.6);
  const key = new THREE.DirectionalLight(0xffffff, 1.6);
  key.castShadow = true;
  key.shadow.mapSize.set(1024, 1024);
  Object.assign(key.shadow.camera, { left: -2, right: 2, top: 2, bottom: -2, near: 0.5, far: 12 });
  key.shadow.camera.updateProjectionMatrix();
  key.shadow.bias = -0.0005;
  key.shadow.radius = 4;
  scene.add(hemi, key, key.target);
  lights = { hemi, key, floorMat, wallMat };
}

/** Rest frames given directly (the mannequin module measures its own). */
function restFromVectors(spec) {
  for (const [name, { d0, r0 }] of Object.entries(spec)) {
    const b = bones[name];
    rest[name] = { d0: v3(d0), r0: v3(r0), worldQuat: worldQuat(b), frame: frameQuat(v3(d0), v3(r0)) };
  }
}

async function loadFigure(figureUrl) {
  if (figureUrl === 'mannequin') {
    const { buildMannequinFigure } = await import('/lab-mannequin/mannequin-figure.js');
    const m = buildMannequinFigure();
    figureKind = 'mannequin';
    figure = m.figure;
    Object.assign(bones, m.bones);
    scene.add(figure);
    figure.traverse((o) => {
      if (o.isMesh) {
        o.castShadow = true;
        o.frustumCulled = false;
      }
    });
    figure.updateMatrixWorld(true);
    for (const b of Object.values(bones)) b.userData.restQuat = b.quaternion.clone();
    for (const b of Object.values(bones)) b.userData.restPos = b.position.clone();
    restFromVectors(m.rest);
    landmarkOffsets = Object.fromEntries(
      Object.entries(m.landmarks).map(([k, { bone, local }]) => [k, { bone, local: v3(local) }]),
    );
    return;
  }
  const gltf = await new GLTFLoader().loadAsync(figureUrl);
  figure = gltf.scene;
  figure.traverse((o) => {
    if (o.isBone) bones[o.name] = o;
    if (o.isMesh) {
      o.castShadow = true;
      o.frustumCulled = false;
    }
  });
  scene.add(figure);
  figure.updateMatrixWorld(true);
  for (const b of Object.values(bones)) b.userData.restQuat = b.quaternion.clone();
  for (const b of Object.values(bones)) b.userData.restPos = b.position.clone();
  restFrames();
  restLandmarks();
}

export async function init({ figureUrl, width, height }) {
  const canvas = document.createElement('canvas');
  document.body.style.margin = '0';
  document.body.appendChild(canvas);
  renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);
  renderer.shadowMap.enabled = true;
  renderer.shadowMap.type = THREE.PCFShadowMap;
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  scene = new THREE.Scene();
  camera = new THREE.PerspectiveCamera(50, width / height, 0.05, 40);
  buildRoom();
  await loadFigure(figureUrl);
  const hips = bones.Hips;
  const hipsInv = hips.matrixWorld.clone().invert();
  for (const s of ['L', 'R']) legOffsets[`UpperLeg${s}`] = worldPos(bones[`UpperLeg${s}`]).applyMatrix4(hipsInv);
  const len = (a, b) => worldPos(bones[a]).distanceTo(worldPos(bones[b]));
  return {
    thighM: len('UpperLegL', 'LowerLegL'),
    shinM: len('LowerLegL', 'FootL'),
    upperArmM: len('UpperArmL', 'LowerArmL'),
    forearmM: len('LowerArmL', 'HandL'),
  };
}

/**
 * Applies world-space bone frames: targets[name] = { axis:[x,y,z], ref:[x,y,z] } (figure frame),
 * with the figure standing at place = [x, z] on the floor (metres; default the origin).
 */
function applyPose(targets, place = [0, 0]) {
  figure.position.set(place[0], 0, place[1]);
  for (const b of Object.values(bones)) {
    b.quaternion.copy(b.userData.restQuat);
    b.position.copy(b.userData.restPos);
  }
  figure.updateMatrixWorld(true);
  const order = [
    'Hips',
    'UpperLegL',
    'UpperLegR',
    'Abdomen',
    'Torso',
    'Chest',
    'Neck',
    'Head',
    'UpperArmL',
    'UpperArmR',
    'LowerArmL',
    'LowerArmR',
    'HandL',
    'HandR',
    'LowerLegL',
    'LowerLegR',
    'FootL',
    'FootR',
  ];
  for (const name of order) {
    const b = bones[name];
    if (!b) continue; // the mannequin has one trunk segment: no Abdomen or Chest
    const t = targets[name];
    if (name.startsWith('UpperLeg')) {
      // The hip joints ride on the pelvis even in rigs whose legs hang off the Root bone.
      const p = legOffsets[name].clone().applyMatrix4(bones.Hips.matrixWorld);
      b.position.copy(b.parent.worldToLocal(p));
      b.updateMatrixWorld(true);
    }
    if (!t) continue;
    const target = frameQuat(v3(t.axis), v3(t.ref));
    const r = rest[name];
    // World rotation that carries the rest frame onto the target frame, applied to the rest orientation.
    const delta = target.clone().multiply(r.frame.clone().invert());
    const wq = delta.multiply(r.worldQuat);
    const parentWq = worldQuat(b.parent);
    b.quaternion.copy(parentWq.invert().multiply(wq));
    b.updateMatrixWorld(true);
  }
  figure.updateMatrixWorld(true);
  // Stand the figure on the floor: its lowest skinned vertex touches y = 0.
  const box = skinnedBox();
  figure.position.y = -box.min.y;
  figure.updateMatrixWorld(true);
  return skinnedBox();
}

function skinnedBox() {
  const box = new THREE.Box3();
  figure.traverse((o) => {
    if (o.isSkinnedMesh) {
      o.computeBoundingBox();
      box.union(o.boundingBox.clone().applyMatrix4(o.matrixWorld));
    } else if (figureKind === 'mannequin' && o.isMesh && o.visible) {
      if (!o.geometry.boundingBox) o.geometry.computeBoundingBox();
      box.union(o.geometry.boundingBox.clone().applyMatrix4(o.matrixWorld));
    }
  });
  return box;
}

function joints3d() {
  const out = {};
  for (const [lm, bone] of Object.entries(BONE_LANDMARKS)) out[lm] = worldPos(bones[bone]).toArray();
  for (const [lm, { bone, local }] of Object.entries(landmarkOffsets))
    out[lm] = bones[bone].localToWorld(local.clone()).toArray();
  return out;
}

/**
 * Camera placement for a view, relative to the figure frame. The lens looks horizontally for the
 * hip-height views; the distance is the nearest at which every point fits with a margin.
 */
function placeCamera(view, points) {
  const center = new THREE.Box3().setFromPoints(points).getCenter(new THREE.Vector3());
  const hipY = (worldPos(bones.UpperLegL).y + worldPos(bones.UpperLegR).y) / 2;
  const dir = v3(view.dir).normalize(); // from the target towards the camera, horizontal part
  const lensY = view.heightM ?? hipY;
  const target = view.lookAtCenter ? center.clone() : new THREE.Vector3(center.x, lensY, center.z);
  camera.fov = view.fovYDeg;
  camera.updateProjectionMatrix();
  const place = (d) => {
    const flat = new THREE.Vector3(dir.x, 0, dir.z).normalize();
    camera.position.set(target.x + flat.x * d, lensY, target.z + flat.z * d);
    if (view.lookAtCenter) camera.lookAt(target);
    else camera.lookAt(target.x, lensY, target.z);
    camera.updateMatrixWorld(true);
    let m = 0;
    const q = new THREE.Vector3();
    for (const c of points) {
      const p = q.copy(c).project(camera);
      if (p.z > 1 || p.z < -1) return Infinity;
      m = Math.max(m, Math.abs(p.x), Math.abs(p.y));
    }
    return m;
  };
  let lo = 0.5,
    hi = 12;
  for (let i = 0; i < 40; i += 1) {
    const mid = (lo + hi) / 2;
    if (place(mid) > view.fill) lo = mid;
    else hi = mid;
  }
  place(hi);
  return { position: camera.position.toArray(), target: target.toArray(), fovYDeg: camera.fov };
}

function applyLook(look) {
  lights.floorMat.color.set(look.floorColor);
  lights.wallMat.color.set(look.wallColor);
  lights.hemi.intensity = look.ambient;
  lights.key.intensity = look.keyIntensity;
  const az = (look.keyAzimuthDeg * Math.PI) / 180;
  const el = (look.keyElevationDeg * Math.PI) / 180;
  lights.key.position.set(Math.sin(az) * Math.cos(el) * 5, Math.sin(el) * 5, Math.cos(az) * Math.cos(el) * 5);
  lights.key.target.position.set(0, 0, 0);
}

/** About 400 skinned vertices of the posed figure (figure frame): what the camera must fit. */
function silhouettePoints() {
  const pts = [];
  const p = new THREE.Vector3();
  figure.traverse((o) => {
    if (!o.isSkinnedMesh && !(figureKind === 'mannequin' && o.isMesh && o.visible)) return;
    const n = o.geometry.attributes.position.count;
    const step = Math.max(1, Math.floor(n / 80));
    for (let i = 0; i < n; i += step) {
      o.getVertexPosition(i, p);
      pts.push(p.clone().applyMatrix4(o.matrixWorld).toArray());
    }
  });
  return pts;
}

/** Poses the figure and returns points to frame (for one fixed camera over a clip). */
export function measure({ targets, place }) {
  applyPose(targets, place);
  return silhouettePoints();
}

/** Poses the figure and returns the joint centres only (figure frame). */
export function joints(targets) {
  applyPose(targets);
  return joints3d();
}

/** Renders one frame: { targets, place?, view, look, framePoints?, fixedCamera?, layer?, overlay? } -> png (base64) + joints + camera. */
export async function render({ targets, place, view, look, framePoints, overlay, layer = 'color', fixedCamera }) {
  const box = applyPose(targets, place);
  applyLook(look);
  let cam;
  if (fixedCamera) {
    // A clip keeps the camera of its first frame.
    camera.fov = fixedCamera.fovYDeg;
    camera.updateProjectionMatrix();
    camera.position.fromArray(fixedCamera.position);
    camera.lookAt(v3(fixedCamera.target));
    camera.updateMatrixWorld(true);
    cam = fixedCamera;
  } else {
    cam = placeCamera(
      view,
      (framePoints ?? silhouettePoints()).map((q) => v3(q)),
    );
  }
  // Layers: 'color' (the picture), 'mask' (the figure's silhouette, white on black: segmentation
  // truth), 'background' (the same room without the figure).
  const savedBg = scene.background;
  if (layer === 'mask') {
    room.visible = false;
    scene.background = new THREE.Color(0x000000);
    scene.overrideMaterial = maskMaterial;
  } else if (layer === 'background') {
    figure.visible = false;
  }
  renderer.render(scene, camera);
  room.visible = true;
  figure.visible = true;
  scene.overrideMaterial = null;
  scene.background = savedBg;
  const w = renderer.domElement.width,
    h = renderer.domElement.height;
  const j3 = joints3d();
  const j2 = {};
  const camSpace = {};
  for (const [k, p] of Object.entries(j3)) {
    const v = v3(p);
    const c = v.clone().applyMatrix4(camera.matrixWorldInverse);
    camSpace[k] = -c.z;
    const n = v.clone().project(camera);
    j2[k] = -c.z > 0 ? [((n.x + 1) / 2) * w, ((1 - n.y) / 2) * h] : null;
  }
  let out = renderer.domElement;
  if (overlay) {
    // For people checking the truth: joint dots (left = blue, right = red) drawn on a copy.
    out = document.createElement('canvas');
    out.width = w;
    out.height = h;
    const g = out.getContext('2d');
    g.drawImage(renderer.domElement, 0, 0);
    for (const [k, p] of Object.entries(j2)) {
      if (!p) continue;
      g.fillStyle = k.startsWith('left') ? '#1e6bff' : k.startsWith('right') ? '#ff2b2b' : '#19c219';
      g.beginPath();
      g.arc(p[0], p[1], 3, 0, Math.PI * 2);
      g.fill();
    }
  }
  const blob = await new Promise((res) => out.toBlob(res, 'image/png'));
  const buf = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
  return {
    pngBase64: btoa(bin),
    joints3d: j3,
    joints2d: j2,
    depthM: camSpace,
    camera: cam,
    box: { min: box.min.toArray(), max: box.max.toArray() },
    widthPx: w,
    heightPx: h,
    spineAxes: {
      hips: worldPos(bones.Abdomen ?? bones.Torso)
        .sub(worldPos(bones.Hips))
        .normalize()
        .toArray(),
      chest: worldPos(bones.Neck)
        .sub(worldPos(bones.Chest ?? bones.Torso))
        .normalize()
        .toArray(),
    },
  };
}
