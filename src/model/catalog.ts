// Everything a dependency may name: the linted services, the other entities of the linted files (a
// library Component, a Resource, an API…), and a catalog export (`--catalog`). A dependency is
// resolved as Backstage resolves an entity reference: kind and namespace case-insensitively, the
// default kind and namespace applied (backstage/refs.ts `entityKey`).
import { entityKey } from './formats/backstage/refs.js';
import type { KnownEntity } from './formats/backstage/entities.js';
import type { Dependency, Service } from './types.js';

export type { KnownEntity } from './formats/backstage/entities.js';

export class EntityCatalog {
  /** Services by their name as written: nearly every dependency names one exactly, with no key to compute. */
  private readonly byText = new Map<string, Service>();
  private byKey: Map<string, Service> | undefined;
  private readonly keys = new Map<string, string>();

  /**
   * `services` in file order (the first of a key wins, as duplicates do not count); `known`, the keys
   * of other entities seen in the linted files; `exported`, the entities of a catalog export.
   */
  constructor(
    services: readonly Service[],
    private readonly known: ReadonlySet<string> = new Set(),
    private readonly exported: ReadonlyMap<string, KnownEntity> = new Map(),
  ) {
    for (const s of services) if (s.name !== null && !this.byText.has(s.name)) this.byText.set(s.name, s);
  }

  /** Services by key, built the first time a dependency does not name one exactly. */
  private keyed(): Map<string, Service> {
    // Stryker disable next-line ConditionalExpression: a cache: built again, the map is the same (from byText, as it stands).
    if (this.byKey) return this.byKey;
    this.byKey = new Map();
    // The first service of each name, in file order, as it stands now (replace() may have put a new
    // version there): a later service of a name is never the first of its key.
    for (const [name, s] of this.byText) {
      const key = this.keyOf(name);
      if (!this.byKey.has(key)) this.byKey.set(key, s);
    }
    return this.byKey;
  }

  /** The key of a name or reference, computed once per distinct text (a large catalog repeats them). */
  keyOf(text: string): string {
    let key = this.keys.get(text);
    // Stryker disable next-line ConditionalExpression: a cache: computed again, the key is the same.
    if (key === undefined) this.keys.set(text, (key = entityKey(text)));
    return key;
  }

  /** The linted service a dependency names. */
  service(d: Pick<Dependency, 'service'>): Service | undefined {
    return this.byText.get(d.service) ?? this.keyed().get(this.keyOf(d.service));
  }

  /** A service of the catalog export the dependency names (not linted: its name and tier only). */
  exportedService(d: Pick<Dependency, 'service'>): KnownEntity | undefined {
    const e = this.exported.get(this.keyOf(d.service));
    return e?.tier !== undefined ? e : undefined;
  }

  /**
   * A new version of a service under the same name (an editor's edit of values): lookups give it
   * from now on, with nothing rebuilt.
   */
  replace(old: Service, next: Service): void {
    if (old.name === null || old.name !== next.name) throw new Error('EntityCatalog.replace: a service is replaced by one of the same name');
    if (this.byText.get(old.name) === old) this.byText.set(old.name, next);
    if (this.byKey) {
      const key = this.keyOf(old.name);
      if (this.byKey.get(key) === old) this.byKey.set(key, next);
    }
  }

  /** Whether the dependency names anything known: a linted service, an entity of the linted files, or one of the export. */
  knows(d: Pick<Dependency, 'service'>): boolean {
    // Stryker disable next-line ConditionalExpression: a shortcut: a name as written is also found by its key below.
    if (this.byText.has(d.service)) return true;
    const key = this.keyOf(d.service);
    return this.keyed().has(key) || this.known.has(key) || this.exported.has(key);
  }
}

export { knownEntity } from './formats/backstage/entities.js';
