// Types of scripts/action-run.mjs, for its tests.
/** Words of an input: split on any run of white space, newlines included. */
export declare function words(text: string | undefined): string[];
/** warranty-lint's arguments for the Action's inputs; `summaryFile` receives the markdown format, if any. */
export declare function actionArgs(env: Record<string, string | undefined>, summaryFile: string | undefined): string[];
/** Runs the step: returns the linter's exit code. */
export declare function runAction(env?: Record<string, string | undefined>): number;
