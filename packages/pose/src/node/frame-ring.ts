// A small ring of preallocated frame buffers that ffmpeg's stdout fills in the background, so the
// decoder works on the next frames while the consumer runs the model on this one (a pipe holds
// only 64 KB, less than one frame, so reading strictly on demand would serialise the two).

import type { Readable } from 'node:stream';

export class FrameRing {
  private readonly slots: Uint8Array[];
  private writeSlot = 0; // slot being filled
  private filled = 0;
  private ready = 0; // complete frames not yet handed out
  private readSlot = 0;
  private ended = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;
  // One read from the pipe can carry many small frames (64 KB is 28 frames of 32x24): what does not
  // fit waits here, with the pipe paused, until the consumer frees a slot. (Writing it into the
  // ring regardless overwrote frames not yet handed out.)
  private leftover: Buffer | null = null;

  constructor(
    private readonly stdout: Readable,
    private readonly frameBytes: number,
    size: number,
  ) {
    this.slots = Array.from({ length: size }, () => new Uint8Array(frameBytes));
    stdout.on('data', (chunk: Buffer) => {
      this.leftover = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk;
      this.fill();
    });
    stdout.on('end', () => {
      this.ended = true;
      this.notify();
    });
    stdout.on('error', (e: Error) => {
      this.error = e;
      this.notify();
    });
  }

  /** The next complete frame, or null once the stream has ended. It is the caller's until release(). */
  async next(): Promise<Uint8Array | null> {
    while (this.ready === 0 && !this.ended && !this.error) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.error) throw this.error;
    if (this.ready === 0) return null;
    return this.slots[this.readSlot]!;
  }

  /** The consumer is done with the frame next() gave: free its slot and let ffmpeg continue. */
  release(): void {
    this.readSlot = (this.readSlot + 1) % this.slots.length;
    this.ready--;
    this.fill();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private fill(): void {
    // Keep one slot free for the frame the consumer holds.
    while (this.leftover && this.ready < this.slots.length - 1) {
      const leftover: Buffer = this.leftover;
      const take = Math.min(this.frameBytes - this.filled, leftover.length);
      this.slots[this.writeSlot]!.set(leftover.subarray(0, take), this.filled);
      this.filled += take;
      this.leftover = take < leftover.length ? leftover.subarray(take) : null;
      if (this.filled === this.frameBytes) {
        this.filled = 0;
        this.writeSlot = (this.writeSlot + 1) % this.slots.length;
        this.ready++;
        this.notify();
      }
    }
    if (this.leftover) this.stdout.pause();
    else if (this.stdout.isPaused()) this.stdout.resume();
  }
}
