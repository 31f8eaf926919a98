import type { Service } from '../model/types.js';

/** The key that ties a finding (file, service) back to the service it is about. */
export function serviceKey(file: string, name: string | null): string {
  return `${file}\u0000${name ?? ''}`;
}

export function indexServices(services: readonly Service[]): Map<string, Service> {
  const out = new Map<string, Service>();
  for (const s of services) {
    const k = serviceKey(s.file, s.name);
    if (!out.has(k)) out.set(k, s);
  }
  return out;
}
