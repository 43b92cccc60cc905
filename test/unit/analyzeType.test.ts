import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeCommit, parseConventionalHeader } from '../../src/core/analyze/index.js';
import { classifyFile } from '../../src/core/analyze/facts/fileClasses.js';
import type { ChangeType } from '../../src/core/domain/analysis.js';
import type { Commit, FileChange, Trailer } from '../../src/core/domain/commit.js';

function file(path: string, additions = 5, deletions = 1, status: FileChange['status'] = 'M'): FileChange {
  return { path, status, additions, deletions, binary: false };
}

function commit(subject: string, files: FileChange[], body = '', trailers: Trailer[] = []): Commit {
  const person = { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00+08:00' };
  return { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', parents: ['b'.repeat(40)], author: person, committer: person, subject, body, trailers, files };
}

async function typeOf(subject: string, files: FileChange[] = [file('src/app.ts')], body = ''): Promise<ChangeType> {
  return (await analyzeCommit(commit(subject, files, body), { language: 'en', rules: [] })).changeType;
}

describe('parseConventionalHeader', () => {
  it('reads type, scope, ! and description', () => {
    assert.deepEqual(parseConventionalHeader('feat(planner)!: add SLA planner'), {
      type: 'feat', scope: 'planner', breaking: true, description: 'add SLA planner',
    });
    assert.deepEqual(parseConventionalHeader('Fix: handle empty input'), { type: 'fix', breaking: false, description: 'handle empty input' });
    assert.deepEqual(parseConventionalHeader('refactor!: drop v1 API'), { type: 'refactor', breaking: true, description: 'drop v1 API' });
  });

  it('leaves free-form and Go-style subjects without a type', () => {
    assert.deepEqual(parseConventionalHeader('Add a planner'), { breaking: false, description: 'Add a planner' });
    assert.equal(parseConventionalHeader('net/http: fix header parsing').type, undefined);
    assert.equal(parseConventionalHeader('Revert "feat: x"').type, undefined);
    assert.equal(parseConventionalHeader('feat:no space').type, undefined);
  });
});

describe('change type from the Conventional Commits header', () => {
  const cases: [string, ChangeType][] = [
    ['feat: add export', 'feature'], ['fix(core): off-by-one', 'fix'], ['perf: cache lookups', 'perf'],
    ['refactor: split module', 'refactor'], ['docs: explain rules', 'docs'], ['test: cover parser', 'test'],
    ['ci: add release job', 'ci'], ['build: pin buildkit', 'build'], ['deps: bump zod', 'deps'], ['chore: tidy', 'chore'],
    ['style: format', 'style'], ['revert: undo planner', 'revert'], ['security: escape output', 'security'],
    ['chore(deps): bump lodash from 4.17.20 to 4.17.21', 'deps'], ['build(deps-dev): bump tsx', 'deps'],
  ];
  for (const [subject, expected] of cases) {
    it(`${subject} → ${expected}`, async () => assert.equal(await typeOf(subject), expected));
  }

  it('keeps an explicit type even when the files say otherwise, except chore', async () => {
    assert.equal(await typeOf('feat: document the API', [file('docs/api.md')]), 'feature');
    assert.equal(await typeOf('chore: update lock file', [file('package-lock.json')]), 'deps');
  });

  it('reads breaking changes from !, the BREAKING CHANGE trailer and the BREAKING-CHANGE footer in the body', async () => {
    const bang = await analyzeCommit(commit('feat(api)!: new routes', [file('src/api.ts')]), { language: 'en', rules: [] });
    assert.equal(bang.breaking, true);
    assert.equal(bang.conventionalScope, 'api');
    const trailer = await analyzeCommit(
      commit('feat: new routes', [file('src/api.ts')], 'Text.\n\nBREAKING CHANGE: /v1 is gone', [{ key: 'BREAKING CHANGE', value: '/v1 is gone' }]),
      { language: 'en', rules: [] },
    );
    assert.equal(trailer.breaking, true);
    const footer = await analyzeCommit(commit('Rework routes', [file('src/api.ts')], 'Intro.\n\nBREAKING-CHANGE: /v1 is gone\nReviewed-by: Bob'), {
      language: 'en', rules: [],
    });
    assert.equal(footer.breaking, true);
    const plain = await analyzeCommit(commit('feat: routes', [file('src/api.ts')], 'Mentions breaking change: not a footer'), { language: 'en', rules: [] });
    assert.equal(plain.breaking, false);
  });
});

describe('keyword fallback for free-form messages', () => {
  const cases: [string, ChangeType][] = [
    ['Fix crash when the list is empty', 'fix'], ['Fixes #12: null check', 'fix'],
    ['Add retry to the uploader', 'feature'], ['Implement streaming', 'feature'], ['Introduce a planner', 'feature'],
    ['Bump lodash from 4.17.20 to 4.17.21', 'deps'], ['Update dependency react to v19', 'deps'],
    ['Revert "Add retry to the uploader"', 'revert'], ['Optimize the hot loop', 'perf'], ['Speed up startup', 'perf'],
    ['Refactor the scheduler', 'refactor'], ['Clean up old flags', 'refactor'],
    ['Escape HTML in titles to prevent XSS', 'security'], ['Patch CVE-2024-12345 in parser', 'security'],
    ['Address a vulnerability in upload', 'security'], ['Something happened', 'other'],
    ['Merge commit from fork', 'security'], ['Merge commit from fork of the docs', 'chore'],
  ];
  for (const [subject, expected] of cases) {
    it(`${subject} → ${expected}`, async () => assert.equal(await typeOf(subject), expected));
  }

  it('reads the verb after a Go-style area prefix', async () => {
    assert.equal(await typeOf('net/http: fix header parsing', [file('src/net/http/server.go')]), 'fix');
    assert.equal(await typeOf('runtime, cmd/go: add arena support', [file('src/runtime/arena.go')]), 'feature');
    assert.equal(await typeOf('cmd/compile: optimize bounds checks', [file('src/cmd/compile/ssa.go')]), 'perf');
    assert.equal(await typeOf('[planner] refactor the loop', [file('planner/loop.py')]), 'refactor');
  });
});

describe('file-only classification', () => {
  const cases: [string, FileChange[], ChangeType][] = [
    ['Update things', [file('README.md'), file('docs/guide/intro.md')], 'docs'],
    ['Update things', [file('test/parser.test.ts'), file('pkg/x/x_test.go'), file('tests/test_api.py')], 'test'],
    ['Update things', [file('.github/workflows/ci.yml'), file('.gitlab-ci.yml')], 'ci'],
    ['Update things', [file('package.json'), file('package-lock.json')], 'deps'],
    ['Update things', [file('go.sum')], 'deps'],
  ];
  for (const [subject, files, expected] of cases) {
    it(`${files.map((item) => item.path).join(', ')} → ${expected}`, async () => assert.equal(await typeOf(subject, files), expected));
  }

  it('wins over a weak keyword guess, not over a strong one', async () => {
    assert.equal(await typeOf('Fix broken link', [file('docs/index.md')]), 'docs');
    assert.equal(await typeOf('Fix flaky timeout', [file('test/net.test.ts')]), 'test');
    assert.equal(await typeOf('Add caching to CI', [file('.github/workflows/ci.yml')]), 'ci');
    assert.equal(await typeOf('Revert "Update docs"', [file('docs/index.md')]), 'revert');
    assert.equal(await typeOf('Fix XSS in the docs site example', [file('docs/example.md')]), 'security');
  });

  it('gives each path one kind and any traits', () => {
    const kindOf = (path: string): string | undefined => classifyFile(file(path)).kind;
    assert.equal(kindOf('docs/index.md'), 'docs');
    assert.equal(kindOf('test/README.md'), 'docs');
    assert.equal(kindOf('src/app.test.ts'), 'test');
    assert.equal(kindOf('t/perf/p1401-ref-store-tombstones.sh'), 'test');
    assert.equal(kindOf('src/t/util.sh'), 'source');
    assert.equal(kindOf('.github/workflows/release.yml'), 'ci');
    assert.equal(kindOf('services/api/package.json'), 'manifest');
    assert.equal(kindOf('Cargo.lock'), 'lockfile');
    assert.equal(kindOf('api/v1/service.pb.go'), 'generated');
    assert.equal(kindOf('vendor/github.com/x/y.go'), 'vendored');
    assert.equal(kindOf('config/app.yaml'), 'config');
    assert.equal(kindOf('src/core/engine.ts'), 'source');
    assert.equal(kindOf('media/logo.png'), undefined);
    assert.deepEqual([...classifyFile(file('src/auth/login.ts')).traits], ['security-sensitive']);
    assert.deepEqual([...classifyFile(file('db/migrations/001_init.sql')).traits], ['migration']);
    assert.deepEqual([...classifyFile(file('proto/api.proto')).traits], ['public-api']);
    assert.deepEqual([...classifyFile(file('kernels/attention.cu')).traits], ['hot-path']);
    assert.deepEqual([...classifyFile(file('test/auth/login.test.ts')).traits], [], 'tests touch no auth code');
  });
});

describe('subjects and areas that refine the type', () => {
  it('a conventional fix or chore that skips, quarantines or marks a flaky test is a test change', async () => {
    assert.equal(await typeOf('fix: Skip flaky pager test on macOS with free-threaded Python 3.14t', [file('src/click/_compat.py'), file('tests/test_utils.py')]), 'test');
    assert.equal(await typeOf('chore: quarantine the upload test on Windows'), 'test');
    assert.equal(await typeOf('ci: mark the network tests as xfail'), 'test');
    assert.equal(await typeOf('fix: skip empty lines in the parser'), 'fix', 'skipping something that is not a test is not one');
    assert.equal(await typeOf('feat: skip tests matching --exclude'), 'feature', 'a feature about tests stays a feature');
  });

  it('a conventional subject that reverts a named change is a revert; one that moves a version back is not', async () => {
    assert.equal(await typeOf('fix: revert, "fix: escape ids with multiple null bytes (#22687)"', [file('packages/vite/src/shared/utils.ts')]), 'revert');
    assert.equal(await typeOf('chore: revert #1234', [file('src/a.ts')]), 'revert');
    assert.equal(await typeOf('fix(deps): revert es-module-lexer to 2.1.0', [file('packages/vite/package.json')]), 'deps');
    assert.equal(await typeOf('fix: revert to the old retry delay', [file('src/retry.ts')]), 'fix');
  });

  it('a linter or formatter as the area prefix makes a clean-up, whatever the verb', async () => {
    assert.equal(await typeOf('lint: use `cloned()` or `copied()` when we can', [file('crates/searcher/src/lib.rs')]), 'refactor');
    assert.equal(await typeOf('clippy: fix needless borrow', [file('src/main.rs')]), 'refactor');
    assert.equal(await typeOf('fmt: run rustfmt on the printer', [file('src/printer.rs')]), 'style');
    assert.equal(await typeOf('printer: fix the column of a match', [file('src/printer.rs')]), 'fix', 'other areas keep their keywords');
  });

  it('a declared feature (feat:) in source code is of medium importance however small', async () => {
    const small = await analyzeCommit(commit('feat(optimizer): support nub lockfile', [file('packages/vite/src/node/optimizer/index.ts', 5, 0), file('docs/guide/dep-pre-bundling.md', 1, 1)]), { language: 'en', rules: [] });
    assert.equal(small.changeType, 'feature');
    assert.equal(small.importance, 'medium');
    assert.ok(small.reasons.some((reason) => reason.startsWith('new feature in source code')), small.reasons.join(' | '));
  });
});
