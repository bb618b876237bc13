// Worker bootstrap: lets a worker thread run the TypeScript pose worker, however the parent was
// started (the CLI, tsx or Vitest).
import { register } from 'tsx/esm/api';

register();
await import('./pose-worker.ts');
