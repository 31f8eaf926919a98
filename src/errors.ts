// The errors that end a run with exit 2. They live here, apart from the engine, so that the CLI
// can tell them apart without loading the engine (start-up of --version, rules, explain).

/** A problem with how warranty-lint was called, configured or asked to write: exit 2, its message, no stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A rule threw: an internal error (exit 2), reported with the rule's id. */
export class RuleCrash extends Error {
  override name = 'RuleCrash';
  constructor(
    readonly ruleId: string,
    override readonly cause: unknown,
  ) {
    super(`rule ${ruleId} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
