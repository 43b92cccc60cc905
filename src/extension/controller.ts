// The extension's state and report generation: the current report, generation with progress and cancellation, and
// the Commits view's state. The other concerns are parts it holds: the status bar, the report panel and its webview
// bridge (panel/), export, auto-refresh, the language-model analysis of the shown report (llm/reportUpdates.ts) and
// the messages to the user (notices.ts). Nothing runs at activation; git runs when the user asks for a report (or
// auto-refresh is on and a report is shown), never in Restricted Mode.
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { generateReport } from '../core/engine/generateReport.js';
import { DigestError, describeError, isDigestError } from '../core/errors.js';
import { findGitRoot } from '../core/git/findGitRoot.js';
import type { PeriodSpec } from '../core/domain/options.js';
import type { AnalyzedCommit, Report } from '../core/domain/report.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { indexReport, type IndexedCommit, type ReportIndex } from '../shared/reportIndex.js';
import { AutoRefresh } from './autoRefresh.js';
import { openCommitChanges, openFileDiff } from './diffs/diffs.js';
import { LlmReportUpdates } from './llm/reportUpdates.js';
import { Notices } from './notices.js';
import { ReportPanelManager } from './panel/reportPanel.js';
import { WebviewBridge } from './panel/webviewBridge.js';
import { ReportExport } from './reportExport.js';
import { readSettings, SECTION, uiLanguage } from './settings.js';
import { ReportStatusBar } from './statusBar.js';
import { CommitsTreeProvider } from './tree/commitsTree.js';
import { isEmptyReport, type CommitNode, type DigestNode } from './tree/treeNodes.js';

/**
 * What the Commits view shows; mirrored in the `dailyDigest.state` context key for the welcome content.
 * `restricted`: the workspace is not trusted, so no git runs (the welcome content explains it).
 */
export type ViewState = 'none' | 'loading' | 'ready' | 'empty' | 'notGit' | 'error' | 'restricted';

const TODAY: PeriodSpec = { kind: 'day', day: 'today' };

export class DigestController implements vscode.Disposable {
  readonly tree = new CommitsTreeProvider();
  readonly treeView: vscode.TreeView<DigestNode>;
  readonly notices = new Notices();
  readonly bridge: WebviewBridge;
  readonly panel: ReportPanelManager;
  readonly export: ReportExport;
  readonly llm: LlmReportUpdates;
  private readonly autoRefresh: AutoRefresh;
  private readonly statusBar = new ReportStatusBar();
  private readonly disposables: vscode.Disposable[] = [];
  private report: Report | undefined;
  private index: ReportIndex | undefined;
  private markdown: string | undefined;
  private period: PeriodSpec = TODAY;
  private state: ViewState = 'none';
  private running: AbortController | undefined;
  private readonly knownRepos = new Set<string>();
  /** History walks kept between reports (extension storage, never the repository): a refresh walks only new commits. */
  private readonly walkIndexDir: string;
  /** Test hook: the resources of the last `vscode.changes` / `vscode.diff` opened by the extension. */
  lastOpened: { kind: 'changes' | 'diff'; repo: string; sha: string; path?: string } | undefined;

