// The report view's Statistics over the commits that pass the view's filters; its text is the Markdown report's
// (src/core/report/statisticsText.ts). Pure: used by the webview bundle and the unit tests.
import type { AnalyzedCommit } from '../core/domain/report.js';
import { computeStatistics, type Statistics } from '../core/report/statistics.js';
import { commitMatcher, type CommitFilter } from './commitFilter.js';

export interface FilteredStatistics {
  stats: Statistics;
  /** The commits counted (those that pass the filters, folded ones included) and all the repository's. */
  counted: number;
  total: number;
}

/** The statistics of the commits that pass the filters (every commit when nothing filters). */
export function filteredStatistics(commits: readonly AnalyzedCommit[], filter: CommitFilter, reviewed: ReadonlySet<string>): FilteredStatistics {
  const counted = commits.filter(commitMatcher(filter, reviewed));
  return { stats: computeStatistics(counted), counted: counted.length, total: commits.length };
}
