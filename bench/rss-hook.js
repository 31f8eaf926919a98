// Loaded with `node --import` into every measured process: at exit it writes the process's peak
// RSS (worker threads included) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)));
