/// <reference types="vite/client" />
// Loaded before every test file under `npm run mutation` only (vitest.mutation.config.ts). The test
// files there share one module graph, so a module is evaluated once: if its first import came from
// inside a test (a formatter loaded by name, say), Stryker would count its module-level code
// (constant tables, regular expressions) as covered by that test, then run that test against a
// mutant of it that is never evaluated, and report a survivor that no test could kill. Loading
// every mutated module here, outside any test, marks that code as static, which Stryker handles as
// such (skipped unless WL_MUTATION_STATIC=1; README, "Testing").
import.meta.glob(['../../src/{rules,engine,formatters,model}/**/*.ts', '!../../src/engine/worker.ts'], { eager: true });
