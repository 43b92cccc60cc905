// Serves `daily-digest-git:` documents: the content of one file at one commit, read from git objects through a
// BlobStore (one `git cat-file` per repository serves every side, contents cached; never the working tree: a
// multi-file diff of 11 files was 66 git processes). The URI query is validated, and only repositories the extension
// reported on (or the workspace's own) are read, and only in a trusted workspace.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors.js';
import { BlobStore } from '../../core/git/blobStore.js';
import { GIT_SCHEME, encodeGitQuery, looksBinary, parseGitQuery, type GitObjectRef } from './gitUri.js';
import { uiLanguage } from '../settings.js';

export function gitUri(ref: GitObjectRef): vscode.Uri {
  // The path part only serves the editor (tab title, language mode, file icon); the query is what gets read.
  return vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${ref.path}`, query: encodeGitQuery(ref) });
}

export class GitContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly blobs = new BlobStore();

  constructor(
    private readonly isAllowedRepo: (repo: string) => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = parseGitQuery(uri.query);
    if (ref === undefined) {
      this.log.warn(`Refused a ${GIT_SCHEME} document with an invalid query: ${uri.toString(true).slice(0, 300)}`);
      throw new Error(vscode.l10n.t('Invalid Daily Digest document address.'));
    }
    if (ref.sha === '') return '';
    if (!vscode.workspace.isTrusted) {
      throw new Error(vscode.l10n.t('Daily Digest does not run git in Restricted Mode. Trust the workspace to see this file.'));
    }
    if (!this.isAllowedRepo(ref.repo)) {
      this.log.warn(`Refused to read ${ref.path} from ${ref.repo}: not a reported repository`);
      throw new Error(vscode.l10n.t('{0} is not a repository Daily Digest reported on.', ref.repo));
    }
    try {
      // A read is one line to a running git; it is not worth cancelling, so the token is only checked after.
      const file = await this.blobs.fileAtCommit(ref.repo, ref.sha, ref.path);
      if (token.isCancellationRequested || file.status === 'absent') return '';
      if (file.status === 'too-large') {
        return vscode.l10n.t('File too large ({0} bytes): not shown.', file.size);
      }
      if (looksBinary(file.bytes)) {
        return vscode.l10n.t('Binary file ({0} bytes): not shown as text.', file.bytes.length);
      }
      return new TextDecoder('utf-8').decode(file.bytes);
    } catch (error) {
      const message = describeError(error, uiLanguage());
      this.log.error(`Reading ${ref.path} at ${ref.sha} in ${ref.repo} failed: ${message}`);
      return vscode.l10n.t('Could not read {0} at {1}: {2}', ref.path, ref.sha.slice(0, 7), message);
    }
  }

  dispose(): void {
    this.blobs.close();
  }
}
