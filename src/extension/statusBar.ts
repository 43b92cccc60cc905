// The status bar item of the shown report: its commits and how many are high; a click opens the report.
import * as vscode from 'vscode';
import type { Report } from '../core/domain/report.js';
import { treeWords } from './i18n/treeWords.js';

export class ReportStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('dailyDigest.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Daily Digest');
    this.item.command = 'dailyDigest.openReport';
  }

  /** Shows the report's counts, or hides the item when there is no report. */
  update(report: Report | undefined): void {
    if (report === undefined) {
      this.item.hide();
      return;
    }
    const commits = report.repositories.reduce((sum, repo) => sum + repo.stats.commits, 0);
    const high = report.repositories.reduce((sum, repo) => sum + repo.stats.high, 0);
    // In the report's language, like the tree and the report.
    const words = treeWords(report.language);
    this.item.text = words.statusText(commits, high);
    this.item.tooltip = words.statusTooltip(report.window.label);
    this.item.accessibilityInformation = { label: this.item.text };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
