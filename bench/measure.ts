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

/**
 * Finishes V8's background optimizations. A queued job holds the function it compiles, and through
 * its closure whatever that closure reaches: a corpus closed just before a measurement stayed alive
 * while a busy machine left the job waiting, and was freed in the middle of the next one (a row read
 * −2 MB). The runtime calls need `--allow-natives-syntax` only while they are compiled; where V8 lacks
 * them the wait is skipped with a warning, and heaps measured on a busy machine may be off.
 */
function resolveFinishOptimizations(): () => void {
  setFlagsFromString('--allow-natives-syntax');
  try {
    return runInNewContext('(function () { %WaitForBackgroundOptimization(); %FinalizeOptimization(); })') as () => void;
  } catch {
    process.emitWarning('this V8 cannot wait for background optimizations; heap figures may be off on a busy machine', { code: 'PINPOINT_BENCH_HEAP' });
    return () => {};
  } finally {
    setFlagsFromString('--no-allow-natives-syntax');
  }
}

const finishOptimizations = resolveFinishOptimizations();

/**
 * Heap used after the background optimizations are done and two full collections (the second frees
 * what finalizers of the first released).
 */
export function settledHeapBytes(): number {
  finishOptimizations();
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
