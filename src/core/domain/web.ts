/** The kinds of web front end a repository can have: each has its own URL layout for commits, PRs and files. */
export const WEB_KINDS = ['github', 'gitlab', 'gitea', 'bitbucket', 'azure'] as const;
export type WebKind = (typeof WEB_KINDS)[number];

/** Where a repository's web pages are, when its remote URL does not say: the repository page and its kind. */
export interface WebOverride {
  /** The repository page, e.g. `https://git.example.com/team/project`. */
  url: string;
  /** Guessed from the URL when left out (webKindOfUrl). */
  kind?: WebKind;
}
