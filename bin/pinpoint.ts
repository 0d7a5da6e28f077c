#!/usr/bin/env node
// CLI entry: the one place outside adapters/main.ts that reads the environment.
import 'dotenv/config';
import { runCli } from '../src/cli.js';

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
