// One TreeItem class per kind of node of the Commits view (following the tree-view sample: contextValue for menus,
// a command for the click). Commit text is untrusted: it only ever reaches the UI as text.
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ChangeType, Importance } from '../../core/domain/analysis.js';
import type { Report } from '../../core/domain/report.js';
import { renderLabels } from '../../core/i18n/renderLabels.js';
import { collapseWhitespace } from '../../core/text.js';
import type { LinkedFactKind } from '../../shared/factLinks.js';
import type {
  ActionNode, CommitNode, DayNode, DigestNode, FactNode, FileNode, FoldNode, GlanceNode, GroupNode, InfoNode, MessageNode,
  RepoNode,
} from './nodeTypes.js';

const CHANGE_TYPE_ICONS: Record<ChangeType, string> = {
  feature: 'sparkle', fix: 'bug', perf: 'dashboard', refactor: 'symbol-structure', docs: 'book', test: 'beaker',
  ci: 'server-process', build: 'package', deps: 'library', chore: 'tools', style: 'symbol-color', revert: 'discard',
  security: 'shield', other: 'git-commit',
};

const IMPORTANCE_COLORS: Record<Importance, string> = {
  high: 'charts.red', medium: 'charts.yellow', low: 'charts.green',
};

const FACT_ICONS: Record<LinkedFactKind, string> = {
  definition: 'symbol-class', flag: 'symbol-key', env: 'symbol-variable', config: 'settings', default: 'symbol-constant',
  route: 'globe', format: 'file-binary', dependency: 'package',
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

export class GlanceItem extends vscode.TreeItem {
  constructor(readonly node: GlanceNode) {
    super(node.label, vscode.TreeItemCollapsibleState.Expanded);
    this.id = node.id;
    this.description = node.description;
    this.iconPath = new vscode.ThemeIcon('telescope');
    this.contextValue = 'glance';
  }
}

export class InfoItem extends vscode.TreeItem {
  constructor(readonly node: InfoNode) {
    super(node.label, vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.description = node.description;
    this.tooltip = node.tooltip;
    this.iconPath = new vscode.ThemeIcon(node.icon);
    this.contextValue = node.target === undefined ? 'info' : 'headline';
    if (node.target !== undefined) {
      this.command = {
        command: 'dailyDigest.openCommitChanges', title: vscode.l10n.t('Open Commit Changes'),
        arguments: [node],
      };
    }
  }
}

/** An importance group, a day or a folded group: `unread` commits of it are not reviewed yet. */
export class GroupItem extends vscode.TreeItem {
  constructor(readonly node: GroupNode | DayNode | FoldNode) {
    const collapsed = node.kind === 'fold' || (node.kind === 'group' && node.importance === 'low');
    super(node.label, collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
    this.id = node.id;
    this.description = node.description;
    const state = node.unread > 0 ? 'unread' : 'reviewed';
    if (node.kind === 'group') this.contextValue = `group.${node.importance}.${state}`;
    else this.contextValue = `${node.kind}.${state}`;
    if (node.kind === 'fold') this.iconPath = new vscode.ThemeIcon(node.group.kind === 'bot' ? 'robot' : 'package');
    if (node.kind === 'day') this.iconPath = new vscode.ThemeIcon('calendar');
    this.tooltip = node.label;
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

/**
 * `commit` then what the menus test: `.remote` (a web page), `.pr` (a pull request page), `.unread` or `.reviewed`.
 */
export function commitContextValue(node: CommitNode): string {
  const flags = ['commit'];
  if (node.commit.url !== undefined || node.repo.webUrl !== undefined) flags.push('remote');
  if (node.commit.prNumber !== undefined && node.repo.webUrl !== undefined) flags.push('pr');
  flags.push(node.reviewed ? 'reviewed' : 'unread');
  return flags.join('.');
}

export class CommitItem extends vscode.TreeItem {
  constructor(readonly node: CommitNode, report: Report) {
    super(node.label, node.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.description = node.description;
    const color = new vscode.ThemeColor(node.reviewed ? 'disabledForeground' : IMPORTANCE_COLORS[node.commit.analysis.importance]);
    this.iconPath = new vscode.ThemeIcon(node.reviewed ? 'check' : CHANGE_TYPE_ICONS[node.changeType] ?? 'git-commit', color);
    this.tooltip = commitTooltip(node, report);
    this.contextValue = commitContextValue(node);
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
    this.contextValue = node.repo.webUrl !== undefined ? `file.${node.file.status}.remote` : `file.${node.file.status}`;
    this.command = { command: 'dailyDigest.openFileDiff', title: vscode.l10n.t('Open File Diff'), arguments: [node] };
  }
}

export class FactItem extends vscode.TreeItem {
  constructor(readonly node: FactNode) {
    super(node.label, vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.description = node.description;
    this.tooltip = `${node.label}\n${node.description ?? ''}`;
    this.iconPath = new vscode.ThemeIcon(FACT_ICONS[node.link.kind],
      new vscode.ThemeColor(node.link.sign === '+' ? 'gitDecoration.addedResourceForeground'
        : node.link.sign === '−' ? 'gitDecoration.deletedResourceForeground' : 'gitDecoration.modifiedResourceForeground'));
    this.contextValue = `fact.${node.link.kind}`;
    if (node.file !== undefined) {
      this.command = { command: 'dailyDigest.openFact', title: vscode.l10n.t('Open the Diff at This Line'), arguments: [node] };
    }
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

export class ActionItem extends vscode.TreeItem {
  constructor(readonly node: ActionNode) {
    super(node.label, vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    this.iconPath = new vscode.ThemeIcon(node.icon);
    this.contextValue = 'action';
    this.command = { command: node.command, title: node.label, arguments: node.args };
  }
}

export type DigestItem = RepoItem | GlanceItem | InfoItem | GroupItem | CommitItem | FileItem | FactItem | MessageItem | ActionItem;

export function treeItemOf(node: DigestNode, report: Report | undefined): DigestItem {
  switch (node.kind) {
    case 'repo': return new RepoItem(node);
    case 'glance': return new GlanceItem(node);
    case 'info': return new InfoItem(node);
    case 'group':
    case 'day':
    case 'fold': return new GroupItem(node);
    case 'commit': return new CommitItem(node, report as Report);
    case 'file': return new FileItem(node);
    case 'fact': return new FactItem(node);
    case 'message': return new MessageItem(node);
    case 'action': return new ActionItem(node);
  }
}
