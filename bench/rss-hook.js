// Loaded with `node --import` into every measured process: at exit it writes the process's peak
// RSS in bytes (worker threads included) and CPU time in ms (user + system, all threads) to the
// file named by BENCH_RSS_FILE, as JSON. CPU time is what to compare on a busy machine.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ rss: u.maxRSS * 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
