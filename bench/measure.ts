import { setFlagsFromString } from 'node:v8';
import { runInNewContext, runInThisContext } from 'node:vm';

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

/** V8's runtime calls that finish background optimizations (they parse with `--allow-natives-syntax` only). */
const FINISH_OPTIMIZATIONS = '%WaitForBackgroundOptimization(); %FinalizeOptimization();';
let canFinishOptimizations = true;

/**
 * Finishes V8's background optimizations. A queued job holds the function it compiles, and through
 * its closure whatever that closure reaches: a corpus closed just before a measurement stayed alive
 * while a busy machine left the job waiting, and was freed in the middle of the next one (a row read
 * −2 MB). The flag is on only around each run: V8 may drop the calls' bytecode between runs and compile
 * them again. Where V8 lacks them the wait is skipped with a warning, and heaps measured on a busy
 * machine may be off.
 */
function finishOptimizations(): void {
  if (!canFinishOptimizations) return;
  setFlagsFromString('--allow-natives-syntax');
  try {
    runInThisContext(FINISH_OPTIMIZATIONS);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    canFinishOptimizations = false;
    process.emitWarning('this V8 cannot wait for background optimizations; heap figures may be off on a busy machine', { code: 'PINPOINT_BENCH_HEAP' });
  } finally {
    setFlagsFromString('--no-allow-natives-syntax');
  }
}

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
