// Entry point. activate() only wires things up: no git runs until the user asks for a report.
import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { childrenOf } from './tree/commitsTree.js';
import { DigestController } from './controller.js';
import { GitContentProvider } from './diffs/gitContentProvider.js';
import { GIT_SCHEME } from './diffs/gitUri.js';
import type { WebviewState } from '../shared/protocol.js';
import { REPORT_VIEW_TYPE } from './panel/reportPanel.js';
import type { DailyDigestTestApi, TreeSnapshotNode } from './testApi.js';
import type { DigestNode } from './tree/treeNodes.js';

export type { DailyDigestTestApi, TreeSnapshotNode } from './testApi.js';

export function activate(context: vscode.ExtensionContext): DailyDigestTestApi {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Daily Digest'), { log: true });
  const controller = new DigestController(context, log);
  const gitContent = new GitContentProvider((repo) => controller.isAllowedRepo(repo), log);
  context.subscriptions.push(
    log,
    controller,
    gitContent,
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, gitContent),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        controller.panel.restore(panel, isWebviewState(state) ? state : undefined);
      },
    }),
    ...registerCommands(controller),
  );

  const snapshot = (node: DigestNode): TreeSnapshotNode => {
    const item = controller.tree.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    return {
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      command: item.command === undefined ? undefined : { command: item.command.command, arguments: item.command.arguments ?? [] },
      resourceUri: item.resourceUri?.toString(),
      node,
      children: childrenOf(node).map(snapshot),
    };
  };

  return {
    getTreeSnapshot: () => controller.tree.getChildren().map(snapshot),
    getCurrentReport: () => controller.currentReport,
    getViewState: () => controller.currentState,
    handleWebviewMessage: (message) => controller.bridge.onMessage(message),
    generate: (period, repos) => controller.generate(period, { interactive: false, repos }),
    cancel: () => controller.cancel(),
    getLastOpened: () => controller.lastOpened,
    getViewBadge: () => {
      const badge = controller.treeView.badge;
      return badge === undefined ? undefined : { value: badge.value, tooltip: badge.tooltip };
    },
    getViewMessage: () => controller.treeView.message,
    getOpenPeriod: () => controller.openPeriod,
    reloadTriage: () => {
      controller.triage.reload();
      controller.tree.rebuild();
    },
    refreshAfterRefsMoved: () => controller.refreshAfterRefsMoved(),
    exportReport: (target, format, confirmOverwrite) => controller.export.exportTo(target, format, confirmOverwrite),
    whenModelAnalysisDone: () => controller.llm.whenDone(),
    getNotices: () => controller.notices.recorded.map(({ seq, severity, message, actions }) => ({ seq, severity, message, actions: [...actions] })),
    chooseNoticeAction: (index, action) => controller.notices.recorded[index]?.choose(action),
    setApiKey: (key) => controller.llm.setup.setApiKey(key),
  };
}

function isWebviewState(value: unknown): value is WebviewState {
  if (typeof value !== 'object' || value === null) return false;
  const { day, scrollY } = value as Record<string, unknown>;
  return (day === undefined || typeof day === 'string') && (scrollY === undefined || typeof scrollY === 'number');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
