// Runs of the opt-in language-model analysis over a report: the configured model resolved (a vscode.lm chat model or
// an OpenAI-compatible server), the analyses cached in global storage, progress and cancellation, and a message for
// what went wrong. Model answers only ever replace `Analysis` fields (plain data); they never choose a file, a
// command or a URL.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createFileCache, type AnalysisCache } from '../../core/cache/index.js';
import { DigestError, describeError } from '../../core/errors.js';
import { readCommitDiff } from '../../core/git/index.js';
import { createModelAnalyzer } from '../../core/llm/analyzer.js';
import { analyzeReport } from '../../core/llm/reportRun.js';
import { createOpenAiCompatibleTransport } from '../../core/llm/openai.js';
import type { ChatTransport } from '../../core/llm/types.js';
import type { Analysis } from '../../core/domain/analysis.js';
import type { Report } from '../../core/domain/report.js';
import type { Notices } from '../notices.js';
import { uiLanguage } from '../settings.js';
import { shadowReport, type OfflineAnalyses } from './apply.js';
import { effectiveDiffBudget, type OpenAiConfig, type VscodeLmConfig } from './config.js';
import { classifyFailure } from './failures.js';
import { guardTransport } from './guard.js';
import type { LlmProblems } from './problems.js';
import type { LlmSetup } from './setup.js';
import { createVscodeLmTransport, languageModelApi } from './vscodeLmTransport.js';

/** The shown report, as the runs need it. */
export interface LlmHost {
  currentReport(): Report | undefined;
  /** The offline analyses of the shown report (undefined for any other report). */
  offlineOf(report: Report): OfflineAnalyses | undefined;
  /** One commit's model analysis landed; the host updates the shown report and refreshes its views (throttled). */
  onAnalysis(report: Report, repoIndex: number, commitIndex: number, analysis: Analysis): void;
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
  /** Commits whose analysis landed. */
  analyzed: number;
  /** Requests sent to the model (0 when everything came from the cache). */
  calls: number;
}

interface ResolvedModel {
  transport: ChatTransport;
  /** What the user knows the model as. */
  label: string;
  diffBudgetTokens: number;
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

