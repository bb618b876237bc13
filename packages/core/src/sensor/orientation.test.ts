import { describe, it, expect } from 'vitest';
import { seededRandom } from '@steadyback/synthetic';
import {
  eulerFromMatrix,
  eulerFromQuaternion,
  gravityUpInDevice,
  matrixFromEuler,
  matrixFromQuaternion,
  mulMat3,
  mulMat3Vec,
  quaternionFromEuler,
  quaternionFromMatrix,
  rotX,
  rotY,
  rotZ,
  transposeMat3,
  type DeviceEuler,
  type Mat3,
} from './orientation.ts';

const rnd = seededRandom(42);
const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();

function expectMatClose(a: Mat3, b: Mat3, digits = 9): void {
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, digits));
}

function randomRotation(): Mat3 {
  return mulMat3(mulMat3(rotZ(between(-180, 180)), rotX(between(-180, 180))), rotY(between(-180, 180)));
}

describe('matrixFromEuler (W3C device -> earth)', () => {
  it('is the identity flat on a table with the top north', () => {
    expectMatClose(matrixFromEuler({ alphaDeg: 0, betaDeg: 0, gammaDeg: 0 }), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
  it('alpha 90 turns the top of a flat phone to the west (counter-clockwise from above)', () => {
    const top = mulMat3Vec(matrixFromEuler({ alphaDeg: 90, betaDeg: 0, gammaDeg: 0 }), { x: 0, y: 1, z: 0 });
    expect([top.x, top.y, top.z].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-1, 0, 0]);
  });
  it('beta > 0 raises the top edge and gamma > 0 lowers the right edge', () => {
    const top = mulMat3Vec(matrixFromEuler({ alphaDeg: 0, betaDeg: 30, gammaDeg: 0 }), { x: 0, y: 1, z: 0 });
    expect(top.z).toBeCloseTo(0.5, 12);
    const right = mulMat3Vec(matrixFromEuler({ alphaDeg: 0, betaDeg: 0, gammaDeg: 30 }), { x: 1, y: 0, z: 0 });
    expect(right.z).toBeCloseTo(-0.5, 12);
  });
  it('gives an orthonormal matrix with determinant +1', () => {
    for (let k = 0; k < 50; k++) {
      const m = matrixFromEuler({ alphaDeg: between(0, 360), betaDeg: between(-180, 180), gammaDeg: between(-90, 90) });
      expectMatClose(mulMat3(m, transposeMat3(m)), [1, 0, 0, 0, 1, 0, 0, 0, 1], 12);
      const det =
        m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
      expect(det).toBeCloseTo(1, 12);
    }
  });
});

describe('eulerFromMatrix', () => {
  it('round-trips angles inside the W3C ranges, screen up and screen down', () => {
    for (let k = 0; k < 2000; k++) {
      const e: DeviceEuler = {
        alphaDeg: between(0, 360),
        betaDeg: between(-179.9, 179.9),
        gammaDeg: between(-89.9, 89.9),
      };
      if (Math.abs(Math.abs(e.betaDeg) - 90) < 0.01) continue;
      const back = eulerFromMatrix(matrixFromEuler(e));
      expect(back.alphaDeg).toBeCloseTo(e.alphaDeg, 7);
      expect(back.betaDeg).toBeCloseTo(e.betaDeg, 7);
      expect(back.gammaDeg).toBeCloseTo(e.gammaDeg, 7);
    }
  });
  it('returns angles inside the W3C ranges that rebuild any rotation', () => {
    for (let k = 0; k < 2000; k++) {
      const m = randomRotation();
      const e = eulerFromMatrix(m);
      expect(e.alphaDeg).toBeGreaterThanOrEqual(0);
      expect(e.alphaDeg).toBeLessThan(360);
      expect(e.betaDeg).toBeGreaterThanOrEqual(-180);
      expect(e.betaDeg).toBeLessThan(180);
      expect(e.gammaDeg).toBeGreaterThanOrEqual(-90);
      expect(e.gammaDeg).toBeLessThan(90);
      expectMatClose(matrixFromEuler(e), m, 9);
    }
  });
  it('handles the gimbal edge (phone on its bottom or top edge) by putting the turn in alpha', () => {
    for (const beta of [90, -90]) {
      const m = matrixFromEuler({ alphaDeg: 40, betaDeg: beta, gammaDeg: 25 });
      const e = eulerFromMatrix(m);
      expect(e.betaDeg).toBe(beta);
      expect(e.gammaDeg).toBe(0);
      expect(e.alphaDeg).toBeCloseTo(beta === 90 ? 65 : 15, 9);
      expectMatClose(matrixFromEuler(e), m);
    }
  });
  it('maps gamma = +90 (outside [-90, 90)) to the equivalent angles with gamma = -90', () => {
    const m = matrixFromEuler({ alphaDeg: 10, betaDeg: 20, gammaDeg: 90 });
    const e = eulerFromMatrix(m);
    expect(e.gammaDeg).toBeCloseTo(-90, 9);
    expect(e.betaDeg).toBeCloseTo(160, 9);
    expect(e.alphaDeg).toBeCloseTo(190, 9);
    expectMatClose(matrixFromEuler(e), m);
  });
});

describe('quaternions', () => {
  it('quaternionFromEuler is the same rotation as matrixFromEuler', () => {
    for (let k = 0; k < 500; k++) {
      const e: DeviceEuler = { alphaDeg: between(0, 360), betaDeg: between(-180, 180), gammaDeg: between(-90, 90) };
      expectMatClose(matrixFromQuaternion(quaternionFromEuler(e)), matrixFromEuler(e), 12);
    }
  });
  it('round-trips matrix -> quaternion -> matrix on every Shepperd branch', () => {
    const specials: Mat3[] = [
      rotX(180),
      rotY(180),
      rotZ(180),
      mulMat3(rotX(179), rotY(3)),
      matrixFromEuler({ alphaDeg: 0, betaDeg: 0, gammaDeg: 0 }),
    ];
    for (const m of [...specials, ...Array.from({ length: 500 }, randomRotation)]) {
      const q = quaternionFromMatrix(m);
      expect(Math.hypot(q.x, q.y, q.z, q.w)).toBeCloseTo(1, 12);
      expect(q.w).toBeGreaterThanOrEqual(0);
      expectMatClose(matrixFromQuaternion(q), m, 9);
    }
  });
  it('quaternion -> euler recovers the angles', () => {
    const e = { alphaDeg: 123, betaDeg: -35, gammaDeg: 12 };
    const back = eulerFromQuaternion(quaternionFromEuler(e));
    expect(back.alphaDeg).toBeCloseTo(123, 9);
    expect(back.betaDeg).toBeCloseTo(-35, 9);
    expect(back.gammaDeg).toBeCloseTo(12, 9);
  });
  it('rejects a zero quaternion with a message', () => {
    expect(() => matrixFromQuaternion({ x: 0, y: 0, z: 0, w: 0 })).toThrow(/non-zero/);
  });
});

describe('gravityUpInDevice', () => {
  it('equals R^T (0,0,1) for any alpha, so heading never changes it', () => {
    for (let k = 0; k < 200; k++) {
      const beta = between(-180, 180);
      const gamma = between(-90, 90);
      const g = gravityUpInDevice(beta, gamma);
      for (const alpha of [0, between(0, 360)]) {
        const up = mulMat3Vec(transposeMat3(matrixFromEuler({ alphaDeg: alpha, betaDeg: beta, gammaDeg: gamma })), {
          x: 0,
          y: 0,
          z: 1,
        });
        expect(g.x).toBeCloseTo(up.x, 12);
        expect(g.y).toBeCloseTo(up.y, 12);
        expect(g.z).toBeCloseTo(up.z, 12);
      }
    }
  });
  it('points out of the screen flat, toward the top when upright, and away from a lowered right edge', () => {
    expect(gravityUpInDevice(0, 0)).toEqual({ x: 0, y: 0, z: 1 });
    const upright = gravityUpInDevice(90, 0);
    expect(upright.y).toBeCloseTo(1, 12);
    expect(gravityUpInDevice(0, 20).x).toBeCloseTo(-Math.sin((20 * Math.PI) / 180), 12);
  });
});
