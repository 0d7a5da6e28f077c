#!/usr/bin/env node
// CLI entry: one of the three entry points that read the environment, with adapters/main.ts (the bot)
// and adapters/discord/register-cli.ts (npm run discord:register).
import 'dotenv/config';
import { runCli } from '../src/cli.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';
import { programName } from './program.js';

exitQuietlyWhenOutputCloses();

// Run directly (node dist/bin/pinpoint.js, as in the Docker image), the usage shows that form, not npm run's.
const program = programName(process.env, process.argv[1] ?? '', process.cwd());
process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, ...(program === undefined ? {} : { program }) });
