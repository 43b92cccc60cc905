// The web pages of the Commits view's context menu: a commit, its pull request, a file as it is at the commit (at a
// line), from the repository's web URL and kind. Pure (no vscode).
import type { AnalyzedCommit, RepositoryReport } from '../core/domain/report.js';
import { webLinks, type WebLinks } from '../core/git/hosting/webLinks.js';

/** The web page of a commit, its pull request, or one of its files (at a line). */
export type WebTarget =
  | { page: 'commit'; repo: RepositoryReport; commit: AnalyzedCommit }
  | { page: 'pullRequest'; repo: RepositoryReport; commit: AnalyzedCommit }
  | { page: 'file'; repo: RepositoryReport; commit: AnalyzedCommit; path: string; line?: number };

function linksOf(repo: RepositoryReport): WebLinks | undefined {
  return repo.webUrl === undefined || repo.webKind === undefined ? undefined : webLinks(repo.webKind, repo.webUrl);
}

/** The URL of the page, or undefined when the repository's web pages are not known. Pure. */
export function webPageUrl(target: WebTarget): string | undefined {
  const links = linksOf(target.repo);
  switch (target.page) {
    case 'commit':
      return target.commit.url ?? links?.commit(target.commit.sha);
    case 'pullRequest':
      return target.commit.prNumber === undefined ? undefined : links?.pullRequest(target.commit.prNumber);
    case 'file':
      return links?.file(target.commit.sha, target.path, target.line);
  }
}

