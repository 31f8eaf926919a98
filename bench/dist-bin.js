// The CLI run from dist/ (tsc's output, loading node_modules), as bin/ ran it before the bundle: the
// start-up bench measures it beside bin/ for comparison.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
