// The extension's side of the opt-in language-model analysis: settings → analyzer, the API key in SecretStorage, the
// analysis cache in global storage, runs with progress and cancellation, and messages that say what went wrong and
// offer the way back to the offline analyzer. Model answers only ever replace `Analysis` fields (plain data); they
// never choose a file, a command or a URL.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createFileCache, type AnalysisCache } from '../../core/cache/index.js';
import { DigestError, describeError } from '../../core/errors.js';
import { readCommitDiff } from '../../core/git/index.js';
import { analyzeReport, createModelAnalyzer } from '../../core/llm/analyzer.js';
import { createOpenAiCompatibleTransport } from '../../core/llm/openai.js';
import type { ChatTransport } from '../../core/llm/types.js';
import type { Analysis } from '../../core/domain/analysis.js';
import type { Report } from '../../core/domain/report.js';
import { SECTION, uiLanguage } from '../settings.js';
import { shadowReport, type OfflineAnalyses } from './apply.js';
import {
  apiKeySecretName, effectiveDiffBudget, modelConfigFrom, openAiOrigin, type AnalyzerSetting, type ModelConfig,
  type OpenAiConfig, type VscodeLmConfig,
} from './config.js';
import { classifyFailure, type ModelFailure } from './failures.js';
import { guardTransport } from './guard.js';
import { createVscodeLmTransport, languageModelApi } from './vscodeLmTransport.js';

export type NoticeSeverity = 'info' | 'warning' | 'error';

/** A message shown to the user (kept for the test API). */
export interface Notice {
  severity: NoticeSeverity;
  message: string;
  actions: string[];
}

/** What the service needs from the controller. */
export interface ModelHost {
  readonly log: vscode.LogOutputChannel;
  currentReport(): Report | undefined;
  /** The offline analyses of the shown report (undefined for any other report). */
  offlineOf(report: Report): OfflineAnalyses | undefined;
  /** One commit's model analysis landed; the host updates the shown report and refreshes its views (throttled). */
  onAnalysis(report: Report, repoIndex: number, commitIndex: number, analysis: Analysis): void;
  /** The run ended: refresh the views now. */
  flush(): void;
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined>;
  explainRestrictedMode(): Promise<void>;
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

const CONSENT_KEY_PREFIX = 'dailyDigest.sendConsent/';

export class ModelAnalysisService implements vscode.Disposable {
  private running: AbortController | undefined;
  readonly cache: AnalysisCache;

  constructor(private readonly context: vscode.ExtensionContext, private readonly host: ModelHost) {
    this.cache = createFileCache(join(context.globalStorageUri.fsPath, 'analysis-cache'));
  }

  config(): ModelConfig {
    const config = vscode.workspace.getConfiguration(SECTION);
    return modelConfigFrom({
      analyzer: config.get<unknown>('analyzer'),
      vendor: config.get<unknown>('lm.vendor'),
      family: config.get<unknown>('lm.family'),
      baseUrl: config.get<unknown>('openai.baseUrl'),
      model: config.get<unknown>('openai.model'),
      concurrency: config.get<unknown>('lm.concurrency'),
      customInstructions: config.get<unknown>('lm.customInstructions'),
      diffBudgetTokens: config.get<unknown>('lm.diffBudgetTokens'),
    });
  }

