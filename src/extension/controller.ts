// State of the extension: the current report, generation with progress and cancellation, the Commits view,
// the report panel, the status bar item and auto-refresh. Nothing here runs at activation; git only runs when
// the user asks for a report (or auto-refresh is on and a report is shown), and never in Restricted Mode.
import { basename, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { generateReport } from '../core/engine/generateReport.js';
import { DigestError, describeError, isDigestError } from '../core/errors.js';
import type { Analysis } from '../core/domain/analysis.js';
import type { PeriodSpec } from '../core/domain/options.js';
import type { AnalyzedCommit, Report } from '../core/domain/report.js';
// Imported file by file: the render index also exports the JSON Schema, which would pull zod into the bundle.
import { renderHtml } from '../core/render/html.js';
import { renderJson } from '../core/render/json.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { CommitsTreeProvider } from './tree/commitsTree.js';
import { openCommitChanges, openFileDiff } from './diffs/diffs.js';
import type { ExtensionToWebview, WebviewState, WebviewStrings } from '../shared/protocol.js';
import { ReportPanelManager } from './panel/reportPanel.js';
import { periodFromLabel } from '../core/time/period.js';
import { indexReport, type IndexedCommit, type ReportIndex } from '../shared/reportIndex.js';
import { applyAnalysis, offlineAnalysesOf, type OfflineAnalyses } from './llm/apply.js';
import { ModelAnalysisService, type ModelHost, type Notice, type NoticeSeverity, type RunResult } from './llm/service.js';
import { findGitRoot } from '../core/git/findGitRoot.js';
import { readSettings, SECTION, uiLanguage } from './settings.js';
import { isEmptyReport, type CommitNode, type DigestNode } from './tree/treeModel.js';
import { validateWebviewMessage, type ValidationResult } from './panel/webviewMessages.js';

/**
 * What the Commits view shows; mirrored in the `dailyDigest.state` context key for the welcome content.
 * `restricted`: the workspace is not trusted, so no git runs (the welcome content explains it).
 */
export type ViewState = 'none' | 'loading' | 'ready' | 'empty' | 'notGit' | 'error' | 'restricted';

/** The formats "Export Report" writes. */
export type ExportFormat = 'md' | 'html' | 'json';

export interface MessageOutcome {
  ok: boolean;
  /** The action taken, or why the message was refused. */
  action?: string;
  reason?: string;
}

const TODAY: PeriodSpec = { kind: 'day', day: 'today' };
const AUTO_REFRESH_DELAY_MS = 1000;
/** Model analyses reach the tree and the webview at most this often. */
const MODEL_UPDATE_INTERVAL_MS = 250;
const MAX_NOTICES = 20;

/** A notice kept for the test API, with a way to answer it as the user would. */
export interface RecordedNotice extends Notice {
  choose(action: string | undefined): void;
}

export class DigestController implements vscode.Disposable {
  readonly tree = new CommitsTreeProvider();
  readonly treeView: vscode.TreeView<DigestNode>;
  readonly panel: ReportPanelManager;
  private readonly statusBar: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private report: Report | undefined;
  private index: ReportIndex | undefined;
  private markdown: string | undefined;
  private period: PeriodSpec = TODAY;
  private state: ViewState = 'none';
  private running: AbortController | undefined;
  private readonly knownRepos = new Set<string>();
  private watchers: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The offline analysis of each commit of the shown report (the model's input; kept when the model answers). */
  private offline: OfflineAnalyses | undefined;
  private modelChanges: { repoIndex: number; commitIndex: number; moved: boolean }[] = [];
  private modelTimer: ReturnType<typeof setTimeout> | undefined;
  private modelRun: Promise<RunResult> | undefined;
  readonly models: ModelAnalysisService;
  /** History walks kept between reports (extension storage, never the repository): a refresh walks only new commits. */
  private readonly walkIndexDir: string;
  /** The last messages shown to the user (test hook). */
  readonly notices: RecordedNotice[] = [];
  /** Test hook: the resources of the last `vscode.changes` / `vscode.diff` opened by the extension. */
  lastOpened: { kind: 'changes' | 'diff'; repo: string; sha: string; path?: string } | undefined;

  constructor(context: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {
    this.treeView = vscode.window.createTreeView('dailyDigest.commits', {
      treeDataProvider: this.tree, showCollapseAll: true,
    });
    this.panel = new ReportPanelManager(context.extensionUri, {
      currentMessage: (strings) => this.webviewMessage(strings),
      title: () => this.title(),
      onMessage: (message) => this.handleWebviewMessage(message),
      onRestored: (state) => this.onPanelRestored(state),
    });
    this.models = new ModelAnalysisService(context, this.modelHost());
    this.walkIndexDir = join(context.globalStorageUri.fsPath, 'walk-index');
    this.statusBar = vscode.window.createStatusBarItem('dailyDigest.status', vscode.StatusBarAlignment.Left, 10);
    this.statusBar.name = vscode.l10n.t('Daily Digest');
    this.statusBar.command = 'dailyDigest.openReport';
    this.disposables.push(
      this.tree, this.treeView, this.panel, this.statusBar, this.models,
      this.treeView.onDidChangeSelection((event) => this.onTreeSelection(event.selection)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.state === 'restricted') void this.setState('none');
        this.tree.refresh();
        this.updateWatchers();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.autoRefresh`)) this.updateWatchers();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.updateWatchers()),
    );
    void this.setState(vscode.workspace.isTrusted ? 'none' : 'restricted');
  }

  get currentReport(): Report | undefined {
    return this.report;
  }

  get currentState(): ViewState {
    return this.state;
  }

  // ---- generating -------------------------------------------------------------------------------------------

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
      if (interactive) await this.explainRestrictedMode();
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
    this.models.cancel();
    const abort = new AbortController();
    this.running = abort;
    const settings = readSettings();
    if (settings.rulesError !== undefined && interactive) {
      void vscode.window.showWarningMessage(settings.rulesError.format(uiLanguage()));
    }
    if (this.report === undefined) await this.setState('loading');
    this.postLoading();

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
      // The offline analysis is shown; the model's answers replace it commit by commit (cache hits at once).
      if (this.models.enabled() && !isEmptyReport(report)) {
        this.startModelRun(report, { interactive, userAction: interactive });
      }
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
    this.models.cancel();
  }

  // ---- language-model analysis ------------------------------------------------------------------------------

  /** Resolves when the model analysis under way (if any) has ended. */
  async whenModelAnalysisDone(): Promise<RunResult | undefined> {
    return this.modelRun;
  }

  /** "Analyze Day with Language Model": the whole shown report. */
  async analyzeDay(): Promise<RunResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      await this.explainRestrictedMode();
      return undefined;
    }
    const report = this.report;
    if (report === undefined || isEmptyReport(report)) {
      void this.notify('info', vscode.l10n.t('Generate a report first.'));
      return undefined;
    }
    return this.startModelRun(report, { interactive: true, userAction: true, explicit: true });
  }

  /** "Analyze Commit with Language Model": one commit of the shown report. */
  async analyzeCommit(commit: AnalyzedCommit): Promise<RunResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      await this.explainRestrictedMode();
      return undefined;
    }
    const report = this.report;
    let only: { repoIndex: number; commitIndex: number } | undefined;
    report?.repositories.forEach((repo, repoIndex) => {
      const commitIndex = repo.commits.findIndex((candidate) => candidate === commit || candidate.sha === commit.sha);
      if (only === undefined && commitIndex >= 0) only = { repoIndex, commitIndex };
    });
    if (report === undefined || only === undefined) {
      void this.notify('info', vscode.l10n.t('Generate a report first.'));
      return undefined;
    }
    return this.startModelRun(report, { interactive: true, userAction: true, explicit: true, only });
  }

  private startModelRun(report: Report, options: Parameters<ModelAnalysisService['analyze']>[1]): Promise<RunResult> {
    const run = this.models.analyze(report, options).catch((error: unknown): RunResult => {
      this.log.error(`Model analysis failed: ${describeError(error, uiLanguage())}`);
      return { status: 'failed', analyzed: 0, calls: 0 };
    });
    this.modelRun = run;
    return run;
  }

  private modelHost(): ModelHost {
    return {
      log: this.log,
      currentReport: () => this.report,
      offlineOf: (report) => (report === this.report ? this.offline : undefined),
      onAnalysis: (report, repoIndex, commitIndex, analysis) => this.onModelAnalysis(report, repoIndex, commitIndex, analysis),
      flush: () => this.flushModelChanges(),
      notify: (severity, message, ...actions) => this.notify(severity, message, ...actions),
      explainRestrictedMode: () => this.explainRestrictedMode(),
    };
  }

  private onModelAnalysis(report: Report, repoIndex: number, commitIndex: number, analysis: Analysis): void {
    if (report !== this.report) return;
    const moved = applyAnalysis(report, repoIndex, commitIndex, analysis);
    if (moved === undefined) return;
    this.modelChanges.push({ repoIndex, commitIndex, moved });
    this.modelTimer ??= setTimeout(() => this.flushModelChanges(), MODEL_UPDATE_INTERVAL_MS);
  }

  /** Shows the analyses that landed since the last flush: the tree items (or groups), the status bar, the webview. */
  private flushModelChanges(): void {
    if (this.modelTimer !== undefined) clearTimeout(this.modelTimer);
    this.modelTimer = undefined;
    const changes = this.modelChanges.splice(0);
    const report = this.report;
    if (changes.length === 0 || report === undefined) return;
    this.index = indexReport(report);
    this.markdown = undefined;
    this.tree.updateCommits(report, changes);
    this.updateStatusBar();
    this.panel.update();
  }

  /** Shows a message (and records it for the test API); resolves with the action chosen, if any. */
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Promise<string | undefined> {
    let choose: (action: string | undefined) => void = () => undefined;
    const chosen = new Promise<string | undefined>((resolve) => {
      choose = resolve;
    });
    this.notices.push({ severity, message, actions, choose });
    if (this.notices.length > MAX_NOTICES) this.notices.shift();
    const shown = severity === 'error' ? vscode.window.showErrorMessage(message, ...actions)
      : severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions)
        : vscode.window.showInformationMessage(message, ...actions);
    return Promise.race([Promise.resolve(shown), chosen]);
  }

  private async showError(error: unknown, message: string): Promise<void> {
    const openSettings = vscode.l10n.t('Open Settings');
    const settingsRelated = error instanceof DigestError &&
      ['bad-time-zone', 'bad-config', 'unknown-ref', 'bad-date'].includes(error.code);
    const choice = await vscode.window.showErrorMessage(message, ...(settingsRelated ? [openSettings] : []));
    if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
  }

  async explainRestrictedMode(): Promise<void> {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await this.notify('warning',
      vscode.l10n.t('Daily Digest runs git, which can execute commands configured by the repository, so it only works in a trusted workspace.'),
      manage,
    );
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  }

  private async setReport(report: Report): Promise<void> {
    this.report = report;
    this.offline = offlineAnalysesOf(report);
    this.modelChanges = [];
    this.index = indexReport(report);
    this.markdown = undefined;
    report.repositories.forEach((repo) => this.knownRepos.add(resolve(repo.path)));
    const empty = isEmptyReport(report);
    this.tree.setReport(empty ? undefined : report);
    this.treeView.description = report.window.label;
    await this.setState(empty ? 'empty' : 'ready');
    await vscode.commands.executeCommand('setContext', 'dailyDigest.hasReport', true);
    this.updateStatusBar();
    this.panel.update();
    this.updateWatchers();
  }

  private async setState(state: ViewState): Promise<void> {
    this.state = state;
    await vscode.commands.executeCommand('setContext', 'dailyDigest.state', state);
  }

  private updateStatusBar(): void {
    const report = this.report;
    if (report === undefined) {
      this.statusBar.hide();
      return;
    }
    const commits = report.repositories.reduce((sum, repo) => sum + repo.stats.commits, 0);
    const high = report.repositories.reduce((sum, repo) => sum + repo.stats.high, 0);
    this.statusBar.text = vscode.l10n.t('Digest: {0} commits · {1} high', commits, high);
    this.statusBar.tooltip = vscode.l10n.t('Daily Digest for {0}: open the report', report.window.label);
    this.statusBar.accessibilityInformation = { label: this.statusBar.text };
    this.statusBar.show();
  }

  markdownOf(report: Report): string {
    if (report === this.report) {
      this.markdown ??= renderMarkdown(report);
      return this.markdown;
    }
    return renderMarkdown(report);
  }

  // ---- report panel -----------------------------------------------------------------------------------------

  private title(): string {
    return this.report === undefined
      ? vscode.l10n.t('Daily Digest')
      : vscode.l10n.t('Daily Digest — {0}', this.report.window.label.replace('..', ' – '));
  }

  private webviewMessage(strings: WebviewStrings): ExtensionToWebview {
    if (this.running !== undefined && this.report === undefined) return { type: 'loading', strings };
    if (this.report === undefined) return { type: 'empty', strings, message: strings.noReport };
    return { type: 'report', strings, report: this.report, markdown: this.markdownOf(this.report) };
  }

  private postLoading(): void {
    // The webview keeps the old report while a refresh runs; it shows a progress ring from the first message only.
    if (this.report === undefined) this.panel.update();
  }

  private onPanelRestored(state: WebviewState | undefined): void {
    const period = periodFromLabel(state?.day);
    if (period !== undefined && this.report === undefined) this.period = period;
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

  /** Validates and acts on one message from the report webview. Refusals are logged, never acted on. */
  async handleWebviewMessage(message: unknown): Promise<MessageOutcome> {
    const result: ValidationResult = validateWebviewMessage(message, this.report, this.index);
    if (!result.ok) {
      this.log.warn(`Refused a message from the report view: ${result.reason}`);
      return { ok: false, reason: result.reason };
    }
    const { action } = result;
    try {
      switch (action.kind) {
        case 'ready':
          this.panel.update();
          break;
        case 'refresh':
          void this.refresh();
          break;
        case 'export':
          void this.exportReport();
          break;
        case 'copyMarkdown':
          await this.copyMarkdown();
          break;
        case 'openCommit':
          await this.openCommit(action.repo.path, action.commit);
          break;
        case 'openFile':
          await this.openFile(action.repo.path, action.commit, action.file.path);
          break;
        case 'openExternal':
          await vscode.env.openExternal(vscode.Uri.parse(action.url, true));
          break;
      }
    } catch (error) {
      const text = describeError(error, uiLanguage());
      this.log.error(`Handling ${action.kind} failed: ${text}`);
      void vscode.window.showErrorMessage(text);
      return { ok: false, action: action.kind, reason: text };
    }
    return { ok: true, action: action.kind };
  }

  // ---- diffs ------------------------------------------------------------------------------------------------

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

  // ---- export and copy --------------------------------------------------------------------------------------

  async copyMarkdown(): Promise<void> {
    const report = this.report;
    if (report === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Generate a report first.'));
      return;
    }
    await vscode.env.clipboard.writeText(this.markdownOf(report));
    void vscode.window.showInformationMessage(vscode.l10n.t('Report copied as Markdown.'));
  }

  async exportReport(): Promise<void> {
    const report = this.report;
    if (report === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Generate a report first.'));
      return;
    }
    const formats: (vscode.QuickPickItem & { ext: ExportFormat })[] = [
      { label: 'Markdown', description: '.md', ext: 'md' },
      { label: 'HTML', description: '.html', ext: 'html' },
      { label: 'JSON', description: '.json', ext: 'json' },
    ];
    const format = await vscode.window.showQuickPick(formats, {
      title: vscode.l10n.t('Export Report'), placeHolder: vscode.l10n.t('Choose a format'),
    });
    if (format === undefined) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(report.repositories[0]?.path ?? '.');
    const name = `daily-digest-${report.window.label.replace('..', '_to_').replace(/[^0-9A-Za-z_-]/g, '')}.${format.ext}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, name),
      filters: { [format.label]: [format.ext] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Report'),
    });
    if (target === undefined) return;
    const written = await this.exportTo(target, format.ext, async (file) => {
      const overwrite = vscode.l10n.t('Overwrite');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists. Overwrite it?', file), { modal: true }, overwrite);
      return choice === overwrite;
    });
    if (!written) return;
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Report exported to {0}.', target.fsPath || target.toString(true)), open);
    if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
  }

  /** The shown report as Markdown, HTML or JSON: what Export Report writes. */
  renderAs(report: Report, format: ExportFormat): string {
    switch (format) {
      case 'md': return this.markdownOf(report);
      case 'html': return renderHtml(report);
      case 'json': return renderJson(report);
    }
  }

  /**
   * The core of Export Report, without the dialogs: renders the shown report as `format` and writes it to `target`.
   * When `target` exists, `confirmOverwrite` (given its file name) decides; false leaves the file untouched.
   * Resolves true when the file was written, false when there is no report or the overwrite was declined.
   */
  async exportTo(target: vscode.Uri, format: ExportFormat,
    confirmOverwrite: (name: string) => boolean | Promise<boolean>): Promise<boolean> {
    const report = this.report;
    if (report === undefined) return false;
    if (await exists(target) && !(await confirmOverwrite(basename(target.fsPath || target.path)))) return false;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.renderAs(report, format)));
    return true;
  }

  // ---- auto refresh -----------------------------------------------------------------------------------------

  private updateWatchers(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    if (!vscode.workspace.isTrusted || this.report === undefined || !readSettings().autoRefresh) return;
    for (const repo of this.report.repositories) {
      if (repo.error !== undefined) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(repo.path), '.git/{HEAD,packed-refs,FETCH_HEAD,refs/**}'));
      const schedule = (): void => this.scheduleAutoRefresh();
      this.watchers.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
    }
  }

  private scheduleAutoRefresh(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const shown = this.report !== undefined && (this.panel.isVisible || this.treeView.visible);
      if (shown && this.running === undefined) {
        this.log.info('Repository refs changed: refreshing the report.');
        void this.refresh(false);
      }
    }, AUTO_REFRESH_DELAY_MS);
  }

  dispose(): void {
    this.running?.abort();
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    if (this.modelTimer !== undefined) clearTimeout(this.modelTimer);
    this.watchers.forEach((watcher) => watcher.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
