import { describe, expect, it } from 'vitest';
import type { FrameResult } from '@steadyback/core';
import type { PoseInput, PoseSource } from '@steadyback/pose';
import { startPoseLoop } from './pose-loop.ts';

/** A video element that presents frames when the test says so, as the camera would. */
function cameraVideo() {
  let callback: ((now: number) => void) | null = null;
  const video = {
    readyState: 4,
    videoWidth: 640,
    videoHeight: 480,
    width: 0,
    height: 0,
    requestVideoFrameCallback(cb: (now: number) => void) {
      callback = cb;
      return 1;
    },
    cancelVideoFrameCallback() {
      callback = null;
    },
  };
  return { video, present: (now: number) => callback?.(now) };
}

/** A model whose every check finishes only when the test says so. */
function slowModel() {
  const asked: number[] = [];
  const finish: Array<() => void> = [];
  const source: PoseSource = {
    model: 'blazepose-lite',
    estimate(_frame: PoseInput, tMs: number) {
      asked.push(tMs);
      return new Promise<FrameResult>((resolve) => finish.push(() => resolve({ tMs, landmarks: null } as FrameResult)));
    },
    reset() {},
    dispose() {},
  };
  return {
    source,
    asked,
    finishNext: async () => {
      finish.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const canvas = { width: 0, height: 0, getContext: () => null } as unknown as HTMLCanvasElement;

describe('the live pose loop', () => {
  it('waits for the next frame after a check, dropping the ones that came during it', async () => {
    const { video, present } = cameraVideo();
    const model = slowModel();
    const stop = startPoseLoop(video as unknown as HTMLVideoElement, canvas, model.source, {
      onFrame: () => {},
      onError: () => {},
      onRate: () => {},
    });
    present(100);
    present(133);
    present(166);
    expect(model.asked).toEqual([100]);
    await model.finishNext();
    expect(model.asked).toEqual([100]);
    present(200);
    expect(model.asked).toEqual([100, 200]);
    stop();
  });

  it('with catchUp, takes the newest frame the moment the model is free and drops the ones in between', async () => {
    const { video, present } = cameraVideo();
    const model = slowModel();
    const stop = startPoseLoop(
      video as unknown as HTMLVideoElement,
      canvas,
      model.source,
      { onFrame: () => {}, onError: () => {}, onRate: () => {} },
      { catchUp: true },
    );
    present(100);
    expect(model.asked).toEqual([100]);
    present(133); // the model is busy: these wait, and only the newest is kept
    present(166);
    expect(model.asked).toEqual([100]);
    await model.finishNext();
    expect(model.asked).toEqual([100, 166]); // no wait for another frame
    await model.finishNext();
    expect(model.asked).toEqual([100, 166]); // nothing new came: it waits for the camera
    present(200);
    expect(model.asked).toEqual([100, 166, 200]);
    stop();
  });

  it('stops asking the model once stopped, even for a frame that came while it was busy', async () => {
    const { video, present } = cameraVideo();
    const model = slowModel();
    const frames: FrameResult[] = [];
    const stop = startPoseLoop(
      video as unknown as HTMLVideoElement,
      canvas,
      model.source,
      { onFrame: (f) => frames.push(f), onError: () => {}, onRate: () => {} },
      { catchUp: true },
    );
    present(100);
    present(133);
    stop();
    await model.finishNext();
    present(166);
    expect(model.asked).toEqual([100]);
    expect(frames).toEqual([]);
  });
});