  /** True when a model analyzer is chosen (valid or not). */
  enabled(): boolean {
    return this.config().kind !== 'heuristic';
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Stops the run under way: requests in flight are aborted; analyses already landed stay. */
  cancel(): void {
    this.running?.abort();
  }

  // ---- running ----------------------------------------------------------------------------------------------

  /** Runs the configured model over the report (or one commit), replacing analyses as they arrive. */
  async analyze(report: Report, options: AnalyzeOptions): Promise<RunResult> {
    const skipped: RunResult = { status: 'skipped', analyzed: 0, calls: 0 };
    if (!vscode.workspace.isTrusted) {
      // The model needs git diffs, and git does not run in Restricted Mode.
      if (options.interactive) await this.host.explainRestrictedMode();
      return skipped;
    }
    const config = this.config();
    if (config.kind === 'heuristic') {
      if (options.explicit) this.explainNoModel();
      return skipped;
    }
    if (config.kind === 'invalid') {
      if (options.interactive) this.explainInvalid(config.problem, config.value);
      else this.host.log.warn(`Model analysis skipped: invalid settings (${config.problem}).`);
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
    this.host.log.info(`Model analysis of ${total} commit(s) with ${guarded.id} ${resolved.label}.`);

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
        this.host.log.error(`Model analysis stopped: ${fatal.detail}`);
        this.explainFailure(fatal, resolved.label, options);
        return result('failed');
      }
      if (abort.signal.aborted || (error instanceof DigestError && error.code === 'cancelled')) {
        this.host.log.info(`Model analysis cancelled after ${analyzed} of ${total} commit(s).`);
        return result('cancelled');
      }
      const message = describeError(error, uiLanguage());
      this.host.log.error(`Model analysis failed: ${message}`);
      void this.host.notify('error', vscode.l10n.t('The language-model analysis failed: {0}', message));
      return result('failed');
    }
    this.host.flush();
    this.host.log.info(`Model analysis done: ${analyzed} commit(s), ${guarded.calls} model request(s).`);
    if (guarded.failures.length > 0) {
      const first = classifyFailure(guarded.failures[0]?.error, uiLanguage());
      void this.host.notify('warning', vscode.l10n.t(
        'The language model failed for {0} of {1} commits; they keep the offline analysis. {2}',
        guarded.failures.length, total, first?.detail ?? ''));
    } else if (options.explicit) {
      void this.host.notify('info', analyzed === 1
        ? vscode.l10n.t('Analyzed 1 commit with {0}.', resolved.label)
        : vscode.l10n.t('Analyzed {0} commits with {1}.', analyzed, resolved.label));
    }
    return result('done');
  }

  // ---- resolving the model ----------------------------------------------------------------------------------

  private async resolveVscodeLm(config: VscodeLmConfig, options: AnalyzeOptions): Promise<ResolvedModel | undefined> {
    const api = languageModelApi();
    if (api === undefined) {
      this.offerOffline('warning', vscode.l10n.t('This version of VS Code has no language model API. The report shows the offline analysis.'), options);
      return undefined;
    }
    let models: vscode.LanguageModelChat[];
    try {
      models = await api.selectChatModels(config.selector);
    } catch (error) {
      const failure = classifyFailure(error, uiLanguage());
      if (failure !== undefined) this.explainFailure(failure, describeSelector(config.selector), options);
      return undefined;
    }
    const chat = models[0];
    if (chat === undefined) {
      const which = describeSelector(config.selector);
      this.host.log.warn(`No language model available for ${which || 'any vendor'}.`);
      this.offerOffline('warning', which === ''
        ? vscode.l10n.t('No language model is available. Install and sign in to an extension that provides chat models, or run "Daily Digest: Select Model". The report shows the offline analysis.')
        : vscode.l10n.t('No language model matches {0}. Install and sign in to an extension that provides it, or run "Daily Digest: Select Model". The report shows the offline analysis.', which),
      options, vscode.l10n.t('Select Model'));
      return undefined;
    }
    if (!options.userAction && this.context.languageModelAccessInformation.canSendRequest(chat) !== true) {
      // Consent can only be asked during a user action: an automatic refresh keeps the offline analysis.
      this.host.log.info(`Model analysis skipped: ${chat.id} has not been allowed yet (it is asked on a user action).`);
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
    if (!config.loopback && !(await this.hasSendConsent(config.origin, options))) return undefined;
    const apiKey = await this.context.secrets.get(apiKeySecretName(config.origin));
    try {
      return {
        transport: createOpenAiCompatibleTransport({ baseUrl: config.baseUrl, model: config.model, apiKey }),
        label: config.model,
        diffBudgetTokens: config.diffBudgetTokens,
      };
    } catch (error) {
      this.explainInvalid('bad-url', config.baseUrl);
      this.host.log.error(`Model analysis: ${describeError(error)}`);
      return undefined;
    }
  }

  /** A server off this machine gets the code only after the user said yes once for its origin. */
  private async hasSendConsent(origin: string, options: AnalyzeOptions): Promise<boolean> {
    const key = `${CONSENT_KEY_PREFIX}${origin}`;
    if (this.context.globalState.get<boolean>(key) === true) return true;
    if (!options.userAction) {
      this.host.log.info(`Model analysis skipped: sending to ${origin} was not confirmed yet (it is asked on a user action).`);
      return false;
    }
    const send = vscode.l10n.t('Send to {0}', origin);
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Daily Digest will send the message, file names and diff excerpts of every analyzed commit to {0}.', origin),
      { modal: true, detail: vscode.l10n.t('Local servers (Ollama, LM Studio, vLLM on this machine) keep the code on your machine.') },
      send);
    if (choice !== send) return false;
    await this.context.globalState.update(key, true);
    return true;
  }

