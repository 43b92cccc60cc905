import { basename } from 'node:path';
import type { WebKind, WebOverride } from '../domain/web.js';
import { otherHostRepository } from './hosting/otherHosts.js';
import { providerForHost } from './hosting/providers.js';
import type { HostingProvider } from './hosting/providers.js';
import { cleanRepoUrl, unaliasedHost, webKindOfUrl, webLinks } from './hosting/webLinks.js';

/** What we know of a repository from its `origin` URL. */
export interface RepoIdentity {
  /** `owner/name` (GitLab: `group/sub/name`, Azure DevOps: `org/project/repo`), else the folder name. */
  name: string;
  /** https URL of the repository page, for known hosts only. */
  webUrl?: string;
  /** The front end serving webUrl, when known: how its commit, pull-request and file pages are laid out. */
  webKind?: WebKind;
  /** Builds a commit's https URL, for known hosts only. */
  commitUrl?: (sha: string) => string;
}

export interface ParsedRemote {
  host: string;
  /** Path segments, `.git` removed, URL-decoded. */
  segments: string[];
}

/** Parses https://, http://, ssh://, git:// and scp-like `user@host:path` remote URLs. */
export function parseRemoteUrl(url: string): ParsedRemote | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(text);
  if (scheme) {
    if (!/^(https?|ssh|git|git\+ssh|ssh\+git)$/i.test(scheme[1])) return undefined;
    const authority = scheme[2].replace(/^.*@/, '');
    host = authority.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/:\d*$/, '');
    path = scheme[3] ?? '';
  } else {
    // scp-like: [user@]host:path — not a Windows drive letter or a local path.
    const scp = /^(?:[^@/:]+@)?([^@/:]+):(?!\/\/)(.+)$/.exec(text);
    if (!scp || scp[1].length === 1) return undefined;
    host = scp[1];
    path = scp[2];
  }
  const segments = path
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map(safeDecode);
  if (!host || segments.length === 0) return undefined;
  return { host: host.toLowerCase(), segments };
}

/**
 * Names the repository and builds web links: known hosts (SSH host aliases such as `github.com-work` included),
 * Azure DevOps' older hosts, and self-hosted servers whose name says what they are. `web` (the user's setting)
 * says where the pages are for any other host, and wins over the remote. Other hosts get the folder name and no links.
 */
export function identifyRepository(remoteUrl: string | undefined, root: string, web?: WebOverride): RepoIdentity {
  const found = remoteUrl ? identityOfRemote(remoteUrl) : undefined;
  const name = found?.name ?? folderName(root);
  const overridden = web === undefined ? undefined : overriddenIdentity(web, name);
  return overridden ?? found ?? { name };
}

function identityOfRemote(remoteUrl: string): RepoIdentity | undefined {
  const parsed = parseRemoteUrl(remoteUrl);
  if (!parsed) return undefined;
  const host = unaliasedHost(parsed.host);
  const provider = providerForHost(host);
  if (provider) {
    const segments = provider.nameSegments(parsed.segments);
    if (!segments || !segments.every(isPlainSegment)) return undefined;
    return linkedIdentity(segments, provider.repoUrl(host, segments.map(encodeURIComponent)), providerKind(provider));
  }
  const other = otherHostRepository(host, parsed.segments);
  if (!other || !other.segments.every(isPlainSegment)) return undefined;
  return linkedIdentity(other.segments, other.repoUrl(other.segments.map(encodeURIComponent)), other.kind);
}

function linkedIdentity(segments: string[], repoUrl: string, kind: WebKind): RepoIdentity {
  const links = /^https?:\/\//.test(repoUrl) ? webLinks(kind, repoUrl) : undefined;
  if (!links) return { name: segments.join('/') };
  return { name: segments.join('/'), webUrl: links.repo, webKind: kind, commitUrl: links.commit };
}

/** The user's web location: links of its kind (given, or guessed from the URL); only the page when the kind is unknown. */
function overriddenIdentity(web: WebOverride, name: string): RepoIdentity | undefined {
  const repo = cleanRepoUrl(web.url);
  if (repo === undefined) return undefined;
  const kind = web.kind ?? webKindOfUrl(repo);
  const links = kind === undefined ? undefined : webLinks(kind, repo);
  return links ? { name, webUrl: links.repo, webKind: links.kind, commitUrl: links.commit } : { name, webUrl: repo };
}

function providerKind(provider: HostingProvider): WebKind {
  return provider.id === 'azure-devops' ? 'azure' : provider.id;
}

function isPlainSegment(segment: string): boolean {
  return segment !== '.' && segment !== '..' && !/[\s?#\\]/.test(segment);
}

function folderName(root: string): string {
  const name = basename(root.replace(/[\\/]+$/, ''));
  return name.endsWith('.git') && name.length > 4 ? name.slice(0, -4) : name;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
