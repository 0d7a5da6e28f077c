import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection. `node --expose-gc` gives `global.gc`; without it the flag is set at run
 * time and gc is taken from a fresh context (V8 exposes it to contexts created after the flag).
 */
function resolveGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const gc = resolveGc();

/** Heap used after two full collections (the second frees what finalizers of the first released). */
export function settledHeapBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Runs fn and returns its result with the elapsed milliseconds (performance.now()). */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}
