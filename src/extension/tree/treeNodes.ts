// The Commits tree as plain data, built from a Report. Pure (no vscode): the TreeDataProvider (commitsTree.ts)
// turns these nodes into TreeItems, and unit tests check the shape directly.
import type { ChangeType, Importance } from '../../core/domain/analysis.js';
import { IMPORTANCE_LEVELS } from '../../core/domain/analysis.js';
import type { FileChange } from '../../core/domain/commit.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../../core/domain/report.js';
import { printableLine } from '../../core/text.js';
import { formatCommitTime } from '../../core/time/format.js';
import { indexReport } from '../../shared/reportIndex.js';

/** The words the tree needs, in the UI language (vscode.l10n in the extension, plain English in tests). */
export interface TreeLabels {
  /** "🔴 High (6)" */
  group(importance: Importance, count: number): string;
  /** Description of a repository node: "14 commits · 6 high". */
  repoSummary(commits: number, high: number): string;
  noSubject: string;
  binary: string;
  /** Appended to the description of a commit whose files could not be read (missing objects). */
  filesUnreadable: string;
}

interface NodeBase {
  /** Stable TreeItem id. */
  id: string;
  label: string;
  description?: string;
}

export interface RepoNode extends NodeBase {
  kind: 'repo';
  repoIndex: number;
  repo: RepositoryReport;
  children: DigestNode[];
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  repoIndex: number;
  importance: Importance;
  count: number;
  children: CommitNode[];
}

export interface CommitNode extends NodeBase {
  kind: 'commit';
  repoIndex: number;
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  changeType: ChangeType;
  anchor: string;
  /** The commit's time as the description shows it. */
  time: string;
  children: FileNode[];
}

export interface FileNode extends NodeBase {
  kind: 'file';
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  file: FileChange;
  /** Directory part of the path, for the description. */
  folder: string;
}

export interface MessageNode extends NodeBase {
  kind: 'message';
  severity: 'error' | 'warning';
}

export type DigestNode = RepoNode | GroupNode | CommitNode | FileNode | MessageNode;

function splitPath(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash) };
}

/** "M +3 −1", "R", "A binary". */
export function fileDescription(file: FileChange, labels: TreeLabels): string {
  const counts = file.binary ? labels.binary : `+${file.additions} −${file.deletions}`;
  return `${file.status} ${counts}`;
}

function fileNode(repo: RepositoryReport, commit: AnalyzedCommit, file: FileChange, parentId: string, labels: TreeLabels): FileNode {
  const { name, folder } = splitPath(file.path);
  const renamed = file.oldPath !== undefined && file.oldPath !== file.path;
  const where = renamed ? `${file.oldPath} → ${file.path}` : folder;
  return {
    kind: 'file',
    id: `${parentId}/${file.path}`,
    label: name,
    description: where === '' ? fileDescription(file, labels) : `${fileDescription(file, labels)} · ${where}`,
    repo, commit, file, folder,
  };
}

function commitNodes(report: Report, repo: RepositoryReport, repoIndex: number, anchors: Map<AnalyzedCommit, string>,
  labels: TreeLabels): Map<Importance, CommitNode[]> {
  const isRange = report.window.label.includes('..');
  const groups = new Map<Importance, CommitNode[]>();
  for (const commit of repo.commits) {
    const person = report.window.dateField === 'author' ? commit.author : commit.committer;
    const id = `r${repoIndex}/${commit.sha}`;
    const subject = printableLine(commit.subject);
    const time = formatCommitTime(person.date, report.window.timeZone, isRange);
    const parts = [commit.shortSha, printableLine(commit.author.name), time];
    // Without this a commit whose files could not be read would look like one that changed nothing.
    if (commit.unreadable !== undefined) parts.push(labels.filesUnreadable);
    const node: CommitNode = {
      kind: 'commit',
      id,
      label: subject === '' ? labels.noSubject : subject,
      description: parts.join(' · '),
      repoIndex, repo, commit,
      changeType: commit.analysis.changeType,
      anchor: anchors.get(commit) ?? '',
      time,
      children: commit.files.map((file) => fileNode(repo, commit, file, id, labels)),
    };
    const list = groups.get(commit.analysis.importance) ?? [];
    list.push(node);
    groups.set(commit.analysis.importance, list);
  }
  return groups;
}

function repoChildren(report: Report, repo: RepositoryReport, repoIndex: number, anchors: Map<AnalyzedCommit, string>,
  labels: TreeLabels): DigestNode[] {
  const nodes: DigestNode[] = [];
  if (repo.error !== undefined) {
    nodes.push({ kind: 'message', id: `r${repoIndex}/error`, label: printableLine(repo.error), severity: 'error' });
    return nodes;
  }
  repo.warnings.forEach((warning, i) => {
    nodes.push({ kind: 'message', id: `r${repoIndex}/warning${i}`, label: printableLine(warning), severity: 'warning' });
  });
  const groups = commitNodes(report, repo, repoIndex, anchors, labels);
  for (const importance of IMPORTANCE_LEVELS) {
    const commits = groups.get(importance);
    if (commits === undefined || commits.length === 0) continue;
    nodes.push({
      kind: 'group', id: `r${repoIndex}/${importance}`, label: labels.group(importance, commits.length),
      repoIndex, importance, count: commits.length, children: commits,
    });
  }
  return nodes;
}

/**
 * Top-level nodes: with one repository its importance groups (and any error or warning), with several one node per
 * repository. An empty array means "nothing to show" (the view then shows its welcome content).
 */
export function buildTree(report: Report | undefined, labels: TreeLabels): DigestNode[] {
  if (report === undefined) return [];
  const index = indexReport(report);
  const anchors = new Map(index.commits.map((entry) => [entry.commit, entry.anchor]));
  const repos = report.repositories;
  if (repos.length === 1) {
    const [repo] = repos;
    return repo === undefined ? [] : repoChildren(report, repo, 0, anchors, labels);
  }
  return repos.map((repo, repoIndex): RepoNode => ({
    kind: 'repo',
    id: `r${repoIndex}`,
    label: repo.name,
    description: repo.error !== undefined ? undefined : labels.repoSummary(repo.stats.commits, repo.stats.high),
    repoIndex, repo,
    children: repoChildren(report, repo, repoIndex, anchors, labels),
  }));
}

/** True when the report has no commit in any repository and no repository failed. */
export function isEmptyReport(report: Report): boolean {
  return report.repositories.every((repo) => repo.error === undefined && repo.commits.length === 0);
}
