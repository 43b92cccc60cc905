// The controller's side of the report panel: what the webview shows (the report, loading or empty) and its title,
// and the messages the webview posts, validated (webviewMessages.ts) before anything is done.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors.js';
import type { Language } from '../../core/domain/language.js';
import type { PeriodSpec } from '../../core/domain/options.js';
import type { AnalyzedCommit, Report } from '../../core/domain/report.js';
import { periodFromLabel } from '../../core/time/period.js';
import { adjacentDay, todayIn } from '../../shared/days.js';
import type { ExtensionToWebview, WebviewState } from '../../shared/protocol.js';
import type { IndexedCommit, ReportIndex } from '../../shared/reportIndex.js';
import { readSettings, uiLanguage } from '../settings.js';
import { openFactDiff, type OpenedFact } from './factDiff.js';
import type { ReportSource } from './reportPanel.js';
import { validateWebviewMessage, type ValidationResult } from './webviewMessages.js';

export interface MessageOutcome {
  ok: boolean;
  /** The action taken, or why the message was refused. */
  action?: string;
  reason?: string;
}

/** The triage state (commits marked reviewed), kept by the extension per repository. */
export interface TriageState {
  /** The full SHAs of the report's commits marked reviewed. */
  reviewed(report: Report): string[];
  setReviewed(commits: readonly IndexedCommit[], reviewed: boolean): void | Promise<void>;
}

/** What the bridge needs from the controller. */
export interface BridgeHost {
  readonly log: vscode.LogOutputChannel;
  currentReport(): Report | undefined;
  currentIndex(): ReportIndex | undefined;
  isGenerating(): boolean;
  /** A panel restored after a reload showed this period: generate it next (no report is shown yet). */
  restorePeriod(period: PeriodSpec): void;
  /** Generates and shows the report of this period (a day of the calendar, the previous or next day). */
  openPeriod?(period: PeriodSpec): void;
  /** The extension's triage state; without it, marks last as long as the window. */
  readonly triage?: TriageState;
  updatePanel(): void;
  refresh(): void;
  exportReport(): void;
  copyMarkdown(): Promise<void>;
  openCommit(repoPath: string, commit: AnalyzedCommit): Promise<void>;
  openFile(repoPath: string, commit: AnalyzedCommit, path: string): Promise<void>;
}

/** Marks kept for the window's life when the host keeps no triage state. */
class SessionTriage implements TriageState {
  private readonly marked = new Set<string>();
  reviewed(report: Report): string[] {
    return report.repositories.flatMap((repo) => repo.commits.filter((commit) => this.marked.has(commit.sha)).map((commit) => commit.sha));
  }
  setReviewed(commits: readonly IndexedCommit[], reviewed: boolean): void {
    for (const { commit } of commits) {
      if (reviewed) this.marked.add(commit.sha);
      else this.marked.delete(commit.sha);
    }
  }
}

export class WebviewBridge implements ReportSource {
  private post: ((message: ExtensionToWebview) => void) | undefined;
  private readonly sessionTriage = new SessionTriage();
  /** Test hook: the last fact opened from the report. */
  lastFact: OpenedFact | undefined;

  constructor(private readonly host: BridgeHost) {}

  attach(post: (message: ExtensionToWebview) => void): void {
    this.post = post;
  }

  private get triage(): TriageState {
    return this.host.triage ?? this.sessionTriage;
  }

  title(): string {
    const report = this.host.currentReport();
    return report === undefined
      ? vscode.l10n.t('Daily Digest')
      : vscode.l10n.t('Daily Digest — {0}', report.window.label.replace('..', ' – '));
  }

  /** The language of the report the settings ask for (what a report made now would be in). */
  private language(): Language {
    try {
      return readSettings().options.language;
    } catch {
      return uiLanguage();
    }
  }

  currentMessage(): ExtensionToWebview {
    const report = this.host.currentReport();
    const language = this.language();
    if (this.host.isGenerating() && report === undefined) return { type: 'loading', language };
    if (report === undefined) return { type: 'empty', language };
    return {
      type: 'report', report, reviewed: this.triage.reviewed(report),
      ...(language === report.language ? {} : { language }),
      navigation: { today: todayIn(report.window.timeZone) },
    };
  }

  /** The triage state changed outside the report (the tree): the webview updates its marks and counts. */
  triageChanged(): void {
    const report = this.host.currentReport();
    if (report !== undefined) this.post?.({ type: 'triage', reviewed: this.triage.reviewed(report) });
  }

  /** The UI language changed: the page relabels itself now; the report in that language follows. */
  languageChanged(language: Language): void {
    this.post?.({ type: 'language', language });
  }

  onRestored(state: WebviewState | undefined): void {
    const period = periodFromLabel(state?.day);
    if (period !== undefined && this.host.currentReport() === undefined) this.host.restorePeriod(period);
  }

  private openDay(day: string | undefined): void {
    if (day === undefined) return;
    if (this.host.openPeriod === undefined) {
      this.host.log.warn(`Opening ${day} from the report view is not available.`);
      return;
    }
    this.host.openPeriod({ kind: 'day', day });
  }

  /** Validates and acts on one message from the report webview. Refusals are logged, never acted on. */
  async onMessage(message: unknown): Promise<MessageOutcome> {
    const report = this.host.currentReport();
    const result: ValidationResult = validateWebviewMessage(message, report, this.host.currentIndex());
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
        case 'openFact':
          this.lastFact = await openFactDiff(action.repo.path, action.commit, action.file, action.line, action.side);
          break;
        case 'openExternal':
          await vscode.env.openExternal(vscode.Uri.parse(action.url, true));
          break;
        case 'markReviewed':
          await this.triage.setReviewed(action.commits, action.reviewed);
          this.triageChanged();
          break;
        case 'openDay':
          this.openDay(action.day);
          break;
        case 'previousDay':
        case 'nextDay': {
          const label = report?.window.label ?? todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
          this.openDay(adjacentDay(label, action.kind === 'previousDay' ? 'previous' : 'next'));
          break;
        }
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
