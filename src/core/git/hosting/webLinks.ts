import type { WebKind } from '../../domain/web.js';
import { parseHttpUrl } from '../../text.js';
import { WEB_KINDS } from '../../domain/web.js';

/** Web pages of one repository: built from its page URL and the kind of front end serving it. */
export interface WebLinks {
  kind: WebKind;
  /** The repository page, without a trailing slash. */
  repo: string;
  commit: (sha: string) => string;
  pullRequest: (prNumber: number) => string;
  /** A file as it is at a commit, scrolled to `line` (1-based) when given. */
  file: (sha: string, path: string, line?: number) => string;
}

interface WebLayout {
  commit: string;
  pullRequest: string;
  file: (sha: string, path: string, line: number | undefined) => string;
}

/** One row per kind: where its commits, pull (merge) requests and files live under the repository page. */
const LAYOUTS: Record<WebKind, WebLayout> = {
  github: {
    commit: '/commit/', pullRequest: '/pull/',
    file: (sha, path, line) => `/blob/${sha}/${path}${line === undefined ? '' : `#L${line}`}`,
  },
  gitlab: {
    commit: '/-/commit/', pullRequest: '/-/merge_requests/',
    file: (sha, path, line) => `/-/blob/${sha}/${path}${line === undefined ? '' : `#L${line}`}`,
  },
  gitea: {
    commit: '/commit/', pullRequest: '/pulls/',
    file: (sha, path, line) => `/src/commit/${sha}/${path}${line === undefined ? '' : `#L${line}`}`,
  },
  bitbucket: {
    commit: '/commits/', pullRequest: '/pull-requests/',
    file: (sha, path, line) => `/src/${sha}/${path}${line === undefined ? '' : `#lines-${line}`}`,
  },
  azure: {
    commit: '/commit/', pullRequest: '/pullrequest/',
    file: (sha, path, line) => `?path=/${path}&version=GC${sha}` +
      (line === undefined ? '' : `&line=${line}&lineEnd=${line + 1}&lineStartColumn=1&lineEndColumn=1`),
  },
};

/** Links of the repository page `repoUrl` (an absolute http(s) URL, no credentials), or undefined for anything else. */
export function webLinks(kind: WebKind, repoUrl: string): WebLinks | undefined {
  const repo = cleanRepoUrl(repoUrl);
  if (repo === undefined) return undefined;
  const layout = LAYOUTS[kind];
  return {
    kind,
    repo,
    commit: (sha) => `${repo}${layout.commit}${encodeComponent(sha)}`,
    pullRequest: (prNumber) => `${repo}${layout.pullRequest}${Math.trunc(prNumber)}`,
    file: (sha, path, line) => `${repo}${layout.file(encodeComponent(sha), encodePath(path),
      line !== undefined && Number.isSafeInteger(line) && line > 0 ? line : undefined)}`,
  };
}

/** `https://host/path` without query, fragment, credentials or trailing slashes; undefined unless http(s). */
export function cleanRepoUrl(value: string): string | undefined {
  const url = parseHttpUrl(value);
  if (url === undefined) return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function encodePath(path: string): string {
  return path.split('/').filter((segment) => segment !== '').map(encodeComponent).join('/');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** encodeURIComponent, which throws on a lone surrogate (a file name can hold one): that becomes U+FFFD. */
function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));
}

export function isWebKind(value: string): value is WebKind {
  return (WEB_KINDS as readonly string[]).includes(value);
}

/** Hosts whose kind is known by name, and the kind. Self-hosted servers are told by a label of their name. */
const KNOWN_HOSTS: ReadonlyArray<readonly [string, WebKind]> = [
  ['github.com', 'github'], ['gitlab.com', 'gitlab'], ['bitbucket.org', 'bitbucket'], ['codeberg.org', 'gitea'],
  ['gitea.com', 'gitea'], ['dev.azure.com', 'azure'], ['ssh.dev.azure.com', 'azure'],
];

/** A host-name label that says which software serves it: `gitlab.example.com`, `git-forgejo.lan`, `gitea2.corp`. */
const SELF_HOSTED: ReadonlyArray<readonly [RegExp, WebKind]> = [
  [/^(?:[a-z0-9-]*-)?gitlab(?:-[a-z0-9-]*|\d*)$/, 'gitlab'],
  [/^(?:[a-z0-9-]*-)?(?:gitea|forgejo)(?:-[a-z0-9-]*|\d*)$/, 'gitea'],
  [/^(?:[a-z0-9-]*-)?github(?:-[a-z0-9-]*|\d*)$/, 'github'],
];

