import * as vscode from 'vscode';
import type { WebviewStrings } from '../../shared/protocol.js';

/** The webview's fixed words, in the UI language (l10n/). */
export function webviewStrings(): WebviewStrings {
  return {
    refresh: vscode.l10n.t('Refresh'),
    export: vscode.l10n.t('Export…'),
    copyMarkdown: vscode.l10n.t('Copy Markdown'),
    loading: vscode.l10n.t('Generating the report…'),
    noReport: vscode.l10n.t('No report yet.'),
    generateToday: vscode.l10n.t('Generate Report for Today'),
    commits: vscode.l10n.t('commits'),
    high: vscode.l10n.t('high'),
    diff: vscode.l10n.t('diff'),
    openDiff: vscode.l10n.t('Open the diff'),
    openRemote: vscode.l10n.t('Open on remote'),
  };
}
