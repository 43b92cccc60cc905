import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyRepository, parseRemoteUrl } from '../../src/core/git/index.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

const CASES: Array<{ url: string; name: string; web?: string; commit?: string }> = [
  { url: 'https://github.com/octo/hello.git', name: 'octo/hello', web: 'https://github.com/octo/hello', commit: `https://github.com/octo/hello/commit/${SHA}` },
  { url: 'https://github.com/octo/hello', name: 'octo/hello', web: 'https://github.com/octo/hello' },
  { url: 'git@github.com:octo/hello.git', name: 'octo/hello', web: 'https://github.com/octo/hello' },
  { url: 'ssh://git@github.com:22/octo/hello.git', name: 'octo/hello', web: 'https://github.com/octo/hello' },
  { url: 'https://user:token@github.com/octo/hello.git/', name: 'octo/hello', web: 'https://github.com/octo/hello' },
  { url: 'https://gitlab.com/group/sub/proj.git', name: 'group/sub/proj', web: 'https://gitlab.com/group/sub/proj', commit: `https://gitlab.com/group/sub/proj/-/commit/${SHA}` },
  { url: 'git@gitlab.com:group/sub/deeper/proj.git', name: 'group/sub/deeper/proj', web: 'https://gitlab.com/group/sub/deeper/proj' },
  { url: 'git@bitbucket.org:team/repo.git', name: 'team/repo', web: 'https://bitbucket.org/team/repo', commit: `https://bitbucket.org/team/repo/commits/${SHA}` },
  { url: 'https://alice@bitbucket.org/team/repo.git', name: 'team/repo', web: 'https://bitbucket.org/team/repo' },
  { url: 'https://codeberg.org/forgejo/forgejo.git', name: 'forgejo/forgejo', web: 'https://codeberg.org/forgejo/forgejo', commit: `https://codeberg.org/forgejo/forgejo/commit/${SHA}` },
  { url: 'ssh://git@gitea.com:2222/org/tool', name: 'org/tool', web: 'https://gitea.com/org/tool' },
  { url: 'https://dev.azure.com/org/project/_git/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo', commit: `https://dev.azure.com/org/project/_git/repo/commit/${SHA}` },
  { url: 'https://org@dev.azure.com/org/project/_git/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo' },
  { url: 'git@ssh.dev.azure.com:v3/org/project/repo', name: 'org/project/repo', web: 'https://dev.azure.com/org/project/_git/repo' },
  { url: 'https://git.example.com/team/private.git', name: 'checkout' },
  { url: 'git@git.example.com:team/private.git', name: 'checkout' },
  { url: '/srv/git/project.git', name: 'checkout' },
  { url: 'file:///srv/git/project.git', name: 'checkout' },
  { url: 'ext::sh -c touch% /tmp/pwned', name: 'checkout' },
];

for (const c of CASES) {
  test(`remote ${c.url} → ${c.name}`, () => {
    const identity = identifyRepository(c.url, '/work/checkout');
    assert.equal(identity.name, c.name);
    assert.equal(identity.webUrl, c.web);
    if (c.commit) assert.equal(identity.commitUrl?.(SHA), c.commit);
    if (!c.web) assert.equal(identity.commitUrl, undefined);
    if (identity.webUrl) assert.match(identity.webUrl, /^https:\/\//);
  });
}

test('no remote falls back to the folder name, without .git for bare repos', () => {
  assert.deepEqual(identifyRepository(undefined, '/srv/repos/tool.git'), { name: 'tool' });
  assert.deepEqual(identifyRepository('', '/home/me/proj/'), { name: 'proj' });
});

test('parseRemoteUrl keeps host and path segments and drops user, port and .git', () => {
  assert.deepEqual(parseRemoteUrl('ssh://me@Example.COM:2200/a/b.git'), { host: 'example.com', segments: ['a', 'b'] });
  assert.deepEqual(parseRemoteUrl('me@host:a/b'), { host: 'host', segments: ['a', 'b'] });
  assert.equal(parseRemoteUrl('C:\\repos\\x'), undefined);
  assert.equal(identifyRepository('javascript:alert(1)', '/x/y').webUrl, undefined);
});
