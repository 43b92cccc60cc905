// Runs of the opt-in language-model analysis over a report: the configured model resolved (a vscode.lm chat model or
// an OpenAI-compatible server), the analyses cached in global storage, progress and cancellation, and a message for
// what went wrong. Model answers only ever replace `Analysis` fields (plain data); they never choose a file, a
// command or a URL.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createFileCache, type AnalysisCache } from '../../core/cache/index.js';
import { DigestError, describeError } from '../../core/errors.js';
import { readCommitDiff } from '../../core/git/index.js';
import { createModelAnalyzer, type ModelAnalyzer } from '../../core/llm/analyzer.js';
import { writeDayHeadlines } from '../../core/llm/headline.js';
import { createTimeLeftTracker, markNotReached, summarizeModelRun } from '../../core/llm/outcomes.js';
import { analyzeReport } from '../../core/llm/reportRun.js';
import type { Analysis } from '../../core/domain/analysis.js';
import type { ModelRun, Report } from '../../core/domain/report.js';
import type { Notices } from '../notices.js';
import { uiLanguage } from '../settings.js';
import { applyHeadlines, shadowReport, type OfflineAnalyses } from './apply.js';
import type { CommonModelConfig } from './config.js';
import { classifyFailure } from './failures.js';
import { guardTransport, type GuardedTransport } from './guard.js';
import type { LlmProblems } from './problems.js';
import { ModelResolver, type ResolvedModel } from './resolveModel.js';
import { progressMessage, tallyMessage } from './runMessages.js';
import type { LlmSetup } from './setup.js';

/** The shown report, as the runs need it. */
export interface LlmHost {
  currentReport(): Report | undefined;
  /** The offline analyses of the shown report (undefined for any other report). */
  offlineOf(report: Report): OfflineAnalyses | undefined;
  /** One commit's model analysis landed; the host updates the shown report and refreshes its views (throttled). */
  onAnalysis(report: Report, repoIndex: number, commitIndex: number, analysis: Analysis): void;
  /** The shown report's model run (its tally) or headlines changed: refresh its views. */
  onRunChange(report: Report): void;
  /** The run ended: refresh the views now. */
  flush(): void;
}

export interface AnalyzeOptions {
  /** A notification with progress (else the window's progress); messages for problems. */
  interactive: boolean;
  /** Started by the user (a command, a button): VS Code may ask for consent to use a model now. */
  userAction: boolean;
  /** Only this commit of the report. */
  only?: { repoIndex: number; commitIndex: number };
  /** The user asked for the model analysis itself (Analyze Day / Commit): say when it is done. */
  explicit?: boolean;
}

export type RunStatus = 'done' | 'cancelled' | 'skipped' | 'failed';

export interface RunResult {
  status: RunStatus;
  /** Commits of the run the model analyzed (this run, or from the cache). */
  analyzed: number;
  /** Commits of the run that kept the offline analysis (each says why). */
  offline: number;
  /** Requests sent to the model, the headline's included (0 when everything came from the cache). */
  calls: number;
}

/** The language-model runs; the parts it works with come from the extension's wiring (llm/reportUpdates.ts). */
export interface LlmParts {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  notices: Notices;
  setup: LlmSetup;
  problems: LlmProblems;
}

export class LlmRuns implements vscode.Disposable {
  private running: AbortController | undefined;
  readonly cache: AnalysisCache;
  private readonly log: vscode.LogOutputChannel;
  private readonly notices: Notices;
  private readonly setup: LlmSetup;
  private readonly problems: LlmProblems;
  private readonly resolver: ModelResolver;

