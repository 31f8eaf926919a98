// The story every report format tells, built once per format from the result and the context:
// the portfolio view, the rollups, the top risks, the waiver register and the trend. The text
// report, the Markdown and the HTML only lay it out.
import type { LintResult } from '../lint-types.js';
import { compareRuns, type Comparison } from './compare.js';
import { buildView, type PortfolioView, type ServiceRow } from './portfolio-view.js';
import { ownerRollup, tierRollup, topRisks, waiverRegister, type Rollup, type WaiverEntry } from './rollups.js';
import type { CatalogSource, FormatContext } from './types.js';

export const TOP_RISKS = 10;

export interface ReportModel {
  view: PortfolioView;
  risks: ServiceRow[];
  tiers: Rollup[];
  owners: Rollup[];
  waivers: WaiverEntry[];
  /** Null without `--compare`. */
  comparison: Comparison | null;
}

export function buildReportModel(result: LintResult, ctx: FormatContext): ReportModel {
  const view = buildView(result, ctx.portfolio);
  return {
    view,
    risks: topRisks(view, TOP_RISKS),
    tiers: tierRollup(view),
    owners: ownerRollup(view),
    waivers: waiverRegister(view, result.today),
    comparison: ctx.previous ? compareRuns(result, view.weights, ctx.previous, ctx.quiet === true) : null,
  };
}

/** The paths as given, shortened when there are many. */
export function pathsText(paths: readonly string[]): string {
  if (paths.length <= 3) return paths.join(', ');
  return `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}

/** The first 12 characters of a commit: enough to find it, short enough to read. */
export const shortCommit = (commit: string): string => commit.slice(0, 12);

/** Where the catalog came from, as plain text (values unescaped: each format escapes them its own way). */
export function sourceParts(source: CatalogSource): { paths: string; where: string } {
  const paths = pathsText(source.paths);
  if (!source.git) return { paths, where: `folder ${source.folder}` };
  const { branch, commit, root } = source.git;
  return { paths, where: `git ${branch === null ? 'detached HEAD' : `branch ${branch}`}, commit ${shortCommit(commit)} (${root})` };
}
