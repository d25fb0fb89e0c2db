// Preloaded into a Node process by bench/web.ts: prints the process's peak RSS (KB) on stderr when it exits.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
