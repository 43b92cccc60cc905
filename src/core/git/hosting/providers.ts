/** A code host we can link to: how to recognise it, name a repository, and build web URLs. */
export interface HostingProvider {
  id: 'github' | 'gitlab' | 'bitbucket' | 'gitea' | 'azure-devops';
  /** Hosts served by this provider (lower case, no port). */
  hosts: readonly string[];
  /** Turns the URL path segments (without `.git`) into the repository's name segments, or undefined if unusable. */
  nameSegments: (segments: string[]) => string[] | undefined;
  repoUrl: (host: string, segments: string[]) => string;
  commitPath: string;
}

const ownerAndName = (segments: string[]): string[] | undefined => (segments.length === 2 ? segments : undefined);

export const HOSTING_PROVIDERS: readonly HostingProvider[] = [
  {
    id: 'github',
    hosts: ['github.com', 'www.github.com'],
    nameSegments: ownerAndName,
    repoUrl: (_host, s) => `https://github.com/${s.join('/')}`,
    commitPath: '/commit/',
  },
  {
    id: 'gitlab',
    hosts: ['gitlab.com', 'www.gitlab.com'],
    // GitLab nests groups: group/sub/name.
    nameSegments: (s) => (s.length >= 2 && !s.includes('-') ? s : undefined),
    repoUrl: (_host, s) => `https://gitlab.com/${s.join('/')}`,
    commitPath: '/-/commit/',
  },
  {
    id: 'bitbucket',
    hosts: ['bitbucket.org', 'www.bitbucket.org'],
    nameSegments: ownerAndName,
    repoUrl: (_host, s) => `https://bitbucket.org/${s.join('/')}`,
    commitPath: '/commits/',
  },
  {
    id: 'gitea',
    hosts: ['codeberg.org', 'gitea.com'],
    nameSegments: ownerAndName,
    repoUrl: (host, s) => `https://${host}/${s.join('/')}`,
    commitPath: '/commit/',
  },
  {
    id: 'azure-devops',
    hosts: ['dev.azure.com', 'ssh.dev.azure.com'],
    nameSegments: azureSegments,
    repoUrl: (_host, s) => `https://dev.azure.com/${s[0]}/${s[1]}/_git/${s[2]}`,
    commitPath: '/commit/',
  },
];

/** `org/project/_git/repo` (https) or `v3/org/project/repo` (ssh) → `[org, project, repo]`. */
function azureSegments(segments: string[]): string[] | undefined {
  if (segments.length === 4 && segments[2] === '_git') return [segments[0], segments[1], segments[3]];
  if (segments.length === 4 && segments[0] === 'v3') return segments.slice(1);
  return undefined;
}

export function providerForHost(host: string): HostingProvider | undefined {
  const lower = host.toLowerCase();
  return HOSTING_PROVIDERS.find((provider) => provider.hosts.includes(lower));
}
