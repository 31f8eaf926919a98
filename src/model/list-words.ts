// How messages list words: "a", "a and b", "a, b or c".

/** The words joined as a list: commas between them, the conjunction before the last. */
export function listWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const last = words[words.length - 1] ?? '';
  return words.length <= 1 ? last : `${words.slice(0, -1).join(', ')} ${conjunction} ${last}`;
}
