import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PinpointError } from '../../src/errors.js';
import type { ScaleResult } from './run-scale.js';

/** The flag a parent passes so the child prints its one result as JSON instead of a table. */
const CHILD_FLAG = '--scale-child';

const RUN_SCRIPT = fileURLToPath(new URL('../run.ts', import.meta.url));

/** The bench flags a size's child process runs with: the parent's size, court texts and `--warmup`. */
export function scaleChildArgs(size: number, courtDir: string, warmup: number): string[] {
  return ['--scale', CHILD_FLAG, '--sizes', String(size), '--court', courtDir, '--warmup', String(warmup)];
}

/**
 * Runs one scale size in a fresh Node process (same node flags, so tsx's loader comes along): a size
 * then starts from an empty heap and cold caches, unaffected by the sizes before it.
 */
export function runSizeInChild(size: number, courtDir: string, warmup: number): Promise<ScaleResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, RUN_SCRIPT, ...scaleChildArgs(size, courtDir, warmup)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new PinpointError('INPUT_INVALID', `pinpoint: the scale run for ${size} passages exited with code ${code}; run npm run bench -- --scale --sizes ${size} to see why`));
        return;
      }
      resolve(JSON.parse(last) as ScaleResult);
    });
  });
}