  constructor(parts: LlmParts, private readonly host: LlmHost) {
    this.log = parts.log;
    this.notices = parts.notices;
    this.setup = parts.setup;
    this.problems = parts.problems;
    this.resolver = new ModelResolver(parts.log, parts.setup, parts.problems);
    this.cache = createFileCache(join(parts.context.globalStorageUri.fsPath, 'analysis-cache'));
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Stops the run under way: requests in flight are aborted; analyses already landed stay. */
  cancel(): void {
    this.running?.abort();
  }

  /** Runs the configured model over the report (or one commit), replacing analyses as they arrive. */
  async analyze(report: Report, options: AnalyzeOptions): Promise<RunResult> {
    const skipped: RunResult = { status: 'skipped', analyzed: 0, offline: 0, calls: 0 };
    if (!vscode.workspace.isTrusted) {
      // The model needs git diffs, and git does not run in Restricted Mode.
      if (options.interactive) await this.notices.explainRestrictedMode();
      return skipped;
    }
    const config = this.setup.config();
    if (config.kind === 'heuristic') {
      if (options.explicit) this.problems.explainNoModel();
      return skipped;
    }
    if (config.kind === 'invalid') {
      if (options.interactive) this.problems.explainInvalid(config.problem, config.value);
      else this.log.warn(`Model analysis skipped: invalid settings (${config.problem}).`);
      return skipped;
    }
    const offline = this.host.offlineOf(report);
    if (offline === undefined) return skipped;

    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    try {
      const resolved = config.kind === 'vscode-lm'
        ? await this.resolver.vscodeLm(config, options)
        : await this.resolver.openAi(config, options);
      if (resolved === undefined || abort.signal.aborted) return skipped;
      return await this.run(report, offline, config, resolved, options, abort);
    } finally {
      if (this.running === abort) this.running = undefined;
    }
  }

  private async run(report: Report, offline: OfflineAnalyses, config: CommonModelConfig, resolved: ResolvedModel,
    options: AnalyzeOptions, abort: AbortController): Promise<RunResult> {
    const guarded = guardTransport(resolved.transport, { language: report.language });
    const { concurrency, timeoutSeconds } = config;
    const analyzer = createModelAnalyzer({
      transport: guarded, language: report.language, customInstructions: config.customInstructions,
      diffBudgetTokens: resolved.diffBudgetTokens, cache: this.cache, concurrency, timeoutSeconds,
    });
    const shadow = shadowReport(report, offline, options.only);
    const total = shadow.repositories.reduce((sum, repo) => sum + (repo.error === undefined ? repo.commits.length : 0), 0);
    if (total === 0) return { status: 'done', analyzed: 0, offline: 0, calls: 0 };
    this.log.info(`Model analysis of ${total} commit(s) with ${guarded.id} ${resolved.label}, ${timeoutSeconds} s a request.`);
    const shown = (): boolean => this.host.currentReport() === report;
    // A run over one commit (Analyze Commit) has that commit alone in the shadow report.
    const land = (repoIndex: number, commitIndex: number, analysis: Analysis): void => {
      if (shown()) this.host.onAnalysis(report, repoIndex, options.only?.commitIndex ?? commitIndex, analysis);
    };
    const counts = { cached: 0 };
    let status: RunStatus = 'done';
    try {
      await vscode.window.withProgress({
        location: options.interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Daily Digest: analyzing with {0}', resolved.label),
        cancellable: true,
      }, async (progress, token) => {
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          await this.analyzeShadow(shadow, analyzer, { total, concurrency, signal: abort.signal, progress, counts, land });
          if (options.only === undefined) {
            progress.report({ message: vscode.l10n.t('writing the day\'s headline') });
            await writeDayHeadlines(shadow, { transport: guarded, signal: abort.signal, cache: this.cache, timeoutSeconds });
            if (shown()) applyHeadlines(report, shadow);
          }
        } finally {
          subscription.dispose();
        }
      });
    } catch (error) {
      if (!abort.signal.aborted && !(error instanceof DigestError && error.code === 'cancelled')) {
        this.host.flush();
        const message = describeError(error, uiLanguage());
        this.log.error(`Model analysis failed: ${message}`);
        void this.notices.notify('error', vscode.l10n.t('The language-model analysis failed: {0}', message));
        return { status: 'failed', analyzed: 0, offline: 0, calls: guarded.calls };
      }
      status = 'cancelled';
      // The commits never reached keep the offline analysis, marked stopped; the finished ones stay (and are cached).
      markNotReached(shadow);
      shadow.repositories.forEach((repo, repoIndex) => repo.commits.forEach((commit, commitIndex) => {
        if (commit.analysis.fallback?.cause === 'stopped') land(repoIndex, commitIndex, commit.analysis);
      }));
    }
    const stopped = status === 'cancelled' ? { stopped: 'cancelled' as const } : {};
    const run = summarizeModelRun(shadow, { analyzer: guarded.id, model: guarded.model, cached: counts.cached, ...stopped });
    if (shown()) {
      // The shown report's header counts every commit it shows (an Analyze Commit run adds to the earlier ones).
      const earlier = options.only === undefined ? 0 : report.modelRun?.cached ?? 0;
      report.modelRun = summarizeModelRun(report, { analyzer: guarded.id, model: guarded.model, cached: earlier + counts.cached, ...stopped });
      this.host.onRunChange(report);
    }
    this.host.flush();
    const result: RunResult = { status, analyzed: run.analyzed, offline: run.offline, calls: guarded.calls };
    this.log.info(`Model analysis ${status}: ${tallyMessage(resolved.label, run)} ${guarded.calls} model request(s).`);
    return this.tellOutcome(result, run, resolved.label, guarded, options);
  }

