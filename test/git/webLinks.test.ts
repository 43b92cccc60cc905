import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyRepository } from '../../src/core/git/index.js';
import {
  cleanRepoUrl, originFromConfig, parseUrlRewrites, rewriteUrl, unaliasedHost, webKindOfHost, webKindOfUrl, webLinks,
} from '../../src/core/git/hosting/webLinks.js';
import type { WebKind } from '../../src/core/domain/web.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

/** Every form a remote URL takes, and the repository page and kind it gives. */
const REMOTES: Array<{ url: string; name: string; web?: string; kind?: WebKind }> = [
  { url: 'https://github.com/astral-sh/uv.git', name: 'astral-sh/uv', web: 'https://github.com/astral-sh/uv', kind: 'github' },
  { url: 'git@github.com:astral-sh/uv.git', name: 'astral-sh/uv', web: 'https://github.com/astral-sh/uv', kind: 'github' },
  { url: 'ssh://git@github.com/astral-sh/uv', name: 'astral-sh/uv', web: 'https://github.com/astral-sh/uv', kind: 'github' },
  { url: 'git@github.com-work:astral-sh/uv.git', name: 'astral-sh/uv', web: 'https://github.com/astral-sh/uv', kind: 'github' },
  { url: 'git@gitlab.com:group/sub/proj.git', name: 'group/sub/proj', web: 'https://gitlab.com/group/sub/proj', kind: 'gitlab' },
  { url: 'https://gitlab.example.com/team/sub/proj.git', name: 'team/sub/proj', web: 'https://gitlab.example.com/team/sub/proj', kind: 'gitlab' },
  { url: 'ssh://git@gitlab.corp.example:2222/team/proj.git', name: 'team/proj', web: 'https://gitlab.corp.example/team/proj', kind: 'gitlab' },
  { url: 'git@git-gitlab.lan:team/proj.git', name: 'team/proj', web: 'https://git-gitlab.lan/team/proj', kind: 'gitlab' },
  { url: 'git@gitlab:team/proj.git', name: 'team/proj', web: 'https://gitlab/team/proj', kind: 'gitlab' },
  { url: 'https://codeberg.org/forgejo/forgejo.git', name: 'forgejo/forgejo', web: 'https://codeberg.org/forgejo/forgejo', kind: 'gitea' },
  { url: 'git@gitea.example.org:ops/tools.git', name: 'ops/tools', web: 'https://gitea.example.org/ops/tools', kind: 'gitea' },
  { url: 'ssh://git@forgejo.example.net:2222/ops/tools.git', name: 'ops/tools', web: 'https://forgejo.example.net/ops/tools', kind: 'gitea' },
  { url: 'https://github.example.com/org/app.git', name: 'org/app', web: 'https://github.example.com/org/app', kind: 'github' },
  { url: 'git@bitbucket.org:team/repo.git', name: 'team/repo', web: 'https://bitbucket.org/team/repo', kind: 'bitbucket' },
  { url: 'https://dev.azure.com/org/project/_git/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo', kind: 'azure' },
  { url: 'git@ssh.dev.azure.com:v3/org/project/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo', kind: 'azure' },
  { url: 'https://org.visualstudio.com/project/_git/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo', kind: 'azure' },
  { url: 'https://org.visualstudio.com/DefaultCollection/project/_git/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo', kind: 'azure' },
  { url: 'org@vs-ssh.visualstudio.com:v3/org/project/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo', kind: 'azure' },
  // Unknown hosts, Bitbucket Server (another layout) and GitLab's reserved paths get no links.
  { url: 'https://git.example.com/team/private.git', name: 'checkout' },
  { url: 'ssh://git@bitbucket.corp.example:7999/proj/repo.git', name: 'checkout' },
  { url: 'https://gitlab.example.com/team/-/proj.git', name: 'checkout' },
  { url: 'git@gitea.example.org:just-one.git', name: 'checkout' },
  { url: 'https://gitlab.example.com/team/a%20b.git', name: 'checkout' },
];

for (const remote of REMOTES) {
  test(`remote ${remote.url}`, () => {
    const identity = identifyRepository(remote.url, '/work/checkout');
    assert.equal(identity.name, remote.name);
    assert.equal(identity.webUrl, remote.web);
    assert.equal(identity.webKind, remote.kind);
    if (remote.web !== undefined) assert.ok(identity.commitUrl?.(SHA).startsWith(`${remote.web}/`));
    else assert.equal(identity.commitUrl, undefined);
  });
}

test('each kind lays out commits, pull requests and files at a commit its own way', () => {
  const expected: Record<WebKind, [string, string, string, string]> = {
    github: ['https://h.test/o/r', `/commit/${SHA}`, '/pull/7', `/blob/${SHA}/src/a%20b/c.ts#L12`],
    gitlab: ['https://h.test/o/r', `/-/commit/${SHA}`, '/-/merge_requests/7', `/-/blob/${SHA}/src/a%20b/c.ts#L12`],
    gitea: ['https://h.test/o/r', `/commit/${SHA}`, '/pulls/7', `/src/commit/${SHA}/src/a%20b/c.ts#L12`],
    bitbucket: ['https://h.test/o/r', `/commits/${SHA}`, '/pull-requests/7', `/src/${SHA}/src/a%20b/c.ts#lines-12`],
    azure: ['https://h.test/o/p/_git/r', `/commit/${SHA}`, '/pullrequest/7',
      `?path=/src/a%20b/c.ts&version=GC${SHA}&line=12&lineEnd=13&lineStartColumn=1&lineEndColumn=1`],
  };
  for (const [kind, [repo, commit, pull, file]] of Object.entries(expected) as Array<[WebKind, [string, string, string, string]]>) {
    const links = webLinks(kind, `${repo}/`);
    assert.ok(links, kind);
    assert.equal(links.repo, repo);
    assert.equal(links.commit(SHA), repo + commit);
    assert.equal(links.pullRequest(7), repo + pull);
    assert.equal(links.file(SHA, 'src/a b/c.ts', 12), repo + file);
    assert.ok(!links.file(SHA, 'x.ts').includes('#') && !links.file(SHA, 'x.ts', -1).includes('line='), 'no line: no anchor');
  }
});

