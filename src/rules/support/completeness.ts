// The completeness pattern shared by the rules that check an area holds the fields it needs
// (SPEC §2 essentials): one finding per service and area, at the area key, naming every gap that
// no other finding has named yet ("one problem, one finding").
import type { Area, Report } from '../../types.js';
import { missingFields } from '../../model/build.js';
import { listWords } from '../../model/list-words.js';
import type { AreaModel, Service } from '../../model/types.js';

/**
 * The fields of `fields` that the area lacks and that no other finding has named: a field reported
 * by `schema` or as a placeholder is missing but already has its finding. An area that is missing
 * (`warranty-area-missing`) or deferred (`warranty-deferred-to-operation`) has its one finding, so
 * it has no gaps here.
 */
export function unreportedGaps(area: AreaModel, fields: readonly string[]): string[] {
  if (area.status !== 'defined') return [];
  return missingFields(area, fields).filter((f) => !area.reported.includes(f));
}

/** `availability.target, availability.window or availability.serviceHours` */
export function fieldList(area: Area, fields: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return listWords(fields.map((f) => `${area}.${f}`), conjunction);
}

/**
 * The completeness check of one area: no report when nothing is left to name, else one report at
 * the area key whose message `describe` builds from the gaps (in the order of `fields`).
 */
export function completenessReports(service: Service, area: Area, fields: readonly string[], describe: (gaps: string[]) => string): Report[] {
  const model = service.areas[area];
  const gaps = unreportedGaps(model, fields);
  if (gaps.length === 0) return [];
  return [{ pointer: model.pointer, at: 'key', area, message: describe(gaps) }];
}