  constructor(parts: LlmParts, private readonly host: LlmHost) {
    this.log = parts.log;
    this.notices = parts.notices;
    this.setup = parts.setup;
    this.problems = parts.problems;
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
    const skipped: RunResult = { status: 'skipped', analyzed: 0, calls: 0 };
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
        ? await this.resolveVscodeLm(config, options)
        : await this.resolveOpenAi(config, options);
      if (resolved === undefined || abort.signal.aborted) return skipped;
      return await this.run(report, offline, config.concurrency, config.customInstructions, resolved, options, abort);
    } finally {
      if (this.running === abort) this.running = undefined;
    }
  }

  private async run(report: Report, offline: OfflineAnalyses, concurrency: number, customInstructions: string | undefined,
    resolved: ResolvedModel, options: AnalyzeOptions, abort: AbortController): Promise<RunResult> {
    const guarded = guardTransport(resolved.transport, { language: report.language, onFatal: () => abort.abort() });
    const analyzer = createModelAnalyzer({
      transport: guarded, language: report.language, customInstructions, diffBudgetTokens: resolved.diffBudgetTokens,
      cache: this.cache, concurrency,
    });
    const shadow = shadowReport(report, offline, options.only);
    const total = shadow.repositories.reduce((sum, repo) => sum + (repo.error === undefined ? repo.commits.length : 0), 0);
    let analyzed = 0;
    const result = (status: RunStatus): RunResult => ({ status, analyzed, calls: guarded.calls });
    if (total === 0) return result('done');
    this.log.info(`Model analysis of ${total} commit(s) with ${guarded.id} ${resolved.label}.`);

    try {
      await vscode.window.withProgress({
        location: options.interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Daily Digest: analyzing with {0}', resolved.label),
        cancellable: true,
      }, async (progress, token) => {
        const subscription = token.onCancellationRequested(() => abort.abort());
        progress.report({ message: vscode.l10n.t('{0} of {1} commits', 0, total) });
        try {
          await analyzeReport(shadow, analyzer, {
            // The analyzer's paths are literal file names, never globs.
            readDiff: (repoPath, sha, maxBytes, paths) => readCommitDiff(repoPath, sha, {
              maxBytes, paths: paths?.map((path) => `:(literal)${path}`), signal: abort.signal,
            }),
            concurrency,
            signal: abort.signal,
            onCommit: (repoIndex, commitIndex, analysis) => {
              analyzed += 1;
              progress.report({ increment: 100 / total, message: vscode.l10n.t('{0} of {1} commits', analyzed, total) });
              if (this.host.currentReport() !== report) return;
              this.host.onAnalysis(report, repoIndex, options.only?.commitIndex ?? commitIndex, analysis);
            },
          });
        } finally {
          subscription.dispose();
        }
      });
    } catch (error) {
      this.host.flush();
      if (guarded.fatal !== undefined) {
        const fatal = classifyFailure(guarded.fatal.error, uiLanguage()) ?? guarded.fatal;
        this.log.error(`Model analysis stopped: ${fatal.detail}`);
        this.problems.explainFailure(fatal, resolved.label, options);
        return result('failed');
      }
      if (abort.signal.aborted || (error instanceof DigestError && error.code === 'cancelled')) {
        this.log.info(`Model analysis cancelled after ${analyzed} of ${total} commit(s).`);
        return result('cancelled');
      }
      const message = describeError(error, uiLanguage());
      this.log.error(`Model analysis failed: ${message}`);
      void this.notices.notify('error', vscode.l10n.t('The language-model analysis failed: {0}', message));
      return result('failed');
    }
    this.host.flush();
    this.log.info(`Model analysis done: ${analyzed} commit(s), ${guarded.calls} model request(s).`);
    if (guarded.failures.length > 0) {
      const first = classifyFailure(guarded.failures[0]?.error, uiLanguage());
      void this.notices.notify('warning', vscode.l10n.t(
        'The language model failed for {0} of {1} commits; they keep the offline analysis. {2}',
        guarded.failures.length, total, first?.detail ?? ''));
    } else if (options.explicit) {
      void this.notices.notify('info', analyzed === 1
        ? vscode.l10n.t('Analyzed 1 commit with {0}.', resolved.label)
        : vscode.l10n.t('Analyzed {0} commits with {1}.', analyzed, resolved.label));
    }
    return result('done');
  }

  private async resolveVscodeLm(config: VscodeLmConfig, options: AnalyzeOptions): Promise<ResolvedModel | undefined> {
    const api = languageModelApi();
    if (api === undefined) {
      this.problems.offerOffline('warning', vscode.l10n.t('This version of VS Code has no language model API. The report shows the offline analysis.'), options);
      return undefined;
    }
    let models: vscode.LanguageModelChat[];
    try {
      models = await api.selectChatModels(config.selector);
    } catch (error) {
      const failure = classifyFailure(error, uiLanguage());
      if (failure !== undefined) this.problems.explainFailure(failure, describeSelector(config.selector), options);
      return undefined;
    }
    const chat = models[0];
    if (chat === undefined) {
      const which = describeSelector(config.selector);
      this.log.warn(`No language model available for ${which || 'any vendor'}.`);
      this.problems.offerOffline('warning', which === ''
        ? vscode.l10n.t('No language model is available. Install and sign in to an extension that provides chat models, or run "Daily Digest: Select Model". The report shows the offline analysis.')
        : vscode.l10n.t('No language model matches {0}. Install and sign in to an extension that provides it, or run "Daily Digest: Select Model". The report shows the offline analysis.', which),
      options, vscode.l10n.t('Select Model'));
      return undefined;
    }
    if (!options.userAction && !this.setup.maySend(chat)) {
      // Consent can only be asked during a user action: an automatic refresh keeps the offline analysis.
      this.log.info(`Model analysis skipped: ${chat.id} has not been allowed yet (it is asked on a user action).`);
      return undefined;
    }
    return {
      transport: createVscodeLmTransport(chat, vscode.l10n.t(
        'Daily Digest sends the message, file list and part of the diff of each commit of the report to analyze it.')),
      label: chat.name || chat.id,
      diffBudgetTokens: effectiveDiffBudget(config.diffBudgetTokens, chat.maxInputTokens),
    };
  }

  private async resolveOpenAi(config: OpenAiConfig, options: AnalyzeOptions): Promise<ResolvedModel | undefined> {
    if (!config.loopback && !(await this.setup.hasSendConsent(config.origin, options))) return undefined;
    const apiKey = await this.setup.apiKey(config.origin);
    try {
      return {
        transport: createOpenAiCompatibleTransport({ baseUrl: config.baseUrl, model: config.model, apiKey }),
        label: config.model,
        diffBudgetTokens: config.diffBudgetTokens,
      };
    } catch (error) {
      this.problems.explainInvalid('bad-url', config.baseUrl);
      this.log.error(`Model analysis: ${describeError(error)}`);
      return undefined;
    }
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

function describeSelector(selector: { vendor?: string; family?: string }): string {
  return [selector.vendor, selector.family].filter((part) => part !== undefined && part !== '').join(' / ');
}
