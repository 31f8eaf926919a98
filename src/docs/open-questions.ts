// What an independent reading of SPEC.md found open, and how warranty-lint answers it (issue 17,
// part 3). Rendered at the end of docs/rules.md; test/rules/open-questions.test.ts pins each answer
// with a test of the same id, so the docs cannot drift from what the linter does.

export interface OpenQuestion {
  /** The id its test is named by. */
  id: string;
  question: string;
  answer: string;
}

export const OPEN_QUESTIONS: readonly OpenQuestion[] = [
  {
    id: 'target-100',
    question: 'Does a target of 100% also raise `availability-rto-budget-conflict`?',
    answer:
      'No. A target of 100% leaves no error budget, so every rto would conflict with it; that is one problem, reported once by `availability-target-unmeasurable` at `target`.',
  },
  {
    id: 'backstage-other-kinds',
    question: 'What do Backstage references of other kinds (`resource:`, `system:`, `api:`, `group:`) in `dependsOn` mean?',
    answer:
      'They are hard dependencies outside the catalog of services: never `dependency-unknown`, and left out of the rules that compare a dependency with the service (tier, rto, availability ceiling), which judge `component:` references (and bare names) only.',
  },
  {
    id: 'deferral-block-scalar',
    question: 'Which line does a deferral inside a multi-line block scalar (`notes: |`) point at?',
    answer:
      'The line holding the phrase, from its first to its last character (across line breaks in a folded `>` value). When the phrase is not written as such in the file (escapes in a quoted string) or the value is substituted from another file, the finding points at the whole value.',
  },
  {
    id: 'owner-area',
    question: 'What is the area of findings about `metadata.owner`?',
    answer:
      '`null`: the owner is accountable for the whole service, not for one area. A placeholder (`owner: TBD`, `warranty-placeholder-value`) or a generic alias (`warranty-owner-generic`) in `metadata.owner` has area `null`; an area\'s own `owner` gives that area.',
  },
  {
    id: 'unnamed-service',
    question: 'What is the `service` of findings about a document without a name?',
    answer:
      '`null`, with the messages naming "the unnamed service" or "document N" (its 1-based place in the file); the missing or unusable `metadata.name` is a `schema` finding. Such a service is still linted; no dependency or SLO can name it.',
  },
  {
    id: 'one-yaml-syntax',
    question: 'How many `yaml-syntax` findings does one broken document give?',
    answer:
      "One, at the document's first problem in the text (a refusal — a limit, a `%YAML` version — first, as it is why the document is not read); its message gives the lines of any other problems, which often follow from the first. Each broken document of a file gets its own.",
  },
  {
    id: 'empty-area',
    question: 'Where does a finding on an empty area (`capacity: {}`, `capacity:` with no value) point?',
    answer: 'At the area\'s key (`capacity`): the area is there, with nothing in it. It is `warranty-area-missing`, with no `schema` finding for the empty value.',
  },
  {
    id: 'last-test-result',
    question: 'What is the vocabulary of `continuity.lastTest.result`?',
    answer:
      '`pass`, `fail` and `partial`, in lower case; anything else (`PASS`, `failed`, `success`) is a `schema` finding, with a did-you-mean when one is close (`failed` → `fail`). Only `fail` makes `continuity-test-stale` flag the test; a `partial` test is a test (its date still counts).',
  },
  {
    id: 'placeholder-case',
    question: 'Are placeholders matched in any case (`N/A`, `Tbd`, `tbc`)?',
    answer: 'Yes: `TBD`, `Tbd` and `tbd` are the same placeholder, as are `N/A` and `n/a`; the message quotes the value as written.',
  },
  {
    id: 'waiver-expires-today',
    question: 'Is a waiver that expires today in force?',
    answer:
      'Yes: `expires` is the last day it suppresses findings (inclusive, in the run\'s date or `--now`). From the next day it suppresses nothing and is `waiver-expired`.',
  },
];

/** The section of docs/rules.md that states the answers. */
export function renderOpenQuestions(questions: readonly OpenQuestion[] = OPEN_QUESTIONS): string[] {
  return [
    '## Answers to questions SPEC leaves open',
    '',
    'SPEC.md does not settle these; this is how warranty-lint answers them (each pinned by a test in `test/rules/open-questions.test.ts`).',
    '',
    ...questions.flatMap((q) => [`- **${q.question}** ${q.answer}`]),
    '',
  ];
}
