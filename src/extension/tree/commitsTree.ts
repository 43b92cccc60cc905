// The Commits view: a TreeDataProvider over the nodes of treeNodes.ts, labelled in the shown report's language, with
// the triage state (commits marked reviewed) read through `isReviewed`.
import * as vscode from 'vscode';
import type { Report } from '../../core/domain/report.js';
import { treeWords } from '../i18n/treeWords.js';
import { uiLanguage } from '../settings.js';
import { treeItemOf, type DigestItem } from './treeItems.js';
import { buildTree, childrenOf, type CommitNode, type DigestNode } from './treeNodes.js';

export { childrenOf } from './treeNodes.js';

export class CommitsTreeProvider implements vscode.TreeDataProvider<DigestNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DigestNode | DigestNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: DigestNode[] = [];
  private parents = new Map<DigestNode, DigestNode>();
  private report: Report | undefined;

  constructor(private readonly isReviewed: (repoPath: string, sha: string) => boolean = () => false) {}

  get shownReport(): Report | undefined {
    return this.report;
  }

  /** Rebuilds the tree from a report (undefined: empty, so the view shows its welcome content). */
  setReport(report: Report | undefined): void {
    this.report = report;
    this.roots = buildTree(report, { words: treeWords(report?.language ?? uiLanguage()), isReviewed: this.isReviewed });
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

  /** Relabels the tree after marks changed (the ids stay, so expanded nodes stay expanded). */
  rebuild(): void {
    this.setReport(this.report);
  }

  getTreeItem(node: DigestNode): DigestItem {
    return treeItemOf(node, this.report);
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
   * stayed is updated in place and refreshed alone; otherwise the tree is rebuilt (the ids are stable, so expanded
   * items stay expanded).
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
        if (child.kind !== 'info') child.commit = commit;
      });
      changed.push(node);
    }
    if (changed.length > 0) this.changed.fire(changed);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
