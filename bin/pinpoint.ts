#!/usr/bin/env node
// CLI entry: one of the three entry points that read the environment, with adapters/main.ts (the bot)
// and adapters/discord/register-cli.ts (npm run discord:register).
import { loadEnvFile } from '../adapters/env-file.js';
import { asksForHelp, runCli } from '../src/cli.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';
import { programName } from './program.js';

exitQuietlyWhenOutputCloses();

const argv = process.argv.slice(2);

// Read as the bot reads it: a UTF-16 .env too (KNOWLEDGE_DIR and DATA_DIR must be the bot's), and an unreadable
// one stops the command rather than running it with none of its settings. Not for --help, which needs no setting
// and must show the usage whatever the .env, as the bot's does: a .env that is a folder made it exit 1 without it.
let envReadable = true;
try {
  if (!asksForHelp(argv)) loadEnvFile();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  envReadable = false;
}

// Run directly (node dist/bin/pinpoint.js, as in the Docker image), the usage shows that form, not npm run's.
const program = programName(process.env, process.argv[1] ?? '', process.cwd());
process.exitCode = !envReadable ? 1 : await runCli(argv, { env: process.env, stdout: process.stdout, stderr: process.stderr, ...(program === undefined ? {} : { program }) });
