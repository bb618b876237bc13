// The benchmark clip: rendered by the project's own figure renderer (packages/lab), cached.
export async function benchClipPath(log: (msg: string) => void): Promise<string> {
  void log;
  throw new Error('renderer not wired yet');
}
