// The language-model analysis of the shown report: runs started after a generation or by Analyze Day / Analyze
// Commit, and each analysis that lands put into the report, the views refreshed at most every MODEL_UPDATE_INTERVAL_MS.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors.js';
import type { Analysis } from '../../core/domain/analysis.js';
import type { AnalyzedCommit, Report } from '../../core/domain/report.js';
import type { Notices } from '../notices.js';
import { uiLanguage } from '../settings.js';
import { isEmptyReport } from '../tree/treeNodes.js';
import { applyAnalysis, offlineAnalysesOf, type OfflineAnalyses } from './apply.js';
import { LlmProblems } from './problems.js';
import { LlmRuns, type AnalyzeOptions, type RunResult } from './runs.js';
import { LlmSetup } from './setup.js';

/** Model analyses reach the tree and the webview at most this often. */
const MODEL_UPDATE_INTERVAL_MS = 250;

/** A commit of the shown report whose analysis the model replaced; `moved` when its importance changed. */
export interface AnalysisChange {
  repoIndex: number;
  commitIndex: number;
  moved: boolean;
}

/** The shown report, and the views to refresh when analyses land in it. */
export interface ShownReport {
  currentReport(): Report | undefined;
  showChanges(report: Report, changes: AnalysisChange[]): void;
}

export class LlmReportUpdates implements vscode.Disposable {
  readonly setup: LlmSetup;
  readonly runs: LlmRuns;
  /** The offline analysis of each commit of the shown report (the model's input; kept when the model answers). */
  private offline: OfflineAnalyses | undefined;
  private changes: AnalysisChange[] = [];
  /** The shown report's model run or headlines changed since the last flush. */
  private runChanged = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run: Promise<RunResult> | undefined;

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly notices: Notices,
    private readonly shown: ShownReport,
  ) {
    const problems = new LlmProblems(log, notices);
    this.setup = new LlmSetup(context, log, notices, problems);
    this.runs = new LlmRuns({ context, log, notices, setup: this.setup, problems }, {
      currentReport: () => shown.currentReport(),
      offlineOf: (report) => (report === shown.currentReport() ? this.offline : undefined),
      onAnalysis: (report, repoIndex, commitIndex, analysis) => this.onAnalysis(report, repoIndex, commitIndex, analysis),
      onRunChange: (report) => {
        if (report !== shown.currentReport()) return;
        this.runChanged = true;
        this.timer ??= setTimeout(() => this.flush(), MODEL_UPDATE_INTERVAL_MS);
      },
      flush: () => this.flush(),
    });
  }

  /** A new report is shown: its offline analyses are kept as the model's input. */
  reset(report: Report): void {
    this.offline = offlineAnalysesOf(report);
    this.changes = [];
    this.runChanged = false;
  }

  /** Resolves when the model analysis under way (if any) has ended. */
  async whenDone(): Promise<RunResult | undefined> {
    return this.run;
  }

  /** After a generation: the offline analysis is shown, the model's answers replace it commit by commit. */
  afterGeneration(report: Report, interactive: boolean): void {
    if (this.setup.enabled() && !isEmptyReport(report)) this.start(report, { interactive, userAction: interactive });
  }

  /** "Analyze Day with Language Model": the whole shown report. */
  async analyzeDay(): Promise<RunResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      await this.notices.explainRestrictedMode();
      return undefined;
    }
    const report = this.shown.currentReport();
    if (report === undefined || isEmptyReport(report)) {
      void this.notices.notify('info', vscode.l10n.t('Generate a report first.'));
      return undefined;
    }
    return this.start(report, { interactive: true, userAction: true, explicit: true });
  }

  /** "Analyze Commit with Language Model": one commit of the shown report. */
  async analyzeCommit(commit: AnalyzedCommit): Promise<RunResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      await this.notices.explainRestrictedMode();
      return undefined;
    }
    const report = this.shown.currentReport();
    let only: { repoIndex: number; commitIndex: number } | undefined;
    report?.repositories.forEach((repo, repoIndex) => {
      const commitIndex = repo.commits.findIndex((candidate) => candidate === commit || candidate.sha === commit.sha);
      if (only === undefined && commitIndex >= 0) only = { repoIndex, commitIndex };
    });
    if (report === undefined || only === undefined) {
      void this.notices.notify('info', vscode.l10n.t('Generate a report first.'));
      return undefined;
    }
    return this.start(report, { interactive: true, userAction: true, explicit: true, only });
  }

  private start(report: Report, options: AnalyzeOptions): Promise<RunResult> {
    const run = this.runs.analyze(report, options).catch((error: unknown): RunResult => {
      this.log.error(`Model analysis failed: ${describeError(error, uiLanguage())}`);
      return { status: 'failed', analyzed: 0, offline: 0, calls: 0 };
    });
    this.run = run;
    return run;
  }

  private onAnalysis(report: Report, repoIndex: number, commitIndex: number, analysis: Analysis): void {
    if (report !== this.shown.currentReport()) return;
    const moved = applyAnalysis(report, repoIndex, commitIndex, analysis);
    if (moved === undefined) return;
    this.changes.push({ repoIndex, commitIndex, moved });
    this.timer ??= setTimeout(() => this.flush(), MODEL_UPDATE_INTERVAL_MS);
  }

  /** Shows the analyses that landed since the last flush. */
  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const changes = this.changes.splice(0);
    const runChanged = this.runChanged;
    this.runChanged = false;
    const report = this.shown.currentReport();
    if ((changes.length === 0 && !runChanged) || report === undefined) return;
    this.shown.showChanges(report, changes);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.runs.dispose();
  }
}
