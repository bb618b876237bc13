// ffmpeg's stderr while it decodes: the showinfo filter's presentation time of each frame, and
// the lines that say the file is damaged.

import type { Readable } from 'node:stream';

const SHOWINFO_PTS = /\bn:\s*\d+\s+pts:\s*-?\d+\s+pts_time:(-?[\d.eE+-]+)/;
const DAMAGE = /error|invalid|corrupt|truncat|moov atom/i;
const MAX_ERROR_LINES = 5;

export class ShowinfoLog {
  /** Each delivered frame's pts in seconds, in order. */
  private readonly times: number[] = [];
  private readonly errorLines: string[] = [];
  private tail = '';
  private pending = '';
  private waiting: (() => void) | null = null;
  private ended = false;

  constructor(stderr: Readable) {
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => this.take(chunk));
    const done = new Promise<void>((resolve) =>
      stderr.on('end', () => {
        this.waiting?.();
        resolve();
      }),
    );
    void done.then(() => (this.ended = true));
  }

  /** Frame i's pts in seconds, waiting for ffmpeg to report it; undefined if it never does. */
  async ptsOf(i: number): Promise<number | undefined> {
    while (this.times.length <= i && !this.ended) {
      await new Promise<void>((resolve) => {
        this.waiting = () => {
          this.waiting = null;
          resolve();
        };
        // Guard against a lost wake-up: re-check soon even without new stderr.
        setTimeout(() => this.waiting?.(), 50);
      });
    }
    return this.times[i];
  }

  /** What to report when decoding ended badly: the first damage line, else the last line. */
  complaint(code: number | null): string {
    return this.errorLines[0] ?? this.tail.trim().split('\n').pop() ?? `ffmpeg exited with code ${code}`;
  }

  get sawDamage(): boolean {
    return this.errorLines.length > 0;
  }

  private take(chunk: string): void {
    this.pending += chunk;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      const m = SHOWINFO_PTS.exec(line);
      if (m && line.includes('showinfo')) {
        this.times.push(Number(m[1]));
        this.waiting?.();
      } else if (DAMAGE.test(line) && !line.includes('showinfo')) {
        if (this.errorLines.length < MAX_ERROR_LINES) this.errorLines.push(line.trim());
      }
      this.tail = (this.tail + line + '\n').slice(-2000);
    }
  }
}
