#!/usr/bin/env node
// Thin launcher: the command line is compiled from src/cli by `npm run build:cli` (run on install by "prepare").
require('../build/cli/main.js').main(process.argv).then((code) => { process.exitCode = code; });
