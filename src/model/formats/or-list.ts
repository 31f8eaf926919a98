// Alternatives in a message: "a", "a or b", "a, b or c".

/** The words joined as alternatives: commas between them, "or" before the last. */
export function orList(words: readonly string[]): string {
  const last = words[words.length - 1] ?? '';
  return words.length <= 1 ? last : `${words.slice(0, -1).join(', ')} or ${last}`;
}