  /** The commits of the shadow report, analyzed; each one that lands goes to the shown report at once. */
  private async analyzeShadow(shadow: Report, analyzer: ModelAnalyzer, run: {
    total: number; concurrency: number; signal: AbortSignal; counts: { cached: number };
    progress: vscode.Progress<{ message?: string; increment?: number }>;
    land: (repoIndex: number, commitIndex: number, analysis: Analysis) => void;
  }): Promise<void> {
    const { total, progress } = run;
    const timeLeft = createTimeLeftTracker(total);
    let done = 0;
    progress.report({ message: progressMessage(0, total, undefined) });
    await analyzeReport(shadow, analyzer, {
      // The analyzer's paths are literal file names, never globs.
      readDiff: (repoPath, sha, maxBytes, paths) => readCommitDiff(repoPath, sha, {
        maxBytes, paths: paths?.map((path) => `:(literal)${path}`), signal: run.signal,
      }),
      concurrency: run.concurrency,
      signal: run.signal,
      onCommit: (repoIndex, commitIndex, analysis, outcome) => {
        done += 1;
        if (outcome.cached) run.counts.cached += 1;
        progress.report({ increment: 100 / total, message: progressMessage(done, total, timeLeft(outcome)) });
        run.land(repoIndex, commitIndex, analysis);
      },
    });
  }

  /** After the run: the tally in the UI language, and the way out when a failure stopped the requests. */
  private tellOutcome(result: RunResult, run: ModelRun, label: string, guarded: GuardedTransport, options: AnalyzeOptions): RunResult {
    const tally = tallyMessage(label, run);
    if (guarded.fatal !== undefined) {
      const fatal = classifyFailure(guarded.fatal.error, uiLanguage()) ?? guarded.fatal;
      this.log.error(`Model analysis stopped: ${fatal.detail}`);
      this.problems.explainFailure(fatal, label, options);
      return { ...result, status: 'failed' };
    }
    if (!options.interactive) return result;
    if (result.status === 'cancelled') {
      void this.notices.notify('info', `${tally} ${vscode.l10n.t('The analyses already done are kept.')}`);
    } else if (run.offline > 0) {
      const first = guarded.firstFailure === undefined ? undefined : classifyFailure(guarded.firstFailure.error, uiLanguage());
      const why = first === undefined ? vscode.l10n.t('Each of those commits says why in its notes.') : first.detail;
      void this.notices.notify('warning', `${tally} ${why}`);
    } else if (options.explicit) {
      void this.notices.notify('info', tally);
    }
    return result;
  }

  async clearCache(): Promise<number> {
    const removed = await this.cache.clear();
    this.log.info(`Analysis cache cleared: ${removed} entries.`);
    void this.notices.notify('info', removed === 1
      ? vscode.l10n.t('Removed 1 cached analysis.')
      : vscode.l10n.t('Removed {0} cached analyses.', removed));
    return removed;
  }

  dispose(): void {
    this.running?.abort();
  }
}

