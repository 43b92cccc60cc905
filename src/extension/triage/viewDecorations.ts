// What the Commits view shows around its tree: the day in its description, the commits not reviewed yet as its
// badge, and for an empty day a message naming the last day with commits. In the shown report's language.
import * as vscode from 'vscode';
import type { Report } from '../../core/domain/report.js';
import { treeWords } from '../i18n/treeWords.js';
import type { DigestNode } from '../tree/nodeTypes.js';
import { emptyDayMessage } from '../tree/treeNodes.js';
import { reportUnread } from './reviewedSet.js';

export function updateViewDecorations(view: vscode.TreeView<DigestNode>, report: Report | undefined,
  isReviewed: (repoPath: string, sha: string) => boolean): void {
  if (report === undefined) {
    view.badge = undefined;
    view.message = undefined;
    return;
  }
  const words = treeWords(report.language);
  const unread = reportUnread(report, isReviewed).total;
  view.badge = unread > 0 ? { value: unread, tooltip: words.badge(unread) } : undefined;
  view.message = emptyDayMessage(report, words);
  view.description = report.window.label;
}
