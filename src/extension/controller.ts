// The extension's state and report generation: the current report and the open day, generation with progress and
// cancellation, and the Commits view's state. The other concerns are parts it holds: the triage state (triage/),
// the view's badge and message, the status bar, the report panel and its webview bridge (panel/), export,
// auto-refresh and the notice of new high-importance commits (days/), settings that regenerate the shown report (a
// language switch relabels everything with no Refresh), the language-model analysis of the shown report
// (llm/reportUpdates.ts) and the messages to the user (notices.ts). Nothing runs at activation; git runs when the
// user asks for a report (or a report is shown and its refs move), never in Restricted Mode.
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { findGitRoot } from '../core/git/findGitRoot.js';
import type { PeriodSpec } from '../core/domain/options.js';
import type { AnalyzedCommit, Report } from '../core/domain/report.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { indexReport, type IndexedCommit, type ReportIndex } from '../shared/reportIndex.js';
import { AutoRefresh } from './autoRefresh.js';
import { NewCommitNotice } from './days/newCommitNotice.js';
import { openCommitChanges, openFileDiff } from './diffs/diffs.js';
import { LlmReportUpdates } from './llm/reportUpdates.js';
import { Notices } from './notices.js';
import { ReportPanelManager } from './panel/reportPanel.js';
import { WebviewBridge } from './panel/webviewBridge.js';
import { ReportExport } from './reportExport.js';
import { ReportRun, type ViewState } from './reportRun.js';
import { SECTION, readSettings } from './settings.js';
import { ReportStatusBar } from './statusBar.js';
import { TriageStore } from './triage/triageStore.js';
import { updateViewDecorations } from './triage/viewDecorations.js';
import { CommitsTreeProvider } from './tree/commitsTree.js';
import { isEmptyReport, type CommitNode, type DigestNode } from './tree/treeNodes.js';

export type { ViewState } from './reportRun.js';

const TODAY: PeriodSpec = { kind: 'day', day: 'today' };

/** Settings whose change makes a different report: the shown one is made again in the background. */
const REPORT_SETTINGS = ['language', 'timeZone', 'dateField', 'ref', 'merges', 'authors', 'excludeAuthors', 'paths',
  'rules', 'botPatterns', 'webUrl', 'webKind'];

/** What the extension opened last, for the tests. */
export type LastOpened =
  | { kind: 'changes' | 'diff'; repo: string; sha: string; path?: string }
  | { kind: 'fact'; repo: string; sha: string; path: string; line: number; side: 'old' | 'new' };

export class DigestController implements vscode.Disposable {
  readonly triage: TriageStore;
  readonly tree: CommitsTreeProvider;
  readonly treeView: vscode.TreeView<DigestNode>;
  readonly notices = new Notices();
  readonly bridge: WebviewBridge;
  readonly panel: ReportPanelManager;
  readonly export: ReportExport;
  readonly llm: LlmReportUpdates;
  private readonly run: ReportRun;
  private readonly autoRefresh: AutoRefresh;
  private readonly newCommits: NewCommitNotice;
  private readonly statusBar = new ReportStatusBar();
  private readonly disposables: vscode.Disposable[] = [];
  private report: Report | undefined;
  private index: ReportIndex | undefined;
  private markdown: string | undefined;
  /** The open day (or range): what Refresh, the previous and next day and auto-refresh start from. */
  private period: PeriodSpec = TODAY;
  /** The repositories of the shown report when they were given (tests); the workspace's otherwise. */
  private repos: string[] | undefined;
  private readonly knownRepos = new Set<string>();
  /** Test hook: what the extension opened last (a multi-file diff, a file's diff, a fact's line). */
  lastOpened: LastOpened | undefined;

