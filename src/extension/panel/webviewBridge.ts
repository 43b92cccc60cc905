// The controller's side of the report panel: what the webview shows (the report, loading or empty) and its title,
// and the messages the webview posts, validated (webviewMessages.ts) before anything is done.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors.js';
import type { PeriodSpec } from '../../core/domain/options.js';
import type { AnalyzedCommit, Report } from '../../core/domain/report.js';
import { periodFromLabel } from '../../core/time/period.js';
import type { ExtensionToWebview, WebviewState, WebviewStrings } from '../../shared/protocol.js';
import type { ReportIndex } from '../../shared/reportIndex.js';
import { uiLanguage } from '../settings.js';
import type { ReportSource } from './reportPanel.js';
import { validateWebviewMessage, type ValidationResult } from './webviewMessages.js';

export interface MessageOutcome {
  ok: boolean;
  /** The action taken, or why the message was refused. */
  action?: string;
  reason?: string;
}

/** What the bridge needs from the controller. */
export interface BridgeHost {
  readonly log: vscode.LogOutputChannel;
  currentReport(): Report | undefined;
  currentIndex(): ReportIndex | undefined;
  isGenerating(): boolean;
  markdownOf(report: Report): string;
  /** A panel restored after a reload showed this period: generate it next (no report is shown yet). */
  restorePeriod(period: PeriodSpec): void;
  updatePanel(): void;
  refresh(): void;
  exportReport(): void;
  copyMarkdown(): Promise<void>;
  openCommit(repoPath: string, commit: AnalyzedCommit): Promise<void>;
  openFile(repoPath: string, commit: AnalyzedCommit, path: string): Promise<void>;
}

export class WebviewBridge implements ReportSource {
  constructor(private readonly host: BridgeHost) {}

  title(): string {
    const report = this.host.currentReport();
    return report === undefined
      ? vscode.l10n.t('Daily Digest')
      : vscode.l10n.t('Daily Digest — {0}', report.window.label.replace('..', ' – '));
  }

  currentMessage(strings: WebviewStrings): ExtensionToWebview {
    const report = this.host.currentReport();
    if (this.host.isGenerating() && report === undefined) return { type: 'loading', strings };
    if (report === undefined) return { type: 'empty', strings, message: strings.noReport };
    return { type: 'report', strings, report, markdown: this.host.markdownOf(report) };
  }

  onRestored(state: WebviewState | undefined): void {
    const period = periodFromLabel(state?.day);
    if (period !== undefined && this.host.currentReport() === undefined) this.host.restorePeriod(period);
  }

  /** Validates and acts on one message from the report webview. Refusals are logged, never acted on. */
  async onMessage(message: unknown): Promise<MessageOutcome> {
    const result: ValidationResult = validateWebviewMessage(message, this.host.currentReport(), this.host.currentIndex());
    if (!result.ok) {
      this.host.log.warn(`Refused a message from the report view: ${result.reason}`);
      return { ok: false, reason: result.reason };
    }
    const { action } = result;
    try {
      switch (action.kind) {
        case 'ready':
          this.host.updatePanel();
          break;
        case 'refresh':
          this.host.refresh();
          break;
        case 'export':
          this.host.exportReport();
          break;
        case 'copyMarkdown':
          await this.host.copyMarkdown();
          break;
        case 'openCommit':
          await this.host.openCommit(action.repo.path, action.commit);
          break;
        case 'openFile':
          await this.host.openFile(action.repo.path, action.commit, action.file.path);
          break;
        case 'openExternal':
          await vscode.env.openExternal(vscode.Uri.parse(action.url, true));
          break;
      }
    } catch (error) {
      const text = describeError(error, uiLanguage());
      this.host.log.error(`Handling ${action.kind} failed: ${text}`);
      void vscode.window.showErrorMessage(text);
      return { ok: false, action: action.kind, reason: text };
    }
    return { ok: true, action: action.kind };
  }
}
