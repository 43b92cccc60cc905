// The value activate() returns. TEST-ONLY: it exists so the extension-host test suites
// (test/extension/suite) can observe the tree and drive the webview message handler; it is not a public API
// and may change at any time.
import type { PeriodSpec } from '../core/domain/options.js';
import type { Report } from '../core/domain/report.js';
import type * as vscode from 'vscode';
import type { LastOpened, ViewState } from './controller.js';
import type { MessageOutcome } from './panel/webviewBridge.js';
import type { ExportFormat } from './reportExport.js';
import type { DigestNode } from './tree/treeNodes.js';

export interface TreeSnapshotNode {
  label: string;
  description?: string;
  contextValue?: string;
  /** The command a click runs, with its arguments (tree nodes). */
  command?: { command: string; arguments: unknown[] };
  resourceUri?: string;
  /** The underlying node (commit and file nodes carry the commit and file objects). */
  node: DigestNode;
  children: TreeSnapshotNode[];
}

export interface DailyDigestTestApi {
  /** The Commits view as TreeItems would show it, expanded fully. */
  getTreeSnapshot(): TreeSnapshotNode[];
  getCurrentReport(): Report | undefined;
  /** What the Commits view shows (also the `dailyDigest.state` context key). */
  getViewState(): ViewState;
  /** Runs a message through the same validation and handling as one posted by the report webview. */
  handleWebviewMessage(message: unknown): Promise<MessageOutcome>;
  /** Generates a report without UI prompts, optionally for explicit repositories (e.g. a suite's own fixture). */
  generate(period?: PeriodSpec, repos?: string[]): Promise<Report | undefined>;
  /** Cancels the generation under way, as the progress notification's Cancel button does. */
  cancel(): void;
  /** Resolves when the language-model analysis under way (started by a generation or a command) has ended. */
  whenModelAnalysisDone(): Promise<{ status: string; analyzed: number; calls: number } | undefined>;
  /** The last messages shown to the user (oldest first, at most 20), with their buttons; `seq` counts every one shown. */
  getNotices(): { seq: number; severity: 'info' | 'warning' | 'error'; message: string; actions: string[] }[];
  /** Answers the n-th notice of getNotices() as if the user clicked `action` (undefined: dismissed). */
  chooseNoticeAction(index: number, action: string | undefined): void;
  /** "Set API Key" without the input box: stores (or, with '', removes) the key for the configured server. */
  setApiKey(key: string): Promise<boolean>;
  /**
   * "Export Report" without the format pick and the save dialog: writes the shown report as `format` to `target`.
   * An existing file is overwritten only if `confirmOverwrite` (given its name) returns true. Resolves true when
   * the file was written.
   */
  exportReport(target: vscode.Uri, format: ExportFormat, confirmOverwrite: (name: string) => boolean | Promise<boolean>): Promise<boolean>;
  /** What the extension opened last: `changes` (multi-file), `diff` (one file), `fact` (a file's diff at a line). */
  getLastOpened(): LastOpened | undefined;
  /** The Commits view's badge (commits not reviewed yet) and message (an empty day's). */
  getViewBadge(): { value: number; tooltip: string } | undefined;
  getViewMessage(): string | undefined;
  /** The open day (or range) that Refresh and the previous / next day start from. */
  getOpenPeriod(): PeriodSpec;
  /**
   * Forgets the triage state held in memory, as a window reload does: the marks are then read back from the
   * extension's storage.
   */
  reloadTriage(): void;
  /** The view's refresh after its refs moved, as auto-refresh runs it (with the new-commit notice). */
  refreshAfterRefsMoved(): Promise<Report | undefined>;
}