  // ---- messages ---------------------------------------------------------------------------------------------

  private explainNoModel(): void {
    const select = vscode.l10n.t('Select Model');
    const settings = vscode.l10n.t('Open Settings');
    void this.host.notify('info',
      vscode.l10n.t('No language model is set up: Daily Digest analyzes offline. Choose a model, or an OpenAI-compatible server in the settings.'),
      select, settings).then((choice) => this.act(choice, { select, settings }));
  }

  private explainInvalid(problem: string, value: string): void {
    const message = problem === 'no-model'
      ? vscode.l10n.t('Set dailyDigest.openai.model to the name of a model your server knows. The report shows the offline analysis.')
      : problem === 'url-credentials'
        ? vscode.l10n.t('dailyDigest.openai.baseUrl ({0}) contains a user name or password: remove it and run "Daily Digest: Set API Key". The report shows the offline analysis.', value)
        : vscode.l10n.t('dailyDigest.openai.baseUrl ("{0}") is not an http:// or https:// URL, such as http://127.0.0.1:11434/v1. The report shows the offline analysis.', value);
    this.offerOffline('warning', message, { interactive: true }, vscode.l10n.t('Open Settings'));
  }

  /** A message for a failure that stopped the run, with the way out that fits it. */
  private explainFailure(failure: ModelFailure, model: string, options: Pick<AnalyzeOptions, 'interactive'> = { interactive: true }): void {
    let message: string;
    let action: string | undefined;
    switch (failure.kind) {
      case 'lm-no-permission':
        message = vscode.l10n.t('Daily Digest may not use the language model {0} ({1}). The report shows the offline analysis.', model, failure.detail);
        action = vscode.l10n.t('Select Model');
        break;
      case 'lm-blocked':
        message = vscode.l10n.t('The language model {0} is blocked for Daily Digest ({1}). The report shows the offline analysis.', model, failure.detail);
        action = vscode.l10n.t('Select Model');
        break;
      case 'lm-not-found':
        message = vscode.l10n.t('The language model {0} is not available ({1}). The report shows the offline analysis.', model, failure.detail);
        action = vscode.l10n.t('Select Model');
        break;
      case 'auth':
        message = vscode.l10n.t('{0} The report shows the offline analysis.', failure.detail);
        action = vscode.l10n.t('Set API Key');
        break;
      default:
        message = vscode.l10n.t('{0} The report shows the offline analysis.', failure.detail);
        action = vscode.l10n.t('Open Settings');
    }
    this.offerOffline('warning', message, { interactive: options.interactive }, action);
  }

  /** Shows `message` with the given action and "Use Offline Analyzer" (only logged in non-interactive runs). */
  private offerOffline(severity: NoticeSeverity, message: string, options: Pick<AnalyzeOptions, 'interactive'>, ...extra: string[]): void {
    this.host.log.warn(message);
    if (!options.interactive) return;
    const offline = vscode.l10n.t('Use Offline Analyzer');
    void this.host.notify(severity, message, ...extra, offline).then((choice) => this.act(choice, {
      offline,
      select: vscode.l10n.t('Select Model'),
      settings: vscode.l10n.t('Open Settings'),
      apiKey: vscode.l10n.t('Set API Key'),
    }));
  }

