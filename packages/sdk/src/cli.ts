#!/usr/bin/env node
// The `cscx-success` command (bin of @cscx/success-sdk). See `cscx-success --help`.
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
});
