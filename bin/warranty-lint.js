#!/usr/bin/env node
// Shim: all behaviour lives in src/cli; this file only hands over argv and the exit code.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