  private async act(choice: string | undefined,
    labels: { offline?: string; select?: string; settings?: string; apiKey?: string }): Promise<void> {
    if (choice === undefined) return;
    if (choice === labels.offline) await this.setAnalyzer('heuristic');
    else if (choice === labels.select) await vscode.commands.executeCommand('dailyDigest.selectModel');
    else if (choice === labels.apiKey) await vscode.commands.executeCommand('dailyDigest.setApiKey');
    else if (choice === labels.settings) await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.`);
  }

  async setAnalyzer(analyzer: AnalyzerSetting): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('analyzer', analyzer, vscode.ConfigurationTarget.Global);
    if (analyzer === 'heuristic') {
      void this.host.notify('info', vscode.l10n.t('Daily Digest now analyzes offline: nothing is sent to a language model.'));
    }
  }

  // ---- commands ---------------------------------------------------------------------------------------------

  /** "Select Model": a QuickPick of the chat models VS Code offers, plus the other analyzers. */
  async selectModel(): Promise<void> {
    type Item = vscode.QuickPickItem & { pick: { kind: 'model'; chat: vscode.LanguageModelChat } | { kind: AnalyzerSetting } };
    const api = languageModelApi();
    let models: vscode.LanguageModelChat[] = [];
    if (api !== undefined) {
      try {
        models = await api.selectChatModels();
      } catch (error) {
        this.host.log.warn(`Listing language models failed: ${describeError(error)}`);
      }
    }
    const config = vscode.workspace.getConfiguration(SECTION);
    const vendor = config.get<string>('lm.vendor', '');
    const family = config.get<string>('lm.family', '');
    const items: Item[] = models.map((chat) => ({
      label: chat.name || chat.id,
      description: `${chat.vendor} · ${chat.family}`,
      detail: vscode.l10n.t('{0} input tokens', chat.maxInputTokens),
      picked: chat.vendor === vendor && chat.family === family,
      pick: { kind: 'model', chat },
    }));
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator, pick: { kind: 'heuristic' } },
      { label: `$(server) ${vscode.l10n.t('OpenAI-compatible server…')}`, description: vscode.l10n.t('Ollama, LM Studio, vLLM, OpenAI, OpenRouter'), pick: { kind: 'openai-compatible' } },
      { label: `$(circle-slash) ${vscode.l10n.t('Offline analyzer')}`, description: vscode.l10n.t('nothing leaves this machine'), pick: { kind: 'heuristic' } },
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Select Model'),
      placeHolder: models.length > 0
        ? vscode.l10n.t('The language model that analyzes the commits')
        : vscode.l10n.t('No chat models are available in VS Code: install and sign in to an extension that provides them, or use a server'),
      matchOnDescription: true,
    });
    if (picked === undefined) return;
    const { pick } = picked;
    if (pick.kind === 'model') {
      await config.update('lm.vendor', pick.chat.vendor, vscode.ConfigurationTarget.Global);
      await config.update('lm.family', pick.chat.family, vscode.ConfigurationTarget.Global);
      await config.update('analyzer', 'vscode-lm', vscode.ConfigurationTarget.Global);
      void this.host.notify('info', vscode.l10n.t('Daily Digest analyzes commits with {0} from now on. Run "Analyze Day with Language Model" to use it on the report.', pick.chat.name || pick.chat.id));
    } else if (pick.kind === 'openai-compatible') {
      await config.update('analyzer', 'openai-compatible', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.openai`);
    } else {
      await this.setAnalyzer('heuristic');
    }
  }

  /**
   * "Set API Key": asks for the key of the configured server's origin (password box) unless `value` is given; an empty
   * value removes it. The key goes to SecretStorage only: never to settings or the log.
   */
  async setApiKey(value?: string): Promise<boolean> {
    const origin = openAiOrigin(vscode.workspace.getConfiguration(SECTION).get<unknown>('openai.baseUrl'));
    if (origin === undefined) {
      this.explainInvalid('bad-url', vscode.workspace.getConfiguration(SECTION).get<string>('openai.baseUrl', ''));
      return false;
    }
    const key = value ?? await vscode.window.showInputBox({
      title: vscode.l10n.t('Set API Key'),
      prompt: vscode.l10n.t('API key for {0}, kept in VS Code\'s secret storage. Leave empty to remove the stored key.', origin),
      password: true,
      ignoreFocusOut: true,
    });
    if (key === undefined) return false;
    const name = apiKeySecretName(origin);
    if (key.trim() === '') {
      await this.context.secrets.delete(name);
      this.host.log.info(`API key for ${origin} removed.`);
      void this.host.notify('info', vscode.l10n.t('The API key for {0} was removed.', origin));
    } else {
      await this.context.secrets.store(name, key.trim());
      this.host.log.info(`API key for ${origin} stored.`);
      void this.host.notify('info', vscode.l10n.t('The API key for {0} was saved in VS Code\'s secret storage.', origin));
    }
    return true;
  }

  clearApiKey(): Promise<boolean> {
    return this.setApiKey('');
  }

  async clearCache(): Promise<number> {
    const removed = await this.cache.clear();
    this.host.log.info(`Analysis cache cleared: ${removed} entries.`);
    void this.host.notify('info', removed === 1
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
