// The Commits view: a TreeDataProvider over treeNodes.ts nodes, one TreeItem subclass per node kind
// (following the tree-view sample: an EventEmitter to refresh, contextValue for menus).
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ChangeType, Importance } from '../../core/domain/analysis.js';
import type { Report } from '../../core/domain/report.js';
import { renderLabels } from '../../core/i18n/renderLabels.js';
import { collapseWhitespace } from '../../core/text.js';
import { uiTreeLabels } from '../i18n/treeLabels.js';
import { buildTree, type CommitNode, type DigestNode, type FileNode, type GroupNode, type MessageNode, type RepoNode } from './treeNodes.js';

const CHANGE_TYPE_ICONS: Record<ChangeType, string> = {
  feature: 'sparkle', fix: 'bug', perf: 'dashboard', refactor: 'symbol-structure', docs: 'book', test: 'beaker',
  ci: 'server-process', build: 'package', deps: 'library', chore: 'tools', style: 'symbol-color', revert: 'discard',
  security: 'shield', other: 'git-commit',
};

const IMPORTANCE_COLORS: Record<Importance, string> = {
  high: 'charts.red', medium: 'charts.yellow', low: 'charts.green',
};

export class RepoItem extends vscode.TreeItem {
  constructor(readonly node: RepoNode) {
    super(node.label, vscode.TreeItemCollapsibleState.Expanded);
    this.id = node.id;
    this.description = node.description;
    this.iconPath = new vscode.ThemeIcon(node.repo.error !== undefined ? 'error' : 'repo');
    this.tooltip = node.repo.path;
    this.contextValue = 'repo';
  }
}

export class GroupItem extends vscode.TreeItem {
  constructor(readonly node: GroupNode) {
    super(node.label, node.importance === 'low' ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.Expanded);
    this.id = node.id;
    this.contextValue = `group.${node.importance}`;
  }
}

/** Commit text is untrusted: it is appended as text (escaped), and the tooltip allows no commands or HTML. */
function commitTooltip(node: CommitNode, report: Report): vscode.MarkdownString {
  const { commit } = node;
  const labels = renderLabels(report.language);
  const tip = new vscode.MarkdownString('', false);
  tip.isTrusted = false;
  tip.supportHtml = false;
  tip.supportThemeIcons = false;
  tip.appendMarkdown('**');
  tip.appendText(collapseWhitespace(commit.subject) || vscode.l10n.t('(no subject)'));
  tip.appendMarkdown('**\n\n');
  tip.appendText(`${commit.shortSha} · ${commit.author.name} · ${node.time}`);
  tip.appendMarkdown('\n\n');
  tip.appendText(`${labels.importance[commit.analysis.importance]} · ${labels.changeType[commit.analysis.changeType]}`);
  if (commit.analysis.breaking) tip.appendText(` · ${labels.breaking}`);
  tip.appendMarkdown('\n\n');
  const summary = collapseWhitespace(commit.analysis.summary);
  if (summary !== '') {
    tip.appendText(summary);
    tip.appendMarkdown('\n\n');
  }
  if (commit.analysis.analyzer !== 'heuristic') {
    // Model output is data: appended as text like the commit's own words.
    const model = commit.analysis.model === undefined ? '' : ` ${commit.analysis.model}`;
    tip.appendText(`${labels.analysis}${labels.colon}${labels.analyzer[commit.analysis.analyzer]}${model}`);
    tip.appendMarkdown('\n\n');
  }
  if (commit.analysis.reasons.length > 0) {
    tip.appendText(`${labels.reasons}${labels.colon}`);
    tip.appendMarkdown('\n');
    for (const reason of commit.analysis.reasons) {
      tip.appendMarkdown('\n- ');
      tip.appendText(collapseWhitespace(reason));
    }
  }
  return tip;
}

