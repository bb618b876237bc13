// The phone's samples on their way to the screen, none lost across a dropped link: the phone keeps
// every sample until the screen confirms it (the outbox), and the screen keeps each sample once,
// whatever order or how many times it arrives (the inbox), and confirms all it holds without a gap.

import type { PhoneSample } from './protocol.ts';

export interface Reading {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

/** Phone side: numbers each sample and keeps it until acknowledged. */
export class Outbox {
  private pending: PhoneSample[] = [];
  private nextSeq = 0;

  /** Adds a reading taken at phone time tMs; returns the numbered sample. */
  add(tMs: number, r: Reading): PhoneSample {
    const s: PhoneSample = { seq: this.nextSeq++, tMs, alpha: r.alpha, beta: r.beta, gamma: r.gamma };
    this.pending.push(s);
    return s;
  }

  /** The screen has every sample up to and including seq upTo. */
  ack(upTo: number): void {
    if (this.pending.length > 0 && this.pending[0]!.seq <= upTo)
      this.pending = this.pending.filter((s) => s.seq > upTo);
  }

  /** Samples not yet confirmed, oldest first. */
  unconfirmed(): readonly PhoneSample[] {
    return this.pending;
  }

  /** How many samples were taken in all. */
  get taken(): number {
    return this.nextSeq;
  }
}

/** Screen side: each sample once, in order of seq. */
export class Inbox {
  private readonly bySeq = new Map<number, PhoneSample>();
  private contiguous = -1;
  private newest: PhoneSample | null = null;

  /** Takes a batch; returns the samples that were new. */
  receive(samples: readonly PhoneSample[]): PhoneSample[] {
    const fresh: PhoneSample[] = [];
    for (const s of samples) {
      if (this.bySeq.has(s.seq)) continue;
      this.bySeq.set(s.seq, s);
      fresh.push(s);
      if (!this.newest || s.seq > this.newest.seq) this.newest = s;
    }
    while (this.bySeq.has(this.contiguous + 1)) this.contiguous++;
    return fresh;
  }

  /** The highest seq below which nothing is missing (-1: none yet): what the screen confirms. */
  get confirmedUpTo(): number {
    return this.contiguous;
  }

  /** The newest sample by seq, for the live level. */
  get latest(): PhoneSample | null {
    return this.newest;
  }

  get size(): number {
    return this.bySeq.size;
  }

  /** Every sample, in order of seq. */
  all(): PhoneSample[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}
