// The Commits tree as plain data: one interface per kind of node. Pure (no vscode): treeNodes.ts builds them from a
// Report, commitsTree.ts turns them into TreeItems, and the unit tests check them directly.
import type { ChangeType, Importance } from '../../core/domain/analysis.js';
import type { FileChange } from '../../core/domain/commit.js';
import type { AnalyzedCommit, RepositoryReport } from '../../core/domain/report.js';
import type { CommitGroup } from '../../core/domain/triage.js';
import type { FactLink } from '../../shared/factLinks.js';

interface NodeBase {
  /** Stable TreeItem id: the same thing keeps its id across rebuilds, so expanded nodes stay expanded. */
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

/** The day at a glance of one repository: its lines are the children. */
export interface GlanceNode extends NodeBase {
  kind: 'glance';
  repoIndex: number;
  children: InfoNode[];
}

/** A line of text: a glance line, a fact count. A headline line names a commit, which a click opens. */
export interface InfoNode extends NodeBase {
  kind: 'info';
  /** Codicon id. */
  icon: string;
  /** Shown on hover: the whole line when the tree cuts it. */
  tooltip?: string;
  target?: { repo: RepositoryReport; commit: AnalyzedCommit };
}

/** The commits of one importance (of the repository, or of one day of a range). */
export interface GroupNode extends NodeBase {
  kind: 'group';
  repoIndex: number;
  importance: Importance;
  count: number;
  unread: number;
  children: CommitNode[];
}

/** Commits folded into one line: a bot's, or people's dependency bumps. Collapsed until clicked. */
export interface FoldNode extends NodeBase {
  kind: 'fold';
  repoIndex: number;
  group: CommitGroup;
  unread: number;
  children: CommitNode[];
}

/** One day of a range report. */
export interface DayNode extends NodeBase {
  kind: 'day';
  repoIndex: number;
  day: string;
  unread: number;
  children: DigestNode[];
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
  reviewed: boolean;
  children: (FileNode | FactNode | InfoNode)[];
}

export interface FileNode extends NodeBase {
  kind: 'file';
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  file: FileChange;
  /** Directory part of the path, for the description. */
  folder: string;
}

/** Something the analysis found in the code ("+ PrometheusExporter (class)"); a click opens the diff at its line. */
export interface FactNode extends NodeBase {
  kind: 'fact';
  repo: RepositoryReport;
  commit: AnalyzedCommit;
  link: FactLink;
  /** The commit's file the fact is in; undefined when the commit lists no such file (then nothing opens). */
  file?: FileChange;
}

export interface MessageNode extends NodeBase {
  kind: 'message';
  severity: 'error' | 'warning';
}

/** A button in the tree: runs `command` with `args` (e.g. open the last day with commits). */
export interface ActionNode extends NodeBase {
  kind: 'action';
  icon: string;
  command: string;
  args: unknown[];
}

export type DigestNode =
  | RepoNode | GlanceNode | InfoNode | GroupNode | FoldNode | DayNode | CommitNode | FileNode | FactNode | MessageNode
  | ActionNode;

export function childrenOf(node: DigestNode): DigestNode[] {
  switch (node.kind) {
    case 'repo':
    case 'glance':
    case 'group':
    case 'fold':
    case 'day':
    case 'commit':
      return node.children;
    default:
      return [];
  }
}

/** Every commit node under `node` (a commit is its own), in tree order. */
export function commitsUnder(node: DigestNode): CommitNode[] {
  if (node.kind === 'commit') return [node];
  return childrenOf(node).flatMap(commitsUnder);
}