/**
 * The kind of front end a host name says it is: a known host, a subdomain of dev.azure.com or visualstudio.com, or
 * a self-hosted GitLab, Gitea/Forgejo or GitHub Enterprise whose name has a label saying so. Undefined otherwise.
 */
export function webKindOfHost(host: string): WebKind | undefined {
  const lower = host.toLowerCase().replace(/^www\./, '');
  if (lower.length > 253) return undefined;
  for (const [known, kind] of KNOWN_HOSTS) if (lower === known) return kind;
  if (lower.endsWith('.visualstudio.com') || lower.endsWith('.azure.com')) return 'azure';
  // Bitbucket Server and Data Center lay their pages out differently from bitbucket.org: not guessed.
  const labels = lower.split('.');
  // The last label is the top-level domain, except for a bare LAN name such as `gitlab`.
  const named = labels.length === 1 ? labels : labels.slice(0, -1);
  for (const [pattern, kind] of SELF_HOSTED) if (named.some((label) => pattern.test(label))) return kind;
  return undefined;
}

/** The kind of a repository page URL, from its host name, or from Azure's `/_git/` path; undefined when unknown. */
export function webKindOfUrl(value: string): WebKind | undefined {
  const repo = cleanRepoUrl(value);
  if (repo === undefined) return undefined;
  const url = new URL(repo);
  return webKindOfHost(url.hostname) ?? (url.pathname.includes('/_git/') ? 'azure' : undefined);
}

/**
 * An SSH host alias made from a known host by a suffix (`github.com-work` in `~/.ssh/config`, a common way to use
 * two accounts): the known host it stands for, else the host as it is.
 */
export function unaliasedHost(host: string): string {
  const lower = host.toLowerCase();
  for (const [known] of KNOWN_HOSTS) {
    if (lower.length > known.length && lower.startsWith(known) && /^[-_]/.test(lower.slice(known.length))) return known;
  }
  return lower;
}

/** One `url.<base>.insteadOf <prefix>` setting: a remote URL starting with `prefix` means `base` + the rest. */
export interface UrlRewrite {
  base: string;
  prefix: string;
}

const INSTEAD_OF_KEY = /^url\.(.+)\.insteadof$/i;

/**
 * The rewrites of `git config --get-regexp` output lines (`url.<base>.insteadof <prefix>`); other lines are ignored.
 */
export function parseUrlRewrites(configOutput: string): UrlRewrite[] {
  const rewrites: UrlRewrite[] = [];
  for (const line of configOutput.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const base = INSTEAD_OF_KEY.exec(line.slice(0, space))?.[1];
    const prefix = line.slice(space + 1).trim();
    if (base !== undefined && prefix !== '') rewrites.push({ base, prefix });
  }
  return rewrites;
}

/** The URL as git would fetch it: the longest matching `insteadOf` prefix replaced by its base (as git does). */
export function rewriteUrl(url: string, rewrites: readonly UrlRewrite[]): string {
  let best: UrlRewrite | undefined;
  for (const rewrite of rewrites) {
    if (url.startsWith(rewrite.prefix) && (best === undefined || rewrite.prefix.length > best.prefix.length)) best = rewrite;
  }
  return best === undefined ? url : best.base + url.slice(best.prefix.length);
}

/** The `git config --get-regexp` pattern for the origin URL and every `insteadOf` rewrite, read in one process. */
export const REMOTE_CONFIG_PATTERN = '^(remote\\.origin\\.url|url\\..*\\.insteadof)$';

/** The origin URL in REMOTE_CONFIG_PATTERN's output (the last value, as `git config --get`), rewritten as git would. */
export function originFromConfig(configOutput: string): string | undefined {
  let origin: string | undefined;
  for (const line of configOutput.split('\n')) {
    if (line.toLowerCase().startsWith('remote.origin.url ')) origin = line.slice('remote.origin.url '.length).trim();
  }
  if (!origin) return undefined;
  return rewriteUrl(origin, parseUrlRewrites(configOutput));
}
