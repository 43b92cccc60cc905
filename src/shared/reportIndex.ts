// Looks commits and files up in a report, and gives each commit the same anchor id the Markdown renderer gives it.
// Pure (no vscode): used by the extension, the webview bundle and the unit tests.
import type { FileChange } from '../core/domain/commit.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../core/domain/report.js';
import { createAnchorAllocator } from '../core/render/anchors.js';

export interface IndexedCommit {
  repoIndex: number;
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  /** The `<a id>` the Markdown renderer wrote before this commit's heading. */
  anchor: string;
}

export interface ReportIndex {
  commits: IndexedCommit[];
  byAnchor: Map<string, IndexedCommit>;
}

/** Same allocation order as renderMarkdown: repositories in order, each repository's commits in order. */
export function indexReport(report: Report): ReportIndex {
  const allocate = createAnchorAllocator();
  const commits: IndexedCommit[] = [];
  report.repositories.forEach((repo, repoIndex) => {
    if (repo.error !== undefined) return;
    for (const commit of repo.commits) commits.push({ repoIndex, repo, commit, anchor: allocate(commit) });
  });
  return { commits, byAnchor: new Map(commits.map((entry) => [entry.anchor, entry])) };
}

export const SHA_PATTERN = /^[0-9a-f]{4,64}$/;

/**
 * The commit a SHA (full, short, or a prefix of at least 7 digits) names in the report, optionally within one
 * repository. Undefined when nothing matches, or when the prefix names two different commits.
 */
export function findCommit(index: ReportIndex, sha: string, repoIndex?: number): IndexedCommit | undefined {
  const wanted = sha.toLowerCase();
  if (!SHA_PATTERN.test(wanted)) return undefined;
  const matches = index.commits.filter((entry) =>
    (repoIndex === undefined || entry.repoIndex === repoIndex) &&
    (entry.commit.sha.toLowerCase() === wanted || entry.commit.shortSha.toLowerCase() === wanted ||
      (wanted.length >= 7 && entry.commit.sha.toLowerCase().startsWith(wanted))));
  const first = matches[0];
  if (first === undefined) return undefined;
  return matches.every((entry) => entry.commit.sha === first.commit.sha) ? first : undefined;
}

/** The file of a commit with this path (new path, or old path of a rename/copy). */
export function findFile(commit: AnalyzedCommit, path: string): FileChange | undefined {
  return commit.files.find((file) => file.path === path) ?? commit.files.find((file) => file.oldPath === path);
}
