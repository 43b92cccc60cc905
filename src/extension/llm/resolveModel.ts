// The configured model, resolved into a transport: a chat model VS Code offers (vscode.lm), or an OpenAI-compatible
// server (after the consent for a server off this machine, with the stored key). Each way it can fail is told to the
// user with the way out that fits (llm/problems.ts).
import * as vscode from 'vscode';
import { describeError } from '../../core/errors.js';
import { createOpenAiCompatibleTransport } from '../../core/llm/openai.js';
import type { ChatTransport } from '../../core/llm/types.js';
import { uiLanguage } from '../settings.js';
import { effectiveDiffBudget, type OpenAiConfig, type VscodeLmConfig } from './config.js';
import { classifyFailure, languageModelFailure } from './failures.js';
import type { Interactivity, LlmProblems } from './problems.js';
import type { LlmSetup, UserAction } from './setup.js';
import { createVscodeLmTransport, languageModelApi, languageModelErrorCode } from './vscodeLmTransport.js';

export interface ResolvedModel {
  transport: ChatTransport;
  /** What the user knows the model as. */
  label: string;
  diffBudgetTokens: number;
}

export class ModelResolver {
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly setup: LlmSetup,
    private readonly problems: LlmProblems,
  ) {}

  async vscodeLm(config: VscodeLmConfig, options: Interactivity & UserAction): Promise<ResolvedModel | undefined> {
    const api = languageModelApi();
    if (api === undefined) {
      this.problems.offerOffline('warning', vscode.l10n.t('This version of VS Code has no language model API. The report shows the offline analysis.'), options);
      return undefined;
    }
    const which = describeSelector(config.selector);
    let models: vscode.LanguageModelChat[];
    try {
      models = await api.selectChatModels(config.selector);
    } catch (error) {
      const code = languageModelErrorCode(error);
      const failure = classifyFailure(code === undefined ? error : languageModelFailure(code, describeError(error), which), uiLanguage());
      if (failure !== undefined) this.problems.explainFailure(failure, which, options);
      return undefined;
    }
    const chat = models[0];
    if (chat === undefined) {
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

  async openAi(config: OpenAiConfig, options: UserAction): Promise<ResolvedModel | undefined> {
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
}

export function describeSelector(selector: { vendor?: string; family?: string }): string {
  return [selector.vendor, selector.family].filter((part) => part !== undefined && part !== '').join(' / ');
}
