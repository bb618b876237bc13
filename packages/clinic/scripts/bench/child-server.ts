// The clinic as a real child process on loopback for the benchmark: started with PORT=0 (a free
// port), ready when it prints its address, stopped gently (SIGTERM) or killed (SIGKILL).

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ChildClinic {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export function startChildClinic(env: Record<string, string>): Promise<ChildClinic> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, ...env, PORT: '0', CLINIC_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the clinic did not start in 90 s:\n${out}`)), 90_000);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /steadyback clinic on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the clinic exited with ${code} before it started:\n${out}`));
    });
  });
}
