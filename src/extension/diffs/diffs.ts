// Opens a commit in the multi-file diff editor (`vscode.changes`) and a single file in the diff editor
// (`vscode.diff`), both comparing the commit with its first parent; contents come from daily-digest-git: URIs.
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FileChange } from '../../core/domain/commit.js';
import type { AnalyzedCommit } from '../../core/domain/report.js';
import { collapseWhitespace, shorten } from '../../core/text.js';
import { gitUri } from './gitContentProvider.js';

/** Left and right documents of one file: undefined where the file does not exist on that side. */
export function fileSides(repoPath: string, commit: AnalyzedCommit, file: FileChange): {
  left: vscode.Uri | undefined;
  right: vscode.Uri | undefined;
} {
  const parent = commit.parents[0];
  const leftPath = file.oldPath ?? file.path;
  const left = parent === undefined || file.status === 'A' || (file.status === 'C' && file.oldPath === undefined)
    ? undefined
    : gitUri({ repo: repoPath, sha: parent, path: leftPath });
  const right = file.status === 'D' ? undefined : gitUri({ repo: repoPath, sha: commit.sha, path: file.path });
  return { left, right };
}

/** An empty document standing for the missing side of a single-file diff. */
function emptySide(repoPath: string, path: string): vscode.Uri {
  return gitUri({ repo: repoPath, sha: '', path });
}

/** `src/a.ts (abc1234^ ↔ abc1234)`, `old.ts → new.ts (abc1234^ ↔ abc1234)`, root commit `(∅ ↔ abc1234)`. */
export function fileDiffTitle(commit: AnalyzedCommit, file: FileChange): string {
  const name = file.oldPath !== undefined && file.oldPath !== file.path ? `${file.oldPath} → ${file.path}` : file.path;
  const left = commit.parents.length > 0 ? `${commit.shortSha}^` : '∅';
  return `${name} (${left} ↔ ${commit.shortSha})`;
}

export function commitChangesTitle(commit: AnalyzedCommit): string {
  return `${commit.shortSha} ${shorten(collapseWhitespace(commit.subject), 60)}`.trim();
}

export type ChangesResource = [vscode.Uri, vscode.Uri | undefined, vscode.Uri | undefined];

export function commitResources(repoPath: string, commit: AnalyzedCommit): ChangesResource[] {
  return commit.files.map((file) => {
    const { left, right } = fileSides(repoPath, commit, file);
    // The first URI only labels the entry (name and icon); both contents come from git objects.
    return [vscode.Uri.file(join(repoPath, file.path)), left, right];
  });
}

export async function openCommitChanges(repoPath: string, commit: AnalyzedCommit): Promise<void> {
  if (commit.files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Commit {0} changes no files.', commit.shortSha));
    return;
  }
  await vscode.commands.executeCommand('vscode.changes', commitChangesTitle(commit), commitResources(repoPath, commit));
}

export async function openFileDiff(repoPath: string, commit: AnalyzedCommit, file: FileChange): Promise<void> {
  const { left, right } = fileSides(repoPath, commit, file);
  const options: vscode.TextDocumentShowOptions = { preview: true };
  await vscode.commands.executeCommand(
    'vscode.diff',
    left ?? emptySide(repoPath, file.oldPath ?? file.path),
    right ?? emptySide(repoPath, file.path),
    fileDiffTitle(commit, file),
    options,
  );
}
