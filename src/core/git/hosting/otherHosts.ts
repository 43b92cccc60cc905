import type { WebKind } from '../../domain/web.js';
import { webKindOfHost } from './webLinks.js';

/** A repository on a host outside HOSTING_PROVIDERS: its name segments, page URL and kind. */
export interface OtherHostRepository {
  kind: WebKind;
  segments: string[];
  /** Builds the page URL from the segments, each already URL-encoded. */
  repoUrl: (encoded: string[]) => string;
}

const VISUAL_STUDIO = '.visualstudio.com';

/**
 * Azure DevOps under its older names (`org.visualstudio.com/project/_git/repo`, over SSH
 * `vs-ssh.visualstudio.com:v3/org/project/repo`), and self-hosted GitLab, Gitea/Forgejo and GitHub Enterprise
 * servers whose host name says so (webKindOfHost). Undefined for any other host or an unusable path.
 */
export function otherHostRepository(host: string, segments: string[]): OtherHostRepository | undefined {
  const azure = (org: string, project: string, repo: string): OtherHostRepository => ({
    kind: 'azure',
    segments: [org, project, repo],
    repoUrl: ([o, p, r]) => `https://dev.azure.com/${o}/${p}/_git/${r}`,
  });
  if (host === `vs-ssh${VISUAL_STUDIO}`) {
    const [v3, org, project, repo] = segments;
    return segments.length === 4 && v3 === 'v3' ? azure(org!, project!, repo!) : undefined;
  }
  if (host.endsWith(VISUAL_STUDIO)) {
    const org = host.slice(0, -VISUAL_STUDIO.length);
    const path = segments[0]?.toLowerCase() === 'defaultcollection' ? segments.slice(1) : segments;
    const [project, git, repo] = path;
    return path.length === 3 && git === '_git' && org !== '' && !org.includes('.') ? azure(org, project!, repo!) : undefined;
  }
  const kind = webKindOfHost(host);
  // Other Azure hosts and Bitbucket Server have layouts the remote URL does not map onto: --web-url says where.
  if (kind === undefined || kind === 'azure' || kind === 'bitbucket') return undefined;
  // GitLab nests groups (group/sub/name) and reserves `-` for its own pages.
  const usable = kind === 'gitlab' ? segments.length >= 2 && !segments.includes('-') : segments.length === 2;
  if (!usable) return undefined;
  return { kind, segments, repoUrl: (encoded) => `https://${host}/${encoded.join('/')}` };
}
