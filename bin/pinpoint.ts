#!/usr/bin/env node
// CLI entry: one of the three entry points that read the environment, with adapters/main.ts (the bot)
// and adapters/discord/register-cli.ts (npm run discord:register).
import 'dotenv/config';
import { runCli } from '../src/cli.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';

exitQuietlyWhenOutputCloses();

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
