// Progress for long work, on stderr so that stdout stays clean for data. On a terminal a live bar;
// elsewhere (CI, pipes) a line every few seconds.

import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number | null): void;
  stop(): void;
}

export function createProgress(label: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} frames | {eta_formatted} left`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      const t = total ?? Math.max(done, 1);
      if (!started) {
        bar.start(t, done);
        started = true;
      } else {
        if (bar.getTotal() !== t) bar.setTotal(t);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
