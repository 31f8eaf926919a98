export const DOCS_BASE = 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/rules.md';

const urls = new Map<string, string>();

/** The rule's section of the reference; one shared string per rule (a finding carries it, and a big catalog has many). */
export function docsUrl(ruleId: string): string {
  let url = urls.get(ruleId);
  if (url === undefined) urls.set(ruleId, (url = `${DOCS_BASE}#${ruleId}`));
  return url;
}