test('only absolute http(s) pages without credentials get links', () => {
  for (const bad of ['javascript:alert(1)', 'file:///etc', 'https://user:pw@h.test/o/r', 'not a url', '']) {
    assert.equal(webLinks('github', bad), undefined, bad);
    assert.equal(cleanRepoUrl(bad), undefined, bad);
  }
  assert.equal(cleanRepoUrl('https://h.test/o/r/?tab=x#y'), 'https://h.test/o/r');
});

test('the kind is guessed from host names and Azure paths; other hosts need it said', () => {
  assert.equal(webKindOfHost('GitLab.Example.com'), 'gitlab');
  assert.equal(webKindOfHost('gitlab2.corp'), 'gitlab');
  assert.equal(webKindOfHost('code-forgejo.lan'), 'gitea');
  assert.equal(webKindOfHost('myorg.visualstudio.com'), 'azure');
  assert.equal(webKindOfHost('notgitlab.com'), undefined);
  assert.equal(webKindOfHost('git.example.com'), undefined);
  assert.equal(webKindOfHost('example.gitlab'), undefined, 'a top-level domain says nothing');
  assert.equal(webKindOfUrl('https://tfs.corp/tfs/Coll/Proj/_git/repo'), 'azure');
  assert.equal(webKindOfUrl('https://git.example.com/team/proj'), undefined);
  assert.equal(unaliasedHost('github.com_personal'), 'github.com');
  assert.equal(unaliasedHost('github.community'), 'github.community');
});

test('insteadOf rewrites apply as git applies them: the longest matching prefix', () => {
  const config = [
    'remote.origin.url gh:astral-sh/uv',
    'url.https://github.com/.insteadof gh:',
    'url.git@github.com:.insteadof gh:astral',
    'url.https://mirror.example/.insteadof https://github.com/',
    'not a line',
  ].join('\n');
  assert.deepEqual(parseUrlRewrites(config).map((rewrite) => rewrite.prefix), ['gh:', 'gh:astral', 'https://github.com/']);
  assert.equal(originFromConfig(config), 'git@github.com:-sh/uv');
  assert.equal(rewriteUrl('gh:octo/x', parseUrlRewrites(config)), 'https://github.com/octo/x');
  assert.equal(rewriteUrl('other:x', parseUrlRewrites(config)), 'other:x');
  assert.equal(originFromConfig('url.https://github.com/.insteadof gh:'), undefined, 'no origin');
  assert.equal(originFromConfig('remote.origin.url a\nremote.origin.url https://github.com/o/r.git'), 'https://github.com/o/r.git', 'the last value');
});

test('a given web location wins over the remote, and its kind is guessed unless given', () => {
  const mirrored = identifyRepository('git@mirror.internal:uv.git', '/work/uv', { url: 'https://git.example.com/astral/uv/' });
  assert.deepEqual({ ...mirrored, commitUrl: undefined }, { name: 'uv', webUrl: 'https://git.example.com/astral/uv', commitUrl: undefined });
  const gitea = identifyRepository('git@mirror.internal:uv.git', '/work/uv', { url: 'https://git.example.com/astral/uv', kind: 'gitea' });
  assert.equal(gitea.webKind, 'gitea');
  assert.equal(gitea.commitUrl?.(SHA), `https://git.example.com/astral/uv/commit/${SHA}`);
  const guessed = identifyRepository(undefined, '/work/uv', { url: 'https://gitlab.example.com/astral/uv' });
  assert.equal(guessed.commitUrl?.(SHA), `https://gitlab.example.com/astral/uv/-/commit/${SHA}`);
  const named = identifyRepository('https://github.com/astral-sh/uv.git', '/work/uv', { url: 'https://gitea.example.com/m/uv' });
  assert.equal(named.name, 'astral-sh/uv', 'the remote still names it');
  assert.equal(named.webUrl, 'https://gitea.example.com/m/uv');
  assert.deepEqual(identifyRepository(undefined, '/work/uv', { url: 'javascript:alert(1)' }), { name: 'uv' }, 'an unsafe location is ignored');
});

test('a file name with a lone surrogate still gets a link (encodeURIComponent would throw)', () => {
  const links = webLinks('github', 'https://github.com/o/r');
  assert.equal(links?.file(SHA, 'a/\ud800b.ts'), `https://github.com/o/r/blob/${SHA}/a/%EF%BF%BDb.ts`);
  assert.equal(links?.file(SHA, 'a/😀.ts'), `https://github.com/o/r/blob/${SHA}/a/%F0%9F%98%80.ts`);
});
