import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeCommit, changeTypeLabel, importanceLabel } from '../../src/core/analyze/index.js';
import type { AnalyzeContext } from '../../src/core/analyze/index.js';
import { moduleOf } from '../../src/core/analyze/facts/modules.js';
import { CHANGE_TYPES } from '../../src/core/domain/analysis.js';
import type { Analysis } from '../../src/core/domain/analysis.js';
import type { Commit, FileChange, Trailer } from '../../src/core/domain/commit.js';

function file(path: string, additions = 5, deletions = 1, status: FileChange['status'] = 'M'): FileChange {
  return { path, status, additions, deletions, binary: false };
}

function commit(subject: string, files: FileChange[], body = '', trailers: Trailer[] = []): Commit {
  const person = { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00+08:00' };
  return { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', parents: ['b'.repeat(40)], author: person, committer: person, subject, body, trailers, files };
}

/** A readDiff over canned per-file patches; records what was asked. */
function fakeDiff(patches: Record<string, string>): { readDiff: NonNullable<AnalyzeContext['readDiff']>; calls: { paths: string[]; maxBytes: number }[] } {
  const calls: { paths: string[]; maxBytes: number }[] = [];
  return {
    calls,
    readDiff: async (paths, maxBytes) => {
      calls.push({ paths, maxBytes });
      const text = paths
        .filter((path) => patches[path] !== undefined)
        .map((path) => `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n${patches[path]}`)
        .join('');
      return { text: text.slice(0, maxBytes), truncated: text.length > maxBytes };
    },
  };
}

const en = (value: Commit, readDiff?: AnalyzeContext['readDiff']): Promise<Analysis> =>
  analyzeCommit(value, { language: 'en', rules: [], ...(readDiff ? { readDiff } : {}) });

describe('risks and their recommendations', () => {
  it('source changed without tests', async () => {
    const result = await en(commit('Add export', [file('src/export.ts', 40, 0, 'A')]));
    // Named by the files, not a sentence every untested commit would share.
    assert.deepEqual(result.risks, ['Changes src/export.ts (+40/−0) without a test change.']);
    assert.deepEqual(result.recommendations, ['Add tests that exercise src/export.ts.']);
    const tested = await en(commit('Add export', [file('src/export.ts', 40, 0, 'A'), file('src/export.test.ts', 20, 0, 'A')]));
    assert.deepEqual(tested.risks, []);
    const tiny = await en(commit('Fix typo in log line', [file('src/log.ts', 1, 1)]));
    assert.deepEqual(tiny.risks, [], 'below 10 changed source lines');
  });

  it('large deletion (300 reviewable lines or more)', async () => {
    const result = await en(commit('Remove the legacy importer', [file('importer/legacy.py', 0, 420, 'D'), file('importer/test_legacy.py', 0, 80, 'D')]));
    assert.ok(result.risks.includes('Large deletion: −500 lines, removed files: importer/legacy.py, importer/test_legacy.py.'), result.risks.join(' | '));
    assert.ok(result.recommendations.includes('Check that nothing still depends on the removed code.'));
    const lockOnly = await en(commit('Regenerate lock', [file('package-lock.json', 10, 4000)]));
    assert.ok(!lockOnly.risks.some((risk) => risk.startsWith('Large deletion')), 'lock files do not count');
  });

  it('migrations and schema changes', async () => {
    const result = await en(commit('Add orders table', [file('db/migrations/0042_orders.sql', 30, 0, 'A'), file('db/test_orders.py', 5, 0)]));
    assert.ok(result.risks.includes('Changes migrations or schema: db/migrations/0042_orders.sql.'));
    assert.ok(result.recommendations.includes('Rehearse the migration on a copy of production data and keep a rollback path.'));
    assert.ok(result.insights.architecture.includes('Changes schema or migrations: db/migrations/0042_orders.sql.'));
  });

  it('major dependency bump from the message', async () => {
    const result = await en(commit('Bump express from 4.21.2 to 5.1.0', [file('package.json', 1, 1), file('package-lock.json', 80, 60)]));
    assert.equal(result.changeType, 'deps');
    assert.ok(result.risks.includes('Major dependency upgrade: express 4.21.2 → 5.1.0.'));
    assert.ok(result.recommendations.includes('Read the release notes of express for breaking changes and run the full test suite.'));
    assert.equal(result.importance, 'medium');
    const minor = await en(commit('Bump express from 4.21.2 to 4.22.0', [file('package.json', 1, 1)]));
    assert.ok(!minor.risks.some((risk) => risk.startsWith('Major')));
  });

  it('major dependency bump from the manifest diff', async () => {
    const { readDiff, calls } = fakeDiff({
      'package.json': '@@ -10,3 +10,3 @@\n   "dependencies": {\n-    "react": "^18.3.1",\n+    "react": "^19.0.0",\n-    "zod": "^3.23.8"\n+    "zod": "^3.24.1"\n',
    });
    const result = await en(commit('Update dependencies', [file('package.json', 2, 2)]), readDiff);
    assert.ok(result.risks.includes('Major dependency upgrade: react 18.3.1 → 19.0.0.'), result.risks.join(' | '));
    assert.ok(calls.some((call) => call.paths.includes('package.json') && call.maxBytes === 64 * 1024));
  });

  it('changed defaults from the diff of source and config files', async () => {
    const { readDiff, calls } = fakeDiff({
      'src/config.ts': '@@ -1,4 +1,4 @@\n-export const DEFAULT_TIMEOUT_MS = 30_000;\n+export const DEFAULT_TIMEOUT_MS = 5_000;\n export const OTHER = 1;\n',
      'src/app.ts': '@@ -1 +1,2 @@\n+// default settings are fine\n',
    });
    const result = await en(commit('Tune the client', [file('src/config.ts', 1, 1), file('src/app.ts', 1, 0), file('src/app.test.ts', 3, 0)]), readDiff);
    assert.ok(result.risks.includes('Changes default values: DEFAULT_TIMEOUT_MS (src/config.ts).'), result.risks.join(' | '));
    assert.ok(result.recommendations.includes(
      'Mention the new defaults in the release notes: users relying on the old values will see different behaviour.'));
    assert.ok(calls.some((call) => call.maxBytes === 32 * 1024 && call.paths.includes('src/config.ts')));
  });

  it('changed defaults fall back to file names without a diff', async () => {
    const result = await en(commit('Tune', [file('config/defaults.yaml', 2, 2)]));
    assert.ok(result.risks.includes('Changes files that hold defaults: config/defaults.yaml.'));
  });

  it('a CI workflow gaining pull_request_target, counting only added lines', async () => {
    const { readDiff, calls } = fakeDiff({
      '.github/workflows/ci.yml': '@@ -1,5 +1,7 @@\n-on: pull_request\n+on: pull_request_target\n+permissions:\n+  contents: write\n jobs:\n',
      '.github/workflows/lint.yml': '@@ -1,4 +1,3 @@\n-on: pull_request_target\n-permissions: write-all\n+on: pull_request\n # secrets.TOKEN is not used\n',
    });
    const result = await en(commit('Speed up CI', [file('.github/workflows/ci.yml', 3, 1), file('.github/workflows/lint.yml', 1, 2)]), readDiff);
    assert.equal(result.changeType, 'ci');
    assert.deepEqual(result.insights.security, [
      '.github/workflows/ci.yml gains the pull_request_target trigger.',
      '.github/workflows/ci.yml gains permission settings.',
    ]);
    assert.ok(result.risks.includes('CI workflow permissions change: .github/workflows/ci.yml (the pull_request_target trigger, permission settings).'));
    assert.ok(result.recommendations.includes(
      'Review the workflow: pull_request_target, write permissions and secrets can be reached by code from pull requests.'));
    assert.ok(result.reasons.includes('CI workflow permissions change (.github/workflows/ci.yml)'));
    assert.deepEqual(calls[0], { paths: ['.github/workflows/ci.yml', '.github/workflows/lint.yml'], maxBytes: 64 * 1024 });
  });

  it('a workflow gaining secrets', async () => {
    const { readDiff } = fakeDiff({ '.github/workflows/release.yml': '@@ -1 +1,3 @@\n+    env:\n+      TOKEN: ${{ secrets.NPM_TOKEN }}\n' });
    const result = await en(commit('ci: publish', [file('.github/workflows/release.yml', 2, 0)]), readDiff);
    assert.deepEqual(result.insights.security, ['.github/workflows/release.yml gains access to secrets.']);
  });

  it('workflows without readDiff: named, not judged', async () => {
    const result = await en(commit('ci: publish', [file('.github/workflows/release.yml', 2, 0)]));
    assert.deepEqual(result.insights.security, ['Changes CI workflows (.github/workflows/release.yml): check their triggers and permissions.']);
    assert.deepEqual(result.risks, []);
  });

  it('breaking change', async () => {
    const result = await en(commit('feat(api)!: drop /v1', [file('src/api/routes.ts', 4, 40), file('src/api/routes.test.ts', 1, 20)]));
    assert.equal(result.risks[0], 'Breaking change: users of this code must adapt.');
    assert.equal(result.recommendations[0], 'Announce the change and give users migration steps.');
    assert.equal(result.risks.length, result.recommendations.length);
  });
});

describe('insights', () => {
  it('architecture: new and removed modules, public API, config, moves', async () => {
    const result = await en(commit('Split the store', [
      file('packages/store/package.json', 20, 0, 'A'),
      file('packages/store/src/index.ts', 50, 0, 'A'),
      file('packages/old/package.json', 0, 20, 'D'),
      file('proto/store.proto', 10, 2),
      file('config/app.yaml', 1, 1),
      { ...file('packages/store/src/cache.ts', 0, 0, 'R'), oldPath: 'src/cache.ts' },
    ]));
    assert.deepEqual(result.insights.architecture, [
      'Adds the module packages/store.',
      'Removes the module packages/old.',
      'Changes public API files: packages/store/src/index.ts, proto/store.proto.',
      'Changes configuration: config/app.yaml.',
      'Moves or renames files: src/cache.ts → packages/store/src/cache.ts.',
    ]);
  });

  it('performance: type, keywords, hot paths, dependencies', async () => {
    const perf = await en(commit('perf: batch kernel launches', [file('csrc/kernels/attention.cu', 40, 10)]));
    // The type alone is no insight (the report shows it): only the hot path is said.
    assert.deepEqual(perf.insights.performance, ['Touches hot paths: csrc/kernels/attention.cu.']);
    const mention = await en(commit('Rework parser', [file('src/parser.ts', 4, 4), file('go.mod', 1, 1)], 'Cuts latency in half.'));
    assert.deepEqual(mention.insights.performance, [
      'The message mentions performance (“latency”).',
      'Changes dependencies (go.mod): runtime behaviour and bundle size may change.',
    ]);
  });

  it('security: sensitive paths and words', async () => {
    const result = await en(commit('Harden login', [file('server/auth/login.go', 4, 4)], 'Fixes CVE-2025-1234.'));
    assert.deepEqual(result.insights.security, ['Touches security-sensitive code: server/auth/login.go.', 'The message mentions a security issue (“CVE-2025-1234”).']);
  });
});

describe('summary and scope', () => {
  it('quotes the first prose paragraph and the stats', async () => {
    const body = 'The planner now scales workers by SLA targets.\nIt reads them from [the config](https://example.com/c).\n\nSigned-off-by: Ada <ada@example.com>';
    const result = await en(commit('feat(planner): add SLA planner (#5557)', [file('components/src/dynamo/planner/sla.py', 120, 4, 'A'), file('README.md', 3, 0)], body));
    assert.equal(result.summary,
      'Add SLA planner. The planner now scales workers by SLA targets. It reads them from the config. ' +
      'Changes 2 files (+123/−4), mainly in components/src/dynamo/planner, (root).');
  });

  it('shortens a long body at a sentence end, never inside a sentence', async () => {
    const sentence = 'This sentence explains one more detail of the change in plain words.';
    const body = Array.from({ length: 10 }, () => sentence).join(' ');
    const result = await en(commit('Rework queue', [file('src/queue.ts', 1, 1)], body));
    const quoted = result.summary.slice('Rework queue. '.length, result.summary.indexOf(' Changes 1 file'));
    assert.ok(quoted.length <= 400 && quoted.length > 0);
    assert.ok(quoted.endsWith('plain words.'), quoted);
    const oneHuge = await en(commit('Rework queue', [file('src/queue.ts', 1, 1)], `${'word '.repeat(200)}end.`));
    assert.equal(oneHuge.summary, 'Rework queue. Changes 1 file (+1/−1) in src.');
  });

  it('keeps an area prefix in the summary, drops a conventional one', async () => {
    assert.match((await en(commit('net/http: fix header parsing', [file('src/net/http/header.go', 3, 1)]))).summary, /^net\/http: fix header parsing\. /);
    assert.match((await en(commit('fix(http): header parsing', [file('src/net/http/header.go', 3, 1)]))).summary, /^Header parsing\. /);
  });

  it('says so when there are no files', async () => {
    assert.equal((await en(commit('Merge branch main', []))).summary, 'Merge branch main. No file changes.');
  });

  it('groups files into modules by the container rule, sorted by churn', async () => {
    assert.equal(moduleOf('README.md'), '');
    assert.equal(moduleOf('docs/rules.md'), 'docs');
    assert.equal(moduleOf('src/cli.ts'), 'src');
    assert.equal(moduleOf('src/core/analyze/index.ts'), 'src/core');
    assert.equal(moduleOf('packages/ui/src/button.tsx'), 'packages/ui');
    assert.equal(moduleOf('components/src/dynamo/planner/core/x.py'), 'components/src/dynamo/planner');
    assert.equal(moduleOf('.github/workflows/ci.yml'), '.github');
    const result = await en(commit('Change', [file('a/x.ts', 1, 1), file('b/y.ts', 10, 0), file('b/z.ts', 0, 5), file('top.ts', 2, 0)]));
    assert.deepEqual(result.scope, [
      { module: 'b', files: 2, additions: 10, deletions: 5 },
      { module: 'a', files: 1, additions: 1, deletions: 1 },
      { module: '(root)', files: 1, additions: 2, deletions: 0 },
    ]);
  });

  it('uses the whole-commit totals when the file list was cut short', async () => {
    const value = { ...commit('Vendor everything', [file('src/a.ts', 1, 0)]), filesTruncated: true, filesTotal: { files: 9000, additions: 120000, deletions: 3 } };
    const result = await en(value);
    assert.match(result.summary, /Changes 9000 files \(\+120000\/−3\)/);
  });
});

/** Every number in the text, as digit runs. */
const numbersIn = (text: string): string[] => text.match(/\d+/g) ?? [];

function allowedNumbers(value: Commit): Set<string> {
  const allowed = new Set<string>();
  const add = (text: string | number): void => numbersIn(String(text)).forEach((number) => allowed.add(number));
  add(value.subject);
  add(value.body);
  let files = 0;
  let additions = 0;
  let deletions = 0;
  for (const item of value.files) {
    add(item.path);
    add(item.additions);
    add(item.deletions);
    files++;
    additions += item.additions;
    deletions += item.deletions;
  }
  [files, additions, deletions].forEach(add);
  return allowed;
}

const pathArbitrary = fc.constantFrom(
  'src/core/engine.ts', 'src/auth/token2.ts', 'docs/guide.md', 'README.md', 'test/a.test.ts', 'package.json', 'package-lock.json',
  '.github/workflows/ci.yml', 'db/migrations/0042_orders.sql', 'packages/x/src/index.ts', 'kernels/gemm.cu', 'config/defaults.yaml',
  'proto/v3/api.proto', 'vendor/lib/x.go',
);
const fileArbitrary = fc.record({
  path: pathArbitrary,
  status: fc.constantFrom<FileChange['status']>('A', 'M', 'D'),
  additions: fc.nat({ max: 3000 }),
  deletions: fc.nat({ max: 3000 }),
  binary: fc.constant(false),
});
const commitArbitrary = fc
  .record({
    subject: fc.constantFrom(
      'feat(api)!: add v3 routes', 'fix: handle 0 and 404', 'Bump react from 18.3.1 to 19.0.0', 'net/http: fix 2 leaks',
      'Revert "feat: x"', 'docs: update', 'Optimize gemm by 3x', 'something', 'chore(deps): bump tsx',
    ),
    body: fc.constantFrom('', 'Long text with 12 numbers and 7 more.\n\nBREAKING CHANGE: removes v1', 'Fixes CVE-2025-1234.'),
    files: fc.uniqueArray(fileArbitrary, { selector: (item) => item.path, maxLength: 8 }),
  })
  .map(({ subject, body, files }) => commit(subject, files.map((item) => ({ ...item })), body));

describe('grounding, language and determinism', () => {
  it('every number in the reasons and the summary comes from the commit', async () => {
    await fc.assert(
      fc.asyncProperty(commitArbitrary, fc.constantFrom('en' as const, 'zh-CN' as const), async (value, language) => {
        const result = await analyzeCommit(value, { language, rules: [] });
        const allowed = allowedNumbers(value);
        for (const text of [...result.reasons, result.summary]) {
          for (const number of numbersIn(text)) assert.ok(allowed.has(number), `${number} in "${text}" is not from the commit`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same commit gives the same analysis', async () => {
    await fc.assert(
      fc.asyncProperty(commitArbitrary, async (value) => {
        const copy = structuredClone(value);
        const { readDiff } = fakeDiff({ 'src/core/engine.ts': '@@ -1 +1 @@\n-const DEFAULT_X = 1;\n+const DEFAULT_X = 2;\n' });
        const first = await analyzeCommit(value, { language: 'en', rules: [], readDiff });
        const second = await analyzeCommit(copy, { language: 'en', rules: [], readDiff });
        assert.deepEqual(second, first);
        assert.deepEqual(copy, value, 'the commit is not modified');
      }),
      { numRuns: 100 },
    );
  });

  it('a zh-CN analysis has no English words besides commit text and paths', async () => {
    const value = commit(
      'feat(api)!: add routes',
      [
        file('src/auth/session.ts', 300, 20), file('db/migrations/001.sql', 10, 0, 'A'), file('packages/new/package.json', 10, 0, 'A'),
        file('proto/api.proto', 3, 1), file('config/defaults.yaml', 1, 1), file('kernels/gemm.cu', 500, 400), file('README.md', 1, 1),
        file('.github/workflows/ci.yml', 2, 0), file('old/legacy.ts', 0, 400, 'D'), file('Cargo.toml', 1, 1),
      ],
      'Route table rework.\n\nBREAKING CHANGE: v1 is gone',
      [{ key: 'BREAKING CHANGE', value: 'v1 is gone' }],
    );
    const rules = [{ match: { paths: ['src/**'], types: ['feature' as const] }, score: 1 }, { match: { message: 'routes' }, score: 1 }];
    for (const withDiff of [false, true]) {
      const { readDiff } = fakeDiff({
        '.github/workflows/ci.yml': '@@ -1 +1,3 @@\n+on: pull_request_target\n+permissions: write-all\n+env: ${{ secrets.X }}\n',
        'Cargo.toml': '@@ -1 +1 @@\n-serde = "1.0.1"\n+serde = "2.0.0"\n',
        'config/defaults.yaml': '@@ -1 +1 @@\n-default: 3\n+default: 4\n',
      });
      const result = await analyzeCommit(value, { language: 'zh-CN', rules, ...(withDiff ? { readDiff } : {}) });
      let text = [
        ...result.reasons, result.summary, ...result.scope.map((item) => item.module), ...result.insights.architecture,
        ...result.insights.performance, ...result.insights.security, ...result.risks, ...result.recommendations,
      ].join('\n');
      assert.ok(result.risks.length >= 5 && result.insights.architecture.length >= 3, 'the sample exercises most messages');
      const commitText = [
        ...value.files.map((item) => item.path), ...result.scope.map((item) => item.module), 'Add routes', 'Route table rework.', 'v1 is gone', 'routes', 'src/**',
        'serde', 'default', 'pull_request_target', '.github/workflows/ci.yml',
      ];
      for (const part of commitText.sort((a, b) => b.length - a.length)) text = text.split(part).join(' ');
      assert.doesNotMatch(text, /[A-Za-z]{2,}/, text);
    }
  });

  it('labels change types and importance in both languages', () => {
    assert.equal(changeTypeLabel('ci', 'zh-CN'), '配置调整');
    assert.equal(changeTypeLabel('feature', 'zh-CN'), '功能增强');
    assert.equal(changeTypeLabel('deps', 'en'), 'Dependencies');
    assert.equal(importanceLabel('high', 'zh-CN'), '🔴 高');
    assert.equal(importanceLabel('low', 'en'), '🟢 Low');
    for (const type of CHANGE_TYPES) assert.doesNotMatch(changeTypeLabel(type, 'zh-CN'), /[A-Za-z]/);
  });
});
