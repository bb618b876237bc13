// The small greyscale pictures that the picture-change reading (motion.ts) and the stabiliser
// (stabilise.ts) both read, in a file of their own so neither imports the other for it.

/** Small greyscale pictures of a recording, oldest first (row-major luma, one byte per pixel). */
export interface MotionFrames {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly tMs: readonly number[];
  readonly luma: readonly Uint8Array[];
}
