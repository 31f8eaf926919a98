// Sloth (https://github.com/slok/sloth), `version: prometheus/v1`: the service is `service`, each of
// `slos` has an `objective` in percent. The file names no window: Sloth measures every SLO over the
// period it is run with (`--default-slo-period`), 30 days unless set there, so 30d is compared.
import { joinPointer } from '../../load/pointer.js';
import { isObj, kindOf, percent, text } from './read.js';
import type { SloFormat, SloObjective } from './types.js';

/** Sloth's default SLO period. */
const PERIOD = 30 * 86400;

// Stryker disable next-line ArrayDeclaration: no labels add no words; the mutant's word ("Stryker was here") names no kind.
const labels = (v: unknown): string[] => (isObj(v) ? Object.values(v).filter((x): x is string => typeof x === 'string') : []);

export const sloth: SloFormat = {
  id: 'sloth',
  title: 'a Sloth SLO file',
  marker: { key: 'version', value: /^prometheus\/v1$/ },
  schema: 'sloth.schema.json',
  recognise(value) {
    if (!isObj(value) || value.version !== 'prometheus/v1') return undefined;
    // `service` and `slos` make it Sloth's: `version: prometheus/v1` alone could be anyone's.
    return 'service' in value && 'slos' in value ? 'slo' : undefined;
  },
  subject(value) {
    const service = text(value.service);
    return service !== undefined ? `the Sloth SLOs of ${JSON.stringify(service)}` : 'a Sloth SLO file';
  },
  objectives(value) {
    const service = text(value.service);
    if (service === undefined || !Array.isArray(value.slos)) return [];
    const out: SloObjective[] = [];
    value.slos.forEach((s, i) => {
      if (!isObj(s)) return;
      const pointer = joinPointer('/slos', i);
      const alerting = isObj(s.alerting) ? s.alerting : {};
      out.push({
        name: text(s.name) ?? `${service} SLO ${i + 1}`,
        service,
        target: percent(s.objective),
        targetPointer: s.objective !== undefined ? joinPointer(pointer, 'objective') : pointer,
        window: PERIOD,
        windowText: "30d (Sloth's default period)",
        kind: kindOf([text(s.name), text(s.description)], false, [...labels(s.labels), ...labels(alerting.labels), text(alerting.name)]),
      });
    });
    return out;
  },
};
