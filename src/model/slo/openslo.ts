// OpenSLO (https://github.com/OpenSLO/OpenSLO): `apiVersion: openslo/v1` (and `v1alpha`), `kind:
// SLO`. The service is `spec.service`; each of `spec.objectives` has a `target` (a ratio, 0–1) or a
// `targetPercent`; the window is `spec.timeWindow[0].duration` (`28d`, `1M`), in v1alpha
// `spec.timeWindows[0]` as `{ unit, count }`. Other kinds (Service, SLI, DataSource…) are OpenSLO's
// too, and skipped silently.
import { joinPointer } from '../../load/pointer.js';
import { isObj, kindOf, percent, percentOfRatio, shorthandSeconds, text, unitCountSeconds } from './read.js';
import type { SloFormat, SloObjective } from './types.js';

const API = /^openslo\/v1(alpha)?$/;

function window(spec: Record<string, unknown>): { seconds?: number; text?: string } {
  const v1 = Array.isArray(spec.timeWindow) ? spec.timeWindow[0] : undefined;
  if (isObj(v1)) return { seconds: shorthandSeconds(v1.duration), text: text(v1.duration) };
  const alpha = Array.isArray(spec.timeWindows) ? spec.timeWindows[0] : undefined;
  if (isObj(alpha)) {
    const seconds = unitCountSeconds(alpha.unit, alpha.count);
    return { seconds, text: seconds !== undefined ? `${String(alpha.count)} ${String(alpha.unit)}` : undefined };
  }
  return {};
}

export const openslo: SloFormat = {
  id: 'openslo',
  title: 'an OpenSLO SLO',
  marker: { key: 'apiVersion', value: /^openslo\// },
  schema: 'openslo.schema.json',
  recognise(value) {
    if (!isObj(value) || typeof value.apiVersion !== 'string' || !/^openslo\//.test(value.apiVersion)) return undefined;
    return value.kind === 'SLO' && API.test(value.apiVersion) ? 'slo' : 'other';
  },
  subject(value) {
    const name = isObj(value.metadata) ? text(value.metadata.name) : undefined;
    return name !== undefined ? `the OpenSLO SLO ${JSON.stringify(name)}` : 'an OpenSLO SLO';
  },
  objectives(value) {
    const metadata = isObj(value.metadata) ? value.metadata : {};
    const spec = isObj(value.spec) ? value.spec : {};
    const service = text(spec.service);
    if (service === undefined || !Array.isArray(spec.objectives)) return [];
    const name = text(metadata.name) ?? text(metadata.displayName) ?? service;
    const { seconds, text: windowText } = window(spec);
    const indicator = isObj(spec.indicator) && isObj(spec.indicator.metadata) ? text(spec.indicator.metadata.name) : undefined;
    const words = [name, text(metadata.displayName), text(spec.description), indicator, text(spec.indicatorRef)];
    const several = spec.objectives.length > 1;
    const out: SloObjective[] = [];
    spec.objectives.forEach((o, i) => {
      if (!isObj(o)) return;
      const own = text(o.displayName);
      const pointer = joinPointer('/spec/objectives', i);
      const byPercent = o.targetPercent !== undefined;
      out.push({
        name: several ? `${name} (${own ?? `objective ${i + 1}`})` : name,
        service,
        target: byPercent ? percent(o.targetPercent) : percentOfRatio(o.target),
        targetPointer: byPercent ? joinPointer(pointer, 'targetPercent') : o.target !== undefined ? joinPointer(pointer, 'target') : pointer,
        window: seconds,
        windowText,
        kind: kindOf([own, text(o.indicatorRef)], o.op !== undefined, words),
      });
    });
    return out;
  },
};