export class CommitItem extends vscode.TreeItem {
  constructor(readonly node: CommitNode, report: Report) {
    super(node.label, node.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.description = node.description;
    this.iconPath = new vscode.ThemeIcon(CHANGE_TYPE_ICONS[node.changeType] ?? 'git-commit',
      new vscode.ThemeColor(IMPORTANCE_COLORS[node.commit.analysis.importance]));
    this.tooltip = commitTooltip(node, report);
    this.contextValue = node.commit.url !== undefined ? 'commit.remote' : 'commit';
    this.command = { command: 'dailyDigest.openCommitChanges', title: vscode.l10n.t('Open Commit Changes'), arguments: [node] };
    this.accessibilityInformation = { label: `${node.label}, ${node.description ?? ''}` };
  }
}

export class FileItem extends vscode.TreeItem {
  constructor(readonly node: FileNode) {
    super(node.label, vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.description = node.description;
    // A file URI only picks the file icon from the theme; nothing is read from the working tree.
    this.resourceUri = vscode.Uri.file(join(node.repo.path, node.file.path));
    this.iconPath = vscode.ThemeIcon.File;
    this.tooltip = node.file.oldPath !== undefined && node.file.oldPath !== node.file.path
      ? `${node.file.oldPath} → ${node.file.path}` : node.file.path;
    this.contextValue = `file.${node.file.status}`;
    this.command = { command: 'dailyDigest.openFileDiff', title: vscode.l10n.t('Open File Diff'), arguments: [node] };
  }
}

export class MessageItem extends vscode.TreeItem {
  constructor(readonly node: MessageNode) {
    super(node.label, vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.tooltip = node.label;
    this.iconPath = new vscode.ThemeIcon(node.severity === 'error' ? 'error' : 'warning',
      new vscode.ThemeColor(node.severity === 'error' ? 'list.errorForeground' : 'list.warningForeground'));
    this.contextValue = `message.${node.severity}`;
  }
}

export type DigestItem = RepoItem | GroupItem | CommitItem | FileItem | MessageItem;

export class CommitsTreeProvider implements vscode.TreeDataProvider<DigestNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DigestNode | DigestNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: DigestNode[] = [];
  private parents = new Map<DigestNode, DigestNode>();
  private report: Report | undefined;

  /** Rebuilds the tree from a report (undefined: empty, so the view shows its welcome content). */
  setReport(report: Report | undefined): void {
    this.report = report;
    this.roots = buildTree(report, uiTreeLabels());
    this.parents = new Map();
    const walk = (node: DigestNode): void => {
      for (const child of childrenOf(node)) {
        this.parents.set(child, node);
        walk(child);
      }
    };
    this.roots.forEach(walk);
    this.changed.fire(undefined);
  }

  getTreeItem(node: DigestNode): DigestItem {
    switch (node.kind) {
      case 'repo': return new RepoItem(node);
      case 'group': return new GroupItem(node);
      case 'commit': return new CommitItem(node, this.report as Report);
      case 'file': return new FileItem(node);
      case 'message': return new MessageItem(node);
    }
  }

  getChildren(node?: DigestNode): DigestNode[] {
    if (!vscode.workspace.isTrusted) return [];
    return node === undefined ? this.roots : childrenOf(node);
  }

  getParent(node: DigestNode): DigestNode | undefined {
    return this.parents.get(node);
  }

  /** Every commit node, in tree order. */
  commitNodes(): CommitNode[] {
    const out: CommitNode[] = [];
    const walk = (node: DigestNode): void => {
      if (node.kind === 'commit') out.push(node);
      else childrenOf(node).forEach(walk);
    };
    this.roots.forEach(walk);
    return out;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /**
   * Shows new analyses of some commits of the shown report (the commits are new objects): an item whose importance
   * stayed is updated in place and refreshed alone; when a commit moved to another group, the tree is rebuilt (the
   * ids are stable, so expanded items stay expanded).
   */
  updateCommits(report: Report, changes: readonly { repoIndex: number; commitIndex: number; moved: boolean }[]): void {
    if (report !== this.report || changes.some((change) => change.moved)) {
      this.setReport(report);
      return;
    }
    const byId = new Map(this.commitNodes().map((node) => [node.id, node]));
    const changed: CommitNode[] = [];
    for (const { repoIndex, commitIndex } of changes) {
      const commit = report.repositories[repoIndex]?.commits[commitIndex];
      const node = commit === undefined ? undefined : byId.get(`r${repoIndex}/${commit.sha}`);
      if (commit === undefined || node === undefined) {
        this.setReport(report);
        return;
      }
      node.commit = commit;
      node.changeType = commit.analysis.changeType;
      node.children.forEach((child) => {
        child.commit = commit;
      });
      changed.push(node);
    }
    if (changed.length > 0) this.changed.fire(changed);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function childrenOf(node: DigestNode): DigestNode[] {
  switch (node.kind) {
    case 'repo':
    case 'group':
    case 'commit':
      return node.children;
    default:
      return [];
  }
}
