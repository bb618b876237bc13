// One progress line on stderr for long benchmark work (stdout stays for the tables): rewritten in
// place on a terminal, a fresh line every few seconds elsewhere (CI logs, pipes).

export interface ProgressLine {
  /** Sets one named counter, e.g. ("stills", 12, 380). */
  set(label: string, done: number, total: number): void;
  /** A message on its own line (keeps the progress line intact on a terminal). */
  note(text: string): void;
  stop(): void;
}

const LOG_EVERY_MS = 5000;

export function createProgressLine(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const t0 = Date.now();
  const counters = new Map<string, [number, number]>();
  const tty = stream.isTTY === true;
  let lastLog = 0;
  let shown = false;
  const render = (): string => {
    const s = Math.round((Date.now() - t0) / 1000);
    const parts = [...counters].map(([k, [d, t]]) => `${k} ${d}/${t}`);
    return `bench:accuracy ${parts.join(' | ')} | ${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  };
  const draw = (force: boolean) => {
    if (!enabled) return;
    if (tty) {
      stream.write(`\r\x1b[K${render()}`);
      shown = true;
    } else if (force || Date.now() - lastLog >= LOG_EVERY_MS) {
      stream.write(`${render()}\n`);
      lastLog = Date.now();
    }
  };
  return {
    set(label, done, total) {
      counters.set(label, [done, total]);
      draw(done === total);
    },
    note(text) {
      if (!enabled) return;
      if (tty && shown) stream.write('\r\x1b[K');
      stream.write(`${text}\n`);
      draw(true);
    },
    stop() {
      if (enabled && tty && shown) stream.write('\n');
    },
  };
}
