// One report generation at a time: the engine run with its progress (a cancellable notification when the user asked,
// the status bar when it runs by itself), its cancellation, its errors, and the Commits view's state (mirrored in the
// `dailyDigest.state` context key for the welcome content). Never runs git in Restricted Mode.
import * as vscode from 'vscode';
import { generateReport } from '../core/engine/generateReport.js';
import { DigestError, describeError, isDigestError } from '../core/errors.js';
import type { PeriodSpec } from '../core/domain/options.js';
import type { Report } from '../core/domain/report.js';
import { todayIn } from '../core/time/format.js';
import { canGoNext } from './days/dayNavigation.js';
import type { Notices } from './notices.js';
import { readSettings, SECTION, uiLanguage } from './settings.js';

/**
 * What the Commits view shows. `restricted`: the workspace is not trusted, so no git runs (the welcome content
 * explains it).
 */
export type ViewState = 'none' | 'loading' | 'ready' | 'empty' | 'notGit' | 'error' | 'restricted';

export interface ReportRunHost {
  readonly log: vscode.LogOutputChannel;
  readonly notices: Notices;
  /** History walks kept between reports (extension storage, never the repository): a refresh walks only new commits. */
  readonly walkIndexDir: string;
  /** Offline analyses kept between reports (extension storage): a refresh reads and parses only new commits' code. */
  readonly analysisCacheDir: string;
  hasReport(): boolean;
  /** A generation starts (the one before it, if any, was cancelled). */
  onStarted(): void;
  /** A generation failed or was cancelled. */
  onFailed(): void;
}

export class ReportRun implements vscode.Disposable {
  private running: AbortController | undefined;
  private viewState: ViewState = 'none';

  constructor(private readonly host: ReportRunHost) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  get state(): ViewState {
    return this.viewState;
  }

  async setState(state: ViewState): Promise<void> {
    this.viewState = state;
    await vscode.commands.executeCommand('setContext', 'dailyDigest.state', state);
  }

  /** Whether the day after the report's window can have commits yet. */
  hasNextDay(report: Report): boolean {
    return canGoNext(report, todayIn(report.window.timeZone));
  }

  /**
   * The report of `period` over `repos`, or undefined when there is none to show: not trusted, no repository,
   * cancelled, replaced by a later generation, or failed (the error is shown when `interactive`).
   */
  async generate(period: PeriodSpec, repos: string[], interactive: boolean): Promise<Report | undefined> {
    const { log, notices } = this.host;
    if (!vscode.workspace.isTrusted) {
      await this.setState('restricted');
      if (interactive) await notices.explainRestrictedMode();
      return undefined;
    }
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
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    this.host.onStarted();
    const settings = readSettings();
    if (settings.rulesError !== undefined && interactive) {
      void vscode.window.showWarningMessage(settings.rulesError.format(uiLanguage()));
    }
    if (!this.host.hasReport()) await this.setState('loading');
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
          walkIndexDir: this.host.walkIndexDir,
          analysisCacheDir: this.host.analysisCacheDir,
        }).finally(() => subscription.dispose());
      });
      if (this.running !== abort) return undefined;
      log.info(`Report ${report.window.label}: ${report.repositories.map((r) => `${r.name} ${r.stats.commits}`).join(', ')}`);
      for (const repo of report.repositories) {
        if (repo.error !== undefined) log.warn(`${repo.path}: ${repo.error}`);
      }
      return report;
    } catch (error) {
      if (this.running !== abort) return undefined;
      const cancelled = abort.signal.aborted || (isDigestError(error) && error.code === 'cancelled');
      if (this.viewState === 'loading') await this.setState(this.host.hasReport() ? 'ready' : 'none');
      this.host.onFailed();
      if (cancelled) {
        log.info('Report generation cancelled.');
        return undefined;
      }
      const message = describeError(error, uiLanguage());
      log.error(`Report generation failed: ${message}`);
      if (interactive) void this.showError(error, message);
      if (!this.host.hasReport()) await this.setState('error');
      return undefined;
    } finally {
      if (this.running === abort) this.running = undefined;
    }
  }

  /** Stops the generation under way, if any (the engine kills its git processes). */
  cancel(): void {
    this.running?.abort();
  }

  private async showError(error: unknown, message: string): Promise<void> {
    const openSettings = vscode.l10n.t('Open Settings');
    const settingsRelated = error instanceof DigestError &&
      ['bad-time-zone', 'bad-config', 'unknown-ref', 'bad-date'].includes(error.code);
    const choice = await vscode.window.showErrorMessage(message, ...(settingsRelated ? [openSettings] : []));
    if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
  }

  dispose(): void {
    this.cancel();
  }
}