  constructor(context: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {
    this.treeView = vscode.window.createTreeView('dailyDigest.commits', {
      treeDataProvider: this.tree, showCollapseAll: true,
    });
    const currentReport = (): Report | undefined => this.report;
    this.export = new ReportExport({ currentReport, markdownOf: (report) => this.markdownOf(report) });
    this.bridge = new WebviewBridge({
      log,
      currentReport,
      currentIndex: () => this.index,
      isGenerating: () => this.running !== undefined,
      restorePeriod: (period) => {
        this.period = period;
      },
      openPeriod: (period) => void this.generate(period),
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
    this.walkIndexDir = join(context.globalStorageUri.fsPath, 'walk-index');
    this.autoRefresh = new AutoRefresh({
      log,
      currentReport,
      wantsRefresh: () => this.report !== undefined && (this.panel.isVisible || this.treeView.visible) && this.running === undefined,
      refresh: () => void this.refresh(false),
    });
    this.disposables.push(
      this.tree, this.treeView, this.panel, this.statusBar, this.llm, this.autoRefresh,
      this.treeView.onDidChangeSelection((event) => this.onTreeSelection(event.selection)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.state === 'restricted') void this.setState('none');
        this.tree.refresh();
        this.autoRefresh.update();
      }),
    );
    void this.setState(vscode.workspace.isTrusted ? 'none' : 'restricted');
  }

  get currentReport(): Report | undefined {
    return this.report;
  }

  get currentState(): ViewState {
    return this.state;
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
   * Generates a report for `period` (default: the last one, at first today) and shows it. `interactive` shows a
   * cancellable notification; auto-refresh runs in the status bar. `repos` overrides the workspace's (tests).
   */
  async generate(period: PeriodSpec = this.period, options: { interactive?: boolean; repos?: string[] } = {}):
    Promise<Report | undefined> {
    const interactive = options.interactive ?? true;
    if (!vscode.workspace.isTrusted) {
      await this.setState('restricted');
      if (interactive) await this.notices.explainRestrictedMode();
      return undefined;
    }
    const repos = options.repos ?? this.workspaceRepos();
    if (repos.length === 0) {
      if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
        if (interactive) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder that is a git repository first.'));
        }
      } else {
        await this.setState('notGit');
      }
      return undefined;
    }
    repos.forEach((repo) => this.knownRepos.add(resolve(repo)));

    this.running?.abort();
    this.llm.runs.cancel();
    const abort = new AbortController();
    this.running = abort;
    const settings = readSettings();
    if (settings.rulesError !== undefined && interactive) {
      void vscode.window.showWarningMessage(settings.rulesError.format(uiLanguage()));
    }
    if (this.report === undefined) await this.setState('loading');
    // The webview keeps the old report while a refresh runs; it shows a progress ring from the first message only.
    if (this.report === undefined) this.panel.update();

    try {
      const report = await vscode.window.withProgress({
        location: interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Daily Digest: generating the report'),
        cancellable: interactive,
      }, (progress, token) => {
        const subscription = token.onCancellationRequested(() => abort.abort());
        return generateReport({
          ...settings.options,
          repos,
          period,
          signal: abort.signal,
          onProgress: (message) => progress.report({ message }),
          walkIndexDir: this.walkIndexDir,
        }).finally(() => subscription.dispose());
      });
      if (this.running !== abort) return undefined;
      this.period = period;
      await this.setReport(report);
      this.log.info(`Report ${report.window.label}: ${report.repositories.map((r) => `${r.name} ${r.stats.commits}`).join(', ')}`);
      for (const repo of report.repositories) {
        if (repo.error !== undefined) this.log.warn(`${repo.path}: ${repo.error}`);
      }
      this.llm.afterGeneration(report, interactive);
      return report;
    } catch (error) {
      if (this.running !== abort) return undefined;
      const cancelled = abort.signal.aborted || (isDigestError(error) && error.code === 'cancelled');
      await this.setState(this.report !== undefined ? (isEmptyReport(this.report) ? 'empty' : 'ready') : 'none');
      this.panel.update();
      if (cancelled) {
        this.log.info('Report generation cancelled.');
        return undefined;
      }
      const message = describeError(error, uiLanguage());
      this.log.error(`Report generation failed: ${message}`);
      if (interactive) void this.showError(error, message);
      if (this.report === undefined) await this.setState('error');
      return undefined;
    } finally {
      if (this.running === abort) this.running = undefined;
    }
  }

  refresh(interactive = true): Promise<Report | undefined> {
    return this.generate(this.period, { interactive });
  }

  /** Stops the generation under way, if any (the engine kills its git processes), and the model analysis. */
  cancel(): void {
    this.running?.abort();
    this.llm.runs.cancel();
  }

  private async showError(error: unknown, message: string): Promise<void> {
    const openSettings = vscode.l10n.t('Open Settings');
    const settingsRelated = error instanceof DigestError &&
      ['bad-time-zone', 'bad-config', 'unknown-ref', 'bad-date'].includes(error.code);
    const choice = await vscode.window.showErrorMessage(message, ...(settingsRelated ? [openSettings] : []));
    if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
  }

  private async setReport(report: Report): Promise<void> {
    this.report = report;
    this.llm.reset(report);
    this.index = indexReport(report);
    this.markdown = undefined;
    report.repositories.forEach((repo) => this.knownRepos.add(resolve(repo.path)));
    const empty = isEmptyReport(report);
    this.tree.setReport(empty ? undefined : report);
    this.treeView.description = report.window.label;
    await this.setState(empty ? 'empty' : 'ready');
    await vscode.commands.executeCommand('setContext', 'dailyDigest.hasReport', true);
    this.statusBar.update(this.report);
    this.panel.update();
    this.autoRefresh.update();
  }

  private async setState(state: ViewState): Promise<void> {
    this.state = state;
    await vscode.commands.executeCommand('setContext', 'dailyDigest.state', state);
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

  private onTreeSelection(selection: readonly DigestNode[]): void {
    const node = selection[0];
    if (node === undefined || !this.panel.isOpen) return;
    const anchor = node.kind === 'commit' ? node.anchor
      : node.kind === 'file' ? this.anchorOf(node.commit) : undefined;
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
    this.running?.abort();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
