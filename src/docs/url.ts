export const DOCS_BASE = 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/rules.md';

const urls = new Map<string, string>();

/** The guide to organisation policies: a policy's own page is its organisation's, so its findings point here. */
export const POLICIES_DOCS = 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/policies.md';

/**
 * The rule's section of the reference (a policy, whose id holds a "/": the policies guide); one
 * shared string per rule (a finding carries it, and a big catalog has many).
 */
export function docsUrl(ruleId: string): string {
  let url = urls.get(ruleId);
  if (url === undefined) urls.set(ruleId, (url = ruleId.includes('/') ? POLICIES_DOCS : `${DOCS_BASE}#${ruleId}`));
  return url;
}
