// Web pages from the Commits view's context menu: a commit, its pull request, a file as it is at the commit (at a
// fact's line). Built from the repository's web URL and kind: known hosts from the remote, anything else from the
// dailyDigest.webUrl setting. Only http(s) URLs without credentials are opened.
import * as vscode from 'vscode';
import { safeExternalUrl } from './panel/webviewMessages.js';
import { webPageUrl, type WebTarget } from './webPages.js';

export type { WebTarget } from './webPages.js';

/** Opens the page in the browser; says why not when there is none. */
export async function openWebPage(target: WebTarget): Promise<boolean> {
  const raw = webPageUrl(target);
  const url = raw === undefined ? undefined : safeExternalUrl(raw);
  if (url === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t(
      'Commit {0} has no web page: its remote is not a known host. Set dailyDigest.webUrl to the repository\'s web page.',
      target.commit.shortSha));
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}
