// Property tests run with a fixed seed, so that `npm test` (and CI) is reproducible: a failure is
// the same failure on every machine. `FC_RANDOM=1 npm test` explores new inputs; a counterexample
// it finds is printed with its seed and belongs in a regular test (see test/hostile/parser.test.ts).
// vitest.config.ts runs this file before every test file (test/property-seed.test.ts holds it).
import fc from 'fast-check';

export const FIXED_SEED = 20261126;

if (process.env.FC_RANDOM !== '1') fc.configureGlobal({ seed: FIXED_SEED });
