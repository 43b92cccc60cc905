// Setting up the opt-in language-model analysis: the settings read into a model config, the consent to send code to
// a server off this machine (once per origin), the API key in SecretStorage, and the "Select Model" picker.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors.js';
import type { Notices } from '../notices.js';
import { SECTION } from '../settings.js';
import { apiKeySecretName, modelConfigFrom, openAiOrigin, type AnalyzerSetting, type ModelConfig } from './config.js';
import type { LlmProblems } from './problems.js';
import { languageModelApi } from './vscodeLmTransport.js';

const CONSENT_KEY_PREFIX = 'dailyDigest.sendConsent/';

/** Whether a run was started by the user (a command, a button): only then may VS Code or Daily Digest ask consent. */
export interface UserAction {
  userAction: boolean;
}

export class LlmSetup {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly notices: Notices,
    private readonly problems: LlmProblems,
  ) {}

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
      timeoutSeconds: config.get<unknown>('model.timeoutSeconds'),
    });
  }

  /** True when a model analyzer is chosen (valid or not). */
  enabled(): boolean {
    return this.config().kind !== 'heuristic';
  }

  /** The stored API key of an origin, if any. */
  apiKey(origin: string): Thenable<string | undefined> {
    return this.context.secrets.get(apiKeySecretName(origin));
  }

  /** Whether VS Code lets this extension send requests to `chat` now (consent is asked on a user action only). */
  maySend(chat: vscode.LanguageModelChat): boolean {
    return this.context.languageModelAccessInformation.canSendRequest(chat) === true;
  }

  /** A server off this machine gets the code only after the user said yes once for its origin. */
  async hasSendConsent(origin: string, options: UserAction): Promise<boolean> {
    const key = `${CONSENT_KEY_PREFIX}${origin}`;
    if (this.context.globalState.get<boolean>(key) === true) return true;
    if (!options.userAction) {
      this.log.info(`Model analysis skipped: sending to ${origin} was not confirmed yet (it is asked on a user action).`);
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

  /** "Select Model": a QuickPick of the chat models VS Code offers, plus the other analyzers. */
  async selectModel(): Promise<void> {
    type Item = vscode.QuickPickItem & { pick: { kind: 'model'; chat: vscode.LanguageModelChat } | { kind: AnalyzerSetting } };
    const api = languageModelApi();
    let models: vscode.LanguageModelChat[] = [];
    if (api !== undefined) {
      try {
        models = await api.selectChatModels();
      } catch (error) {
        this.log.warn(`Listing language models failed: ${describeError(error)}`);
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
      void this.notices.notify('info', vscode.l10n.t('Daily Digest analyzes commits with {0} from now on. Run "Analyze Day with Language Model" to use it on the report.', pick.chat.name || pick.chat.id));
    } else if (pick.kind === 'openai-compatible') {
      await config.update('analyzer', 'openai-compatible', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.openai`);
    } else {
      await this.problems.setAnalyzer('heuristic');
    }
  }

  /**
   * "Set API Key": asks for the key of the configured server's origin (password box) unless `value` is given; an empty
   * value removes it. The key goes to SecretStorage only: never to settings or the log.
   */
  async setApiKey(value?: string): Promise<boolean> {
    const origin = openAiOrigin(vscode.workspace.getConfiguration(SECTION).get<unknown>('openai.baseUrl'));
    if (origin === undefined) {
      this.problems.explainInvalid('bad-url', vscode.workspace.getConfiguration(SECTION).get<string>('openai.baseUrl', ''));
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
      this.log.info(`API key for ${origin} removed.`);
      void this.notices.notify('info', vscode.l10n.t('The API key for {0} was removed.', origin));
    } else {
      await this.context.secrets.store(name, key.trim());
      this.log.info(`API key for ${origin} stored.`);
      void this.notices.notify('info', vscode.l10n.t('The API key for {0} was saved in VS Code\'s secret storage.', origin));
    }
    return true;
  }

  clearApiKey(): Promise<boolean> {
    return this.setApiKey('');
  }
}
