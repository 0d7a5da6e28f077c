import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PinpointError } from '../../src/errors.js';
import type { ScaleRowName, ScaleRowResult } from './row-names.js';

/** The internal flag a parent passes so the child measures one row and prints it as JSON instead of a table. */
const ROW_FLAG = '--scale-row';

const RUN_SCRIPT = fileURLToPath(new URL('../run.ts', import.meta.url));

/** The bench flags a row's child process runs with: the parent's size, court texts and `--warmup`, and the row. */
export function scaleChildArgs(size: number, courtDir: string, warmup: number, row: ScaleRowName): string[] {
  return ['--scale', ROW_FLAG, row, '--sizes', String(size), '--court', courtDir, '--warmup', String(warmup)];
}

/**
 * Measures one row at one size in a fresh Node process (same node flags, so tsx's loader comes along).
 * Each row then starts from an empty heap, and V8 sizes its young generation to that row's own
 * allocation: measured in one process, the row after Pinpoint ran with the heap Pinpoint's answers had
 * shaped, and plain MiniSearch's latency doubled or halved with changes to Pinpoint alone.
 */
export function runRowInChild(size: number, courtDir: string, warmup: number, row: ScaleRowName): Promise<ScaleRowResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, RUN_SCRIPT, ...scaleChildArgs(size, courtDir, warmup, row)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new PinpointError('INPUT_INVALID', `pinpoint: the scale run of ${row} at ${size} passages exited with code ${code}; run npm run bench -- --scale --sizes ${size} to see why`));
        return;
      }
      resolve(JSON.parse(last) as ScaleRowResult);
    });
  });
}
