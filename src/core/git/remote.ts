import { basename } from 'node:path';
import { providerForHost } from './hosting/providers.js';
import type { HostingProvider } from './hosting/providers.js';

/** What we know of a repository from its `origin` URL. */
export interface RepoIdentity {
  /** `owner/name` (GitLab: `group/sub/name`, Azure DevOps: `org/project/repo`), else the folder name. */
  name: string;
  /** https URL of the repository page, for known hosts only. */
  webUrl?: string;
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

/** Names the repository and builds web links; unknown hosts get the folder name and no links. */
export function identifyRepository(remoteUrl: string | undefined, root: string): RepoIdentity {
  const fallback: RepoIdentity = { name: folderName(root) };
  if (!remoteUrl) return fallback;
  const parsed = parseRemoteUrl(remoteUrl);
  if (!parsed) return fallback;
  const provider = providerForHost(parsed.host);
  const segments = provider?.nameSegments(parsed.segments);
  if (!provider || !segments || !segments.every(isPlainSegment)) {
    return fallback;
  }
  return linkedIdentity(provider, parsed.host, segments);
}

function linkedIdentity(provider: HostingProvider, host: string, segments: string[]): RepoIdentity {
  const webUrl = provider.repoUrl(host, segments.map(encodeURIComponent));
  if (!/^https?:\/\//.test(webUrl)) return { name: segments.join('/') };
  return {
    name: segments.join('/'),
    webUrl,
    commitUrl: (sha) => `${webUrl}${provider.commitPath}${encodeURIComponent(sha)}`,
  };
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
