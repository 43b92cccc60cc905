// The Commits tree built from a Report. Per repository: its error or warnings, the day at a glance, the commits by
// importance (for a range, by day first), then the folded groups (bots, dependency bumps). An empty report shows
// the way to the last day with commits. Pure (no vscode): the TreeDataProvider (commitsTree.ts) turns the nodes
// into TreeItems, and unit tests check the shape directly.
import { IMPORTANCE_LEVELS, type Importance } from '../../core/domain/analysis.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../../core/domain/report.js';
import { foldedShas, triageFieldsOf } from '../../core/report/index.js';
import { printableLine } from '../../core/text.js';
import { indexReport } from '../../shared/reportIndex.js';
import type { TreeWords } from '../i18n/treeWords.js';
import { commitNode, type CommitContext } from './commitNodes.js';
import { foldKey, foldLabel, glanceNode } from './glanceNodes.js';
import type { CommitNode, DayNode, DigestNode, FoldNode, GroupNode, RepoNode } from './nodeTypes.js';

export * from './nodeTypes.js';
export { fileDescription } from './commitNodes.js';

/** The command the "last day with commits" button runs, with the day as its argument. */
export const OPEN_DAY_COMMAND = 'dailyDigest.openDay';

export interface TreeOptions {
  /** The words of the report's language. */
  words: TreeWords;
  /** Whether a commit is marked reviewed; nothing is when left out. */
  isReviewed?: (repoPath: string, sha: string) => boolean;
}

/** The words of a group's description: unread commits, or that all are reviewed. */
function unreadDescription(unread: number, words: TreeWords): string {
  return unread > 0 ? words.unread(unread) : words.allReviewed;
}

function importanceGroups(commits: AnalyzedCommit[], context: CommitContext, idPrefix: string): GroupNode[] {
  const byImportance = new Map<Importance, CommitNode[]>();
  for (const commit of commits) {
    const list = byImportance.get(commit.analysis.importance) ?? [];
    list.push(commitNode(commit, context, `r${context.repoIndex}`));
    byImportance.set(commit.analysis.importance, list);
  }
  const groups: GroupNode[] = [];
  for (const importance of IMPORTANCE_LEVELS) {
    const children = byImportance.get(importance);
    if (children === undefined || children.length === 0) continue;
    const unread = children.filter((node) => !node.reviewed).length;
    groups.push({
      kind: 'group', id: `${idPrefix}/${importance}`, label: context.words.group(importance, children.length),
      description: unreadDescription(unread, context.words),
      repoIndex: context.repoIndex, importance, count: children.length, unread, children,
    });
  }
  return groups;
}

function repoChildren(report: Report, repo: RepositoryReport, repoIndex: number, context: CommitContext): DigestNode[] {
  const { words } = context;
  const nodes: DigestNode[] = [];
  if (repo.error !== undefined) {
    nodes.push({ kind: 'message', id: `r${repoIndex}/error`, label: printableLine(repo.error), severity: 'error' });
    return nodes;
  }
  repo.warnings.forEach((warning, i) => {
    nodes.push({ kind: 'message', id: `r${repoIndex}/warning${i}`, label: printableLine(warning), severity: 'warning' });
  });
  if (repo.commits.length === 0) return nodes;
  const { glance, groups, days } = triageFieldsOf(repo, { language: report.language, window: report.window });
  nodes.push(glanceNode(repo, repoIndex, glance, words, report.language));
  const folded = foldedShas(groups);
  const shown = repo.commits.filter((commit) => !folded.has(commit.sha));
  if (report.window.label.includes('..') && days.length > 0) {
    const bySha = new Map(shown.map((commit) => [commit.sha, commit]));
    for (const section of days) {
      const commits = section.shas.flatMap((sha) => bySha.get(sha) ?? []);
      if (commits.length === 0) continue;
      const children = importanceGroups(commits, context, `r${repoIndex}/d${section.day}`);
      const unread = children.reduce((sum, group) => sum + group.unread, 0);
      const weekday = new Date(`${section.day}T12:00:00Z`).getUTCDay();
      const day: DayNode = {
        kind: 'day', id: `r${repoIndex}/d${section.day}`, label: words.day(section.day, weekday, commits.length),
        description: unreadDescription(unread, words), repoIndex, day: section.day, unread, children,
      };
      nodes.push(day);
    }
  } else {
    nodes.push(...importanceGroups(shown, context, `r${repoIndex}`));
  }
  const bySha = new Map(repo.commits.map((commit) => [commit.sha, commit]));
  for (const group of groups) {
    const children = group.shas.flatMap((sha) => {
      const commit = bySha.get(sha);
      return commit === undefined ? [] : [commitNode(commit, context, `r${repoIndex}`)];
    });
    const unread = children.filter((node) => !node.reviewed).length;
    const fold: FoldNode = {
      kind: 'fold', id: `r${repoIndex}/fold/${foldKey(group)}`, label: foldLabel(group, words),
      description: unreadDescription(unread, words), repoIndex, group, unread, children,
    };
    nodes.push(fold);
  }
  return nodes;
}

/** The newest `lastCommitDay` of the report's repositories: the day an empty report points to. */
export function lastActiveDay(report: Report): string | undefined {
  const days = report.repositories.flatMap((repo) => (repo.lastCommitDay === undefined ? [] : [repo.lastCommitDay]));
  return days.sort().at(-1);
}

/**
 * Top-level nodes: with one repository its nodes, with several one node per repository. An empty report gives the
 * way to the last day with commits, when git told it; else nothing (the view then shows its welcome content).
 */
export function buildTree(report: Report | undefined, options: TreeOptions): DigestNode[] {
  if (report === undefined) return [];
  const { words } = options;
  if (isEmptyReport(report)) {
    const day = lastActiveDay(report);
    if (day === undefined) return [];
    // The view's message says that the day is empty; this is the way out of it.
    return [{ kind: 'action', id: 'empty/last', label: words.openLastActiveDay(day), icon: 'history', command: OPEN_DAY_COMMAND, args: [day] }];
  }
  const index = indexReport(report);
  const anchors = new Map(index.commits.map((entry) => [entry.commit, entry.anchor]));
  const isReviewed = options.isReviewed ?? (() => false);
  const contextOf = (repo: RepositoryReport, repoIndex: number): CommitContext =>
    ({ report, repo, repoIndex, words, anchors, isReviewed });
  const repos = report.repositories;
  if (repos.length === 1) {
    const [repo] = repos;
    return repo === undefined ? [] : repoChildren(report, repo, 0, contextOf(repo, 0));
  }
  return repos.map((repo, repoIndex): RepoNode => ({
    kind: 'repo',
    id: `r${repoIndex}`,
    label: printableLine(repo.name),
    description: repo.error !== undefined ? undefined : words.repoSummary(repo.stats.commits, repo.stats.high),
    repoIndex, repo,
    children: repoChildren(report, repo, repoIndex, contextOf(repo, repoIndex)),
  }));
}

/** An empty day's message, "No commits on 2026-12-06. The last commit was on 2026-08-21.", or undefined. */
export function emptyDayMessage(report: Report, words: TreeWords): string | undefined {
  if (!isEmptyReport(report)) return undefined;
  const day = lastActiveDay(report);
  return day === undefined ? words.noCommitsOn(report.window.label) : words.emptyDay(report.window.label, day);
}

/** True when the report has no commit in any repository and no repository failed. */
export function isEmptyReport(report: Report): boolean {
  return report.repositories.every((repo) => repo.error === undefined && repo.commits.length === 0);
}
