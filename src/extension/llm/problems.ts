// What stops a language-model analysis, told to the user with the way out that fits: choose a model, set a key, open
// the settings, or go back to the offline analyzer (which setAnalyzer does).
import * as vscode from 'vscode';
import type { Notices, NoticeSeverity } from '../notices.js';
import { SECTION } from '../settings.js';
import type { AnalyzerSetting } from './config.js';
import type { ModelFailure } from './failures.js';

/** Whether a run shows messages (a user action) or only logs them (an automatic run). */
export interface Interactivity {
  interactive: boolean;
}

export class LlmProblems {
  constructor(private readonly log: vscode.LogOutputChannel, private readonly notices: Notices) {}

  explainNoModel(): void {
    const select = vscode.l10n.t('Select Model');
    const settings = vscode.l10n.t('Open Settings');
    void this.notices.notify('info',
      vscode.l10n.t('No language model is set up: Daily Digest analyzes offline. Choose a model, or an OpenAI-compatible server in the settings.'),
      select, settings).then((choice) => this.act(choice, { select, settings }));
  }

  explainInvalid(problem: string, value: string): void {
    const message = problem === 'no-model'
      ? vscode.l10n.t('Set dailyDigest.openai.model to the name of a model your server knows. The report shows the offline analysis.')
      : problem === 'url-credentials'
        ? vscode.l10n.t('dailyDigest.openai.baseUrl ({0}) contains a user name or password: remove it and run "Daily Digest: Set API Key". The report shows the offline analysis.', value)
        : vscode.l10n.t('dailyDigest.openai.baseUrl ("{0}") is not an http:// or https:// URL, such as http://127.0.0.1:11434/v1. The report shows the offline analysis.', value);
    this.offerOffline('warning', message, { interactive: true }, vscode.l10n.t('Open Settings'));
  }

  /** A message for a failure that stopped the run, with the way out that fits it. */
  explainFailure(failure: ModelFailure, model: string, options: Interactivity = { interactive: true }): void {
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
  offerOffline(severity: NoticeSeverity, message: string, options: Interactivity, ...extra: string[]): void {
    this.log.warn(message);
    if (!options.interactive) return;
    const offline = vscode.l10n.t('Use Offline Analyzer');
    void this.notices.notify(severity, message, ...extra, offline).then((choice) => this.act(choice, {
      offline,
      select: vscode.l10n.t('Select Model'),
      settings: vscode.l10n.t('Open Settings'),
      apiKey: vscode.l10n.t('Set API Key'),
    }));
  }

  async setAnalyzer(analyzer: AnalyzerSetting): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('analyzer', analyzer, vscode.ConfigurationTarget.Global);
    if (analyzer === 'heuristic') {
      void this.notices.notify('info', vscode.l10n.t('Daily Digest now analyzes offline: nothing is sent to a language model.'));
    }
  }

  private async act(choice: string | undefined,
    labels: { offline?: string; select?: string; settings?: string; apiKey?: string }): Promise<void> {
    if (choice === undefined) return;
    if (choice === labels.offline) await this.setAnalyzer('heuristic');
    else if (choice === labels.select) await vscode.commands.executeCommand('dailyDigest.selectModel');
    else if (choice === labels.apiKey) await vscode.commands.executeCommand('dailyDigest.setApiKey');
    else if (choice === labels.settings) await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.`);
  }
}
