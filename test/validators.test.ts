import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { generateTexts } from '../bench/generate.js';
import { exportNameOf, runtimeValidatorFor } from '../src/schema/validate.js';

// The build step (scripts/build-validators.mjs) precompiles the schemas; npm test builds first.
const precompiled = createRequire(import.meta.url)('../dist/schema/validators.cjs') as Record<string, ValidateFunction>;

const outcome = (v: ValidateFunction, value: unknown): unknown => (v(value) ? 'valid' : JSON.parse(JSON.stringify(v.errors)));

describe('precompiled schema validators', () => {
  it('exist for every schema, under the name validate.ts asks for', () => {
    const schemas = readdirSync(new URL('../schemas/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(Object.keys(precompiled).sort()).toEqual(schemas.map(exportNameOf).sort());
    expect(Object.keys(precompiled)).toContain('service');
    expect(exportNameOf('service.schema.json')).toBe('service');
    expect(exportNameOf('config.schema.json')).toBe('config');
  });

  it('give the same errors as a schema compiled at run time, on a generated catalog', () => {
    const runtime = runtimeValidatorFor('service.schema.json');
    const built = precompiled.service as ValidateFunction;
    let invalid = 0;
    for (const { text } of generateTexts(300, 11)) {
      for (const doc of parseAllDocuments(text)) {
        const value = doc.toJS() as unknown;
        const want = outcome(runtime, value);
        if (want !== 'valid') invalid++;
        expect(outcome(built, value)).toEqual(want);
      }
    }
    expect(invalid).toBeGreaterThan(10);
  });

  it('give the same errors on arbitrary values', () => {
    for (const file of ['service.schema.json', 'backstage.schema.json']) {
      const runtime = runtimeValidatorFor(file);
      const built = precompiled[exportNameOf(file)] as ValidateFunction;
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(outcome(built, value)).toEqual(outcome(runtime, value));
        }),
        { numRuns: 300 },
      );
    }
  });
});
