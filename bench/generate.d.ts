// Types for the plain-JS generator, so tests written in TypeScript can use it.
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}
export function rng(seed: number): Rng;
export function serviceName(i: number): string;
export function serviceYaml(i: number, r: Rng): string;
export function catalogFiles(count: number, seed?: number): Generator<{ file: string; text: string }>;
export function generateCatalog(dir: string, count: number, seed?: number): number;
export function generateTexts(count: number, seed?: number): Array<{ file: string; text: string }>;
