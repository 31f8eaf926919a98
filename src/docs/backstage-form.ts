// The rules' examples as a Backstage `catalog-info.yaml` Component, for `explain`: the same
// service with its fields where Backstage keeps them (spec.owner, spec.warranty.tier…). The
// warranty block is the same in both forms and is kept line for line, with its `# <-- flagged`
// marks; marks on the native metadata line are left out (the fields it holds are spread over
// several lines in a Component).

const HEAD = /^apiVersion: warranty-lint\/v1\nkind: Service\nmetadata: \{ ([^}]*) \}(?: *#.*)?\n/;

/** The Backstage form of a native example (documents separated by `---`); undefined when one cannot be written as a Component. */
export function backstageForm(example: string): string | undefined {
  const docs = example.split(/^---\n/m);
  const out: string[] = [];
  for (const doc of docs) {
    const converted = convert(doc);
    if (converted === undefined) return undefined;
    out.push(converted);
  }
  return out.join('---\n');
}

function convert(doc: string): string | undefined {
  const head = HEAD.exec(doc);
  if (!head) return undefined;
  const meta: Record<string, string> = {};
  for (const pair of (head[1] as string).split(',')) {
    const [k, v] = pair.split(':').map((x) => x.trim());
    if (k && v) meta[k] = v;
  }
  if (!meta.name || !meta.owner || !meta.tier) return undefined;
  const lines = doc.slice(head[0].length).replace(/\n$/, '').split('\n').filter((l) => l !== '');
  if (lines.length > 0 && lines[0] !== 'spec:') return undefined;
  const blocks = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines.slice(1)) {
    const key = /^ {2}([A-Za-z]+):/.exec(line);
    if (key) blocks.set(key[1] as string, (current = [line]));
    else if (current && line.startsWith('   ')) current.push(line);
    else return undefined;
  }
  const deps = blocks.get('dependsOn');
  // Backstage dependencies are entity references: a soft dependency has no Backstage form.
  if (deps?.some((l) => /\bservice:|\bkind:/.test(l))) return undefined;
  const warranty = blocks.get('warranty') ?? ['  warranty:'];
  if (!/^ {2}warranty:( *#.*)?$/.test(warranty[0] as string)) return undefined;
  const waivers = (blocks.get('waivers') ?? []).map((l) => `  ${l}`);
  if ([...blocks.keys()].some((k) => !['dependsOn', 'warranty', 'waivers'].includes(k))) return undefined;
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${meta.name}`,
    'spec:',
    '  type: service',
    `  owner: ${meta.owner}`,
    ...(deps ?? []),
    warranty[0] as string,
    `    tier: ${meta.tier}`,
    ...(meta.lifecycleStage ? [`    lifecycleStage: ${meta.lifecycleStage}`] : []),
    ...warranty.slice(1),
    ...waivers,
  ].join('\n') + '\n';
}