  constructor(context: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {
    this.triage = new TriageStore(context.globalState);
    const isReviewed = (repoPath: string, sha: string): boolean => this.triage.isReviewed(repoPath, sha);
    this.tree = new CommitsTreeProvider(isReviewed);
    this.treeView = vscode.window.createTreeView('dailyDigest.commits', {
      treeDataProvider: this.tree, showCollapseAll: true,
    });
    const currentReport = (): Report | undefined => this.report;
    this.run = new ReportRun({
      log, notices: this.notices,
      walkIndexDir: join(context.globalStorageUri.fsPath, 'walk-index'),
      analysisCacheDir: join(context.globalStorageUri.fsPath, 'analyses'),
      hasReport: () => this.report !== undefined,
      onStarted: () => {
        this.llm.runs.cancel();
        // The webview keeps the old report while a refresh runs; it shows a progress ring from the first message only.
        if (this.report === undefined) this.panel.update();
      },
      onFailed: () => this.panel.update(),
    });
    this.export = new ReportExport({ currentReport, markdownOf: (report) => this.markdownOf(report) });
    this.bridge = new WebviewBridge({
      log,
      currentReport,
      currentIndex: () => this.index,
      isGenerating: () => this.run.isRunning,
      restorePeriod: (period) => {
        this.period = period;
      },
      openPeriod: (period) => void this.showPeriod(period),
      triage: this.triage,
      updatePanel: () => this.panel.update(),
      refresh: () => void this.refresh(),
      exportReport: () => void this.export.exportReport(),
      copyMarkdown: () => this.export.copyMarkdown(),
      openCommit: (repoPath, commit) => this.openCommit(repoPath, commit),
      openFile: (repoPath, commit, path) => this.openFile(repoPath, commit, path),
    });
    this.panel = new ReportPanelManager(context.extensionUri, this.bridge);
    this.llm = new LlmReportUpdates(context, log, this.notices, {
      currentReport,
      showChanges: (report, changes) => {
        this.index = indexReport(report);
        this.markdown = undefined;
        this.tree.updateCommits(report, changes);
        this.statusBar.update(this.report);
        this.panel.update();
      },
    });
    this.newCommits = new NewCommitNotice(this.notices, {
      reveal: (repoPath, commit) => this.revealCommit(repoPath, commit),
      openCommit: (repoPath, commit) => this.openCommit(repoPath, commit),
    });
    this.autoRefresh = new AutoRefresh({
      log,
      currentReport,
      onScreen: () => this.report !== undefined && (this.panel.isVisible || this.treeView.visible),
      busy: () => this.run.isRunning,
      refsMoved: () => this.newCommits.refsMoved(this.report),
      refresh: () => void this.refresh(false),
    });
    this.disposables.push(
      this.triage, this.tree, this.treeView, this.panel, this.statusBar, this.llm, this.autoRefresh, this.run,
      this.treeView.onDidChangeSelection((event) => this.onTreeSelection(event.selection)),
      this.triage.onDidChange(() => this.onTriageChanged()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.run.state === 'restricted') void this.run.setState('none');
        this.tree.refresh();
        this.autoRefresh.update();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (REPORT_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) this.onReportSettingsChanged();
      }),
    );
    void this.run.setState(vscode.workspace.isTrusted ? 'none' : 'restricted');
  }

  get currentReport(): Report | undefined {
    return this.report;
  }

  get currentState(): ViewState {
    return this.run.state;
  }

  get openPeriod(): PeriodSpec {
    return this.period;
  }

  /** Git roots of the workspace folders (found on disk, without running git). */
  workspaceRepos(): string[] {
    const roots = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = findGitRoot(folder.uri.fsPath);
      if (root !== undefined) roots.add(root);
    }
    return [...roots];
  }

  /** Repositories whose objects the diff documents may read: reported ones and the workspace's own. */
  isAllowedRepo(repo: string): boolean {
    const wanted = resolve(repo);
    return this.knownRepos.has(wanted) || this.workspaceRepos().some((root) => resolve(root) === wanted);
  }

  /**
   * Generates a report for `period` (default: the open day, at first today) and shows it. `interactive` shows a
   * cancellable notification; a background run shows in the status bar. `repos` overrides the workspace's (tests).
   */
  async generate(period: PeriodSpec = this.period, options: { interactive?: boolean; repos?: string[] } = {}):
    Promise<Report | undefined> {
    const repos = options.repos ?? this.workspaceRepos();
    repos.forEach((repo) => this.knownRepos.add(resolve(repo)));
    const report = await this.run.generate(period, repos, options.interactive ?? true);
    if (report === undefined) return undefined;
    this.period = period;
    this.repos = options.repos;
    await this.setReport(report);
    this.newCommits.shown(report, readSettings().notifyNewHighImportance);
    this.llm.afterGeneration(report, options.interactive ?? true);
    return report;
  }

  /** Another day (or range) of the shown report's repositories: the previous or next day, a day the report names. */
  showPeriod(period: PeriodSpec): Promise<Report | undefined> {
    return this.generate(period, this.repos === undefined ? {} : { repos: this.repos });
  }

  /** The shown report made again: the open day, of the same repositories. */
  refresh(interactive = true): Promise<Report | undefined> {
    return this.generate(this.period, { interactive, ...(this.repos === undefined ? {} : { repos: this.repos }) });
  }

  /** The repository's refs moved (a fetch, a pull, a commit): the open day again, and a notice of new high commits. */
  refreshAfterRefsMoved(): Promise<Report | undefined> {
    this.newCommits.refsMoved(this.report);
    return this.refresh(false);
  }

  /** Stops the generation under way, if any (the engine kills its git processes), and the model analysis. */
  cancel(): void {
    this.run.cancel();
    this.llm.runs.cancel();
  }

  private onReportSettingsChanged(): void {
    const report = this.report;
    if (report === undefined || !vscode.workspace.isTrusted) return;
    const language = readSettings().options.language;
    if (language !== report.language) this.bridge.languageChanged(language);
    this.log.info('Settings changed: making the shown report again.');
    void this.refresh(false);
  }

  private onTriageChanged(): void {
    this.tree.rebuild();
    updateViewDecorations(this.treeView, this.report, (repoPath, sha) => this.triage.isReviewed(repoPath, sha));
    this.bridge.triageChanged();
  }

  private async setReport(report: Report): Promise<void> {
    this.report = report;
    this.llm.reset(report);
    this.index = indexReport(report);
    this.markdown = undefined;
    report.repositories.forEach((repo) => this.knownRepos.add(resolve(repo.path)));
    this.tree.setReport(report);
    updateViewDecorations(this.treeView, report, (repoPath, sha) => this.triage.isReviewed(repoPath, sha));
    await this.run.setState(isEmptyReport(report) ? 'empty' : 'ready');
    await vscode.commands.executeCommand('setContext', 'dailyDigest.hasReport', true);
    await vscode.commands.executeCommand('setContext', 'dailyDigest.hasNextDay', this.run.hasNextDay(report));
    this.statusBar.update(this.report);
    this.panel.update();
    this.autoRefresh.update();
  }

  markdownOf(report: Report): string {
    if (report === this.report) {
      this.markdown ??= renderMarkdown(report);
      return this.markdown;
    }
    return renderMarkdown(report);
  }

  openReport(): void {
    this.panel.show(true);
  }

  revealInReport(node: CommitNode | IndexedCommit): void {
    this.panel.show(true);
    if (node.anchor !== '') this.panel.reveal(node.anchor);
  }

  /** Selects a commit in the Commits view, opening the groups above it. */
  async revealCommit(repoPath: string, commit: AnalyzedCommit): Promise<void> {
    const node = this.tree.commitNodes().find((candidate) => candidate.commit.sha === commit.sha &&
      resolve(candidate.repo.path) === resolve(repoPath));
    if (node !== undefined) await this.treeView.reveal(node, { select: true, focus: false, expand: false });
  }

  private onTreeSelection(selection: readonly DigestNode[]): void {
    const node = selection[0];
    if (node === undefined || !this.panel.isOpen) return;
    const anchor = node.kind === 'commit' ? node.anchor
      : node.kind === 'file' || node.kind === 'fact' ? this.anchorOf(node.commit) : undefined;
    if (anchor !== undefined && anchor !== '') this.panel.reveal(anchor);
  }

  anchorOf(commit: AnalyzedCommit): string | undefined {
    return this.index?.commits.find((entry) => entry.commit === commit)?.anchor;
  }

  async openCommit(repoPath: string, commit: AnalyzedCommit): Promise<void> {
    this.lastOpened = { kind: 'changes', repo: repoPath, sha: commit.sha };
    await openCommitChanges(repoPath, commit);
  }

  async openFile(repoPath: string, commit: AnalyzedCommit, path: string): Promise<void> {
    const file = commit.files.find((candidate) => candidate.path === path);
    if (file === undefined) return;
    this.lastOpened = { kind: 'diff', repo: repoPath, sha: commit.sha, path };
    await openFileDiff(repoPath, commit, file);
  }

  dispose(): void {
    this.cancel();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
