import * as vscode from 'vscode';
import type { TreeLabels } from '../tree/treeNodes.js';

/** The Commits view's words, in the UI language (l10n/). */
export function uiTreeLabels(): TreeLabels {
  return {
    group: (importance, count) => {
      switch (importance) {
        case 'high': return vscode.l10n.t('🔴 High ({0})', count);
        case 'medium': return vscode.l10n.t('🟡 Medium ({0})', count);
        case 'low': return vscode.l10n.t('🟢 Low ({0})', count);
      }
    },
    repoSummary: (commits, high) => vscode.l10n.t('{0} commits · {1} high', commits, high),
    noSubject: vscode.l10n.t('(no subject)'),
    binary: vscode.l10n.t('binary'),
    filesUnreadable: vscode.l10n.t('files unreadable'),
  };
}
