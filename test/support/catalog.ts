import type { YamlFile } from './lint-yaml.js';

export interface ServiceSketch {
  name: string;
  tier?: 'critical' | 'high' | 'medium' | 'low';
  /** Raw `dependsOn` items as YAML (`auth`, `{ service: fx, kind: soft }`); each lands on line 10 + i, column 7. */
  deps?: string[];
  target?: number | string;
  rto?: string;
  rpo?: string;
  /** Raw YAML lines appended under `spec:` (waivers, say), indented by two spaces already. */
  specTail?: string;
}

/**
 * A complete service in a fixed layout so that tests can name lines: dependency i is at line
 * 10 + i, column 7; `availability.target` is at `targetLine(deps)`, column 15.
 */
export function sketch(s: ServiceSketch): string {
  const deps = s.deps ?? [];
  const lines = [
    'apiVersion: warranty-lint/v1',
    'kind: Service',
    'metadata:',
    `  name: ${s.name}`,
    `  owner: team-${s.name}`,
    `  tier: ${s.tier ?? 'medium'}`,
    '  lifecycleStage: design',
    'spec:',
  ];
  if (deps.length > 0) lines.push('  dependsOn:', ...deps.map((d) => `    - ${d}`));
  lines.push('  warranty:', '    availability:');
  if (s.target !== undefined) lines.push(`      target: ${s.target}`);
  lines.push('      window: 30d', '      serviceHours: 24x7');
  lines.push('    capacity:', '      peak: { value: 50, unit: rps }', '      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }');
  lines.push('    continuity:');
  if (s.rto !== undefined) lines.push(`      rto: ${s.rto}`);
  if (s.rpo !== undefined) lines.push(`      rpo: ${s.rpo}`);
  lines.push('      recoveryOption: warm-standby');
  lines.push('    security:', '      classification: internal', '      dataTypes: [none]', '      controls: [authn, rbac, encryption-in-transit]');
  if (s.specTail) lines.push(s.specTail.replace(/\n$/, ''));
  return lines.join('\n') + '\n';
}

/** The line of `availability.target` in a sketch with this many dependencies. */
export function targetLine(deps: number): number {
  return deps > 0 ? 12 + deps : 11;
}

/** One file per service, named after it. */
export function catalog(...services: ServiceSketch[]): YamlFile[] {
  return services.map((s) => ({ file: `services/${s.name}.yaml`, text: sketch(s) }));
}

/** A Backstage Component of type service whose `spec.dependsOn` (a flow list) is on line 9, starting at column 15. */
export function backstageService(name: string, dependsOn: string[], warranty = ''): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  owner: team-${name}
  lifecycle: production
  dependsOn: [${dependsOn.join(', ')}]
${warranty}`;
}
