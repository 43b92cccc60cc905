// The rows of the report view's commit table, client side: the commits that pass the filters in the chosen order
// (by day for a range), then one line per folded group (a bot's commits, dependency bumps) that opens to its
// commits. Pure: used by the webview bundle and the unit tests.
import type { Report, AnalyzedCommit, RepositoryReport } from '../core/domain/report.js';
import type { CommitGroup, CommitOrder, DaySection, Glance } from '../core/domain/triage.js';
import { daySections } from '../core/report/days.js';
import { computeGlance } from '../core/report/glance.js';
import { DEFAULT_BOT_PATTERNS, foldedShas, groupCommits } from '../core/report/groups.js';
import { orderCommits } from '../core/report/order.js';
import { commitMatcher, type CommitFilter } from './commitFilter.js';

export interface RepositoryTriage {
  glance: Glance;
  groups: CommitGroup[];
  days: DaySection[];
}

/**
 * The repository's glance, groups and days as the report holds them, computed when it has none (a report made before
 * they existed). The core's triageFieldsOf does the same, but its module reads git, which the webview bundle cannot.
 */
export function repositoryTriage(repo: RepositoryReport, report: Pick<Report, 'language' | 'window'>): RepositoryTriage {
  const groups = repo.groups ?? groupCommits(repo.commits, DEFAULT_BOT_PATTERNS);
  return {
    glance: repo.glance ?? computeGlance(repo.commits, report.language, foldedShas(groups)),
    groups,
    days: repo.days ?? daySections(repo.commits, report.window),
  };
}

export type TableRow =
  /** A day's heading in a range: its commits in all, and how many pass the filters. */
  | { kind: 'day'; day: string; commits: number; shown: number }
  /** A commit; `group` is the key of the open group it belongs to. */
  | { kind: 'commit'; commit: AnalyzedCommit; group?: string }
  /** A folded group: all its commits, those that pass the filters, and whether the reader opened it. */
  | { kind: 'group'; key: string; group: CommitGroup; commits: AnalyzedCommit[]; shown: AnalyzedCommit[]; open: boolean };

export interface TableOptions {
  order: CommitOrder;
  filter: CommitFilter;
  reviewed: ReadonlySet<string>;
  /** Keys (groupKey) of the groups the reader opened. */
  openGroups: ReadonlySet<string>;
  /** One section per day (a range report). */
  byDay: boolean;
}

export interface CommitTable {
  rows: TableRow[];
  /** The commits whose details are shown, in table order: the listed ones and those of open groups. */
  details: AnalyzedCommit[];
  /** Commits that pass the filters, folded or not. */
  matching: number;
  total: number;
}

/** A group's key, stable across refreshes of the same day: its repository, kind and bot. */
export function groupKey(repoIndex: number, group: Pick<CommitGroup, 'kind' | 'author'>): string {
  return `${repoIndex}:${group.kind}:${group.author}`;
}

export interface TableInput {
  repoIndex: number;
  commits: readonly AnalyzedCommit[];
  groups: readonly CommitGroup[];
  days: readonly DaySection[];
}

/** The table of one repository. */
export function commitTable(input: TableInput, options: TableOptions): CommitTable {
  const matches = commitMatcher(options.filter, options.reviewed);
  const bySha = new Map(input.commits.map((commit) => [commit.sha, commit]));
  const folded = new Set(input.groups.flatMap((group) => group.shas));
  const listed = (commits: readonly AnalyzedCommit[]): AnalyzedCommit[] =>
    orderCommits(commits.filter((commit) => !folded.has(commit.sha) && matches(commit)), options.order);
  const rows: TableRow[] = [];
  const details: AnalyzedCommit[] = [];
  const push = (commit: AnalyzedCommit, group?: string): void => {
    rows.push(group === undefined ? { kind: 'commit', commit } : { kind: 'commit', commit, group });
    details.push(commit);
  };

  if (options.byDay && input.days.length > 0) {
    for (const day of input.days) {
      const dayCommits = day.shas.map((sha) => bySha.get(sha)).filter((commit): commit is AnalyzedCommit => commit !== undefined);
      const shown = listed(dayCommits);
      if (shown.length === 0) continue;
      rows.push({ kind: 'day', day: day.day, commits: dayCommits.length, shown: dayCommits.filter(matches).length });
      for (const commit of shown) push(commit);
    }
  } else {
    for (const commit of listed(input.commits)) push(commit);
  }

  for (const group of input.groups) {
    const commits = group.shas.map((sha) => bySha.get(sha)).filter((commit): commit is AnalyzedCommit => commit !== undefined);
    const shown = commits.filter(matches);
    if (shown.length === 0) continue;
    const key = groupKey(input.repoIndex, group);
    const open = options.openGroups.has(key);
    rows.push({ kind: 'group', key, group, commits, shown, open });
    if (open) for (const commit of orderCommits(shown, options.order)) push(commit, key);
  }
  return { rows, details, matching: input.commits.filter(matches).length, total: input.commits.length };
}
