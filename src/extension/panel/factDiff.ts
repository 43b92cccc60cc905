// A fact clicked in the report: the file's diff (commit against its first parent) opened and scrolled to the
// fact's line. A new-side line is the diff's own selection; an old-side line (a removed thing) is revealed in the
// diff's left editor once it shows.
import * as vscode from 'vscode';
import type { FileChange } from '../../core/domain/commit.js';
import type { AnalyzedCommit } from '../../core/domain/report.js';
import { fileDiffTitle, fileSides } from '../diffs/diffs.js';
import { gitUri } from '../diffs/gitContentProvider.js';

/** The diff's left editor takes a moment to show after `vscode.diff` returns. */
const LEFT_EDITOR_WAIT_MS = 3000;
const LEFT_EDITOR_POLL_MS = 50;

function lineRange(line: number): vscode.Range {
  const index = Math.max(0, line - 1);
  return new vscode.Range(index, 0, index, 0);
}

/** The editor showing `uri`, once it is visible: polled, since the diff's left side does not always raise an event. */
async function waitForEditor(uri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const wanted = uri.toString();
  const deadline = Date.now() + LEFT_EDITOR_WAIT_MS;
  for (;;) {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === wanted);
    if (editor !== undefined || Date.now() > deadline) return editor;
    await new Promise((resolve) => setTimeout(resolve, LEFT_EDITOR_POLL_MS));
  }
}

/** What was opened, for the tests: the diff's two sides and the line selected on which side. */
export interface OpenedFact {
  left: vscode.Uri;
  right: vscode.Uri;
  line: number;
  side: 'old' | 'new';
}

export async function openFactDiff(
  repoPath: string,
  commit: AnalyzedCommit,
  file: FileChange,
  line: number,
  side: 'old' | 'new',
): Promise<OpenedFact> {
  const sides = fileSides(repoPath, commit, file);
  const left = sides.left ?? gitUri({ repo: repoPath, sha: '', path: file.oldPath ?? file.path });
  const right = sides.right ?? gitUri({ repo: repoPath, sha: '', path: file.path });
  // A line on a side the file does not have (a removed thing in an added file) falls to the side it has.
  const onSide = side === 'old' && sides.left === undefined ? 'new' : side === 'new' && sides.right === undefined ? 'old' : side;
  const options: vscode.TextDocumentShowOptions = { preview: true };
  if (onSide === 'new') options.selection = lineRange(line);
  await vscode.commands.executeCommand('vscode.diff', left, right, fileDiffTitle(commit, file), options);
  if (onSide === 'old') {
    const editor = await waitForEditor(left);
    if (editor !== undefined) {
      const range = lineRange(Math.min(line, editor.document.lineCount));
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
  return { left, right, line, side: onSide };
}
