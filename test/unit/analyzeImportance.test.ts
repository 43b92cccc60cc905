import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeCommit, IMPORTANCE_THRESHOLDS, loadRepoRules } from '../../src/core/analyze/index.js';
import { parseUserRules } from '../../src/core/analyze/verdict/userRulesSchema.js';
import type { Commit, FileChange } from '../../src/core/domain/commit.js';
import type { UserRule } from '../../src/core/domain/options.js';

function file(path: string, additions = 5, deletions = 1, status: FileChange['status'] = 'M'): FileChange {
  return { path, status, additions, deletions, binary: false };
}

function commit(subject: string, files: FileChange[], body = ''): Commit {
  const person = { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00+08:00' };
  return { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', parents: ['b'.repeat(40)], author: person, committer: person, subject, body, trailers: [], files };
}

const analyze = (value: Commit, rules: UserRule[] = []) => analyzeCommit(value, { language: 'en', rules });

describe('importance', () => {
  it('a security fix in source code is high; one in docs only stays below high', async () => {
    const fixed = await analyze(commit('Escape titles to prevent XSS', [file('src/render.ts', 3, 1)]));
    assert.equal(fixed.changeType, 'security');
    assert.equal(fixed.importance, 'high');
    assert.ok(fixed.reasons.includes('security fix in source code'), fixed.reasons.join(' | '));
    const docs = await analyze(commit('Fix XSS in the docs site example', [file('docs/example.md', 3, 1)]));
    assert.notEqual(docs.importance, 'high');
  });

  it('a revert of a security fix is high (it reopens what the fix closed); a plain revert stays medium', async () => {
    const reopened = await analyze(commit('Revert "sec: security patch for CVE-2024-0001"', [file('lib/response.js', 10, 4)]));
    assert.equal(reopened.changeType, 'revert');
    assert.equal(reopened.importance, 'high');
    assert.ok(reopened.reasons.includes('reverts a security fix: what it protected is open again'), reopened.reasons.join(' | '));
    const plain = await analyze(commit('Revert "Add retry to the uploader"', [file('lib/upload.js', 10, 4)]));
    assert.equal(plain.importance, 'medium');
  });

  it('scores a large feature in source as medium (size alone does not make it high), with the commit totals as its reason', async () => {
    const files = [file('src/planner/a.ts', 500, 80, 'A'), file('src/planner/b.ts', 330, 40), file('test/planner.test.ts', 60, 0, 'A')];
    const result = await analyze(commit('feat: SLA planner', files));
    assert.equal(result.importance, 'medium');
    assert.ok(result.score < IMPORTANCE_THRESHOLDS.high);
    assert.ok(result.reasons.includes('new feature in source code: 3 files, +890/−120'), result.reasons.join(' | '));
    assert.ok(result.reasons.includes('large change: 3 files, +890/−120'));
  });

  it('scores a fix of more than 10 source lines (or with tests) as medium, a smaller one and a small chore as low', async () => {
    const fix = await analyze(commit('fix: null check', [file('src/app.ts', 10, 2)]));
    assert.equal(fix.importance, 'medium');
    assert.deepEqual(fix.reasons, ['bug fix in source code']);
    const tested = await analyze(commit('fix: null check', [file('src/app.ts', 3, 1), file('test/app.test.ts', 8, 0)]));
    assert.equal(tested.importance, 'medium');
    const small = await analyze(commit('fix: null check', [file('src/app.ts', 3, 1)]));
    assert.equal(small.importance, 'low');
    assert.deepEqual(small.reasons, ['bug fix']);
    const chore = await analyze(commit('chore: rename variable', [file('src/app.ts', 1, 1)]));
    assert.equal(chore.importance, 'low');
  });

  it('raises security-sensitive paths', async () => {
    const result = await analyze(commit('fix: token expiry', [file('src/auth/session.ts', 14, 2)]));
    assert.equal(result.importance, 'high');
    assert.ok(result.reasons.includes('touches a security-sensitive path (src/auth/session.ts)'));
  });

  it('never makes a docs commit high, even when a user rule forces high', async () => {
    const files = [file('docs/guide.md', 2000, 900), file('README.md', 10, 1)];
    const rules: UserRule[] = [{ match: { paths: ['docs/**'] }, importance: 'high', score: 50, reason: 'docs are our product' }];
    const result = await analyze(commit('docs: rewrite the guide', files), rules);
    assert.equal(result.importance, 'medium');
    assert.ok(result.reasons.includes('docs are our product'));
    assert.ok(result.reasons.includes('documentation changes are never high: capped at medium'));
    const free = await analyze(commit('Rewrite the guide', files));
    assert.equal(free.changeType, 'docs');
    assert.equal(free.importance, 'low');
    assert.ok(free.reasons.includes('docs only'));
  });

  it('always makes a breaking commit high, even when a user rule forces low', async () => {
    const rules: UserRule[] = [{ match: { paths: ['src/**'] }, importance: 'low' }];
    const result = await analyze(commit('refactor!: rename option', [file('src/options.ts', 1, 1)]), rules);
    assert.equal(result.breaking, true);
    assert.equal(result.importance, 'high');
    assert.equal(result.reasons[0], 'breaking change');
    assert.ok(result.reasons.includes('a breaking change is always high'));
  });

  it('lets breaking win over the docs cap when a docs commit declares a breaking change', async () => {
    const result = await analyze(commit('docs!: remove the v1 guide', [file('docs/v1.md', 0, 400, 'D')]));
    assert.equal(result.importance, 'high');
    assert.ok(!result.reasons.includes('documentation changes are never high: capped at medium'));
  });

  it('applies user rules after the defaults: score, reason, forced type and importance', async () => {
    const rules: UserRule[] = [
      { match: { paths: ['planner/**'] }, score: 5, reason: 'planner is critical' },
      { match: { message: '^hotfix', types: ['fix'] }, changeType: 'security', importance: 'high' },
      { match: { types: ['docs'] }, importance: 'high' },
    ];
    const planner = await analyze(commit('Tweak timings', [file('planner/loop.py', 2, 2)]), rules);
    assert.equal(planner.score, 5);
    assert.equal(planner.importance, 'medium');
    assert.deepEqual(planner.reasons.slice(-1), ['planner is critical']);

    const hotfix = await analyze(commit('Fix login loop', [file('web/app.js', 2, 2)], 'hotfix for prod'), rules);
    assert.equal(hotfix.changeType, 'security');
    assert.equal(hotfix.importance, 'high');
    assert.ok(hotfix.reasons.some((reason) => reason.startsWith('matches a rule (message /^hotfix/; types Fix)')), hotfix.reasons.join(' | '));

    const other = await analyze(commit('Fix login loop', [file('web/app.js', 2, 2)]), rules);
    assert.equal(other.changeType, 'fix');
  });

  it('takes the last forced importance among matching rules', async () => {
    const rules: UserRule[] = [
      { match: { paths: ['**'] }, importance: 'high' },
      { match: { paths: ['**/*.py'] }, importance: 'low' },
    ];
    const result = await analyze(commit('feat: add export', [file('app/export.py', 900, 0, 'A')]), rules);
    assert.equal(result.importance, 'low');
  });
});

describe('user rules from settings and .daily-digest.json', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const repoWith = (content?: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-rules-'));
    dirs.push(dir);
    if (content !== undefined) writeFileSync(join(dir, '.daily-digest.json'), content);
    return dir;
  };

  it('loads valid rules', async () => {
    const dir = repoWith(JSON.stringify({
      rules: [
        { match: { paths: ['planner/**'] }, importance: 'high', reason: 'planner owns scaling' },
        { match: { message: 'hotfix', types: ['fix', 'security'] }, score: 3 },
      ],
    }));
    const loaded = await loadRepoRules(dir);
    assert.equal(loaded.error, undefined);
    assert.deepEqual(loaded.rules, [
      { match: { paths: ['planner/**'] }, importance: 'high', reason: 'planner owns scaling' },
      { match: { message: 'hotfix', types: ['fix', 'security'] }, score: 3 },
    ]);
    const result = await analyzeCommit(commit('Tune', [file('planner/a.py')]), { language: 'en', rules: loaded.rules });
    assert.equal(result.importance, 'high');
  });

  it('has no rules and no error without a file', async () => {
    assert.deepEqual(await loadRepoRules(repoWith()), { rules: [] });
  });

  const invalid: [string, string, RegExp][] = [
    ['a bad importance', JSON.stringify({ rules: [{ match: { paths: ['a/**'] }, importance: 'urgent' }] }), /rules\[0\]\.importance/],
    ['a misspelt key', JSON.stringify({ rules: [{ match: { paths: ['a/**'] }, importnce: 'high' }] }), /rules\[0\].*importnce/],
    ['a path that is not a string', JSON.stringify({ rules: [{ match: { paths: [3] }, score: 1 }] }), /rules\[0\]\.match\.paths\[0\]/],
    ['an empty match', JSON.stringify({ rules: [{ match: {}, score: 1 }] }), /rules\[0\]\.match: needs paths, message, types or facts/],
    ['a bad regex', JSON.stringify({ rules: [{ match: { message: '(' }, score: 1 }] }), /rules\[0\]\.match\.message: not a valid regular expression/],
    ['a catastrophic regex', JSON.stringify({ rules: [{ match: { message: '(a+)+$' }, score: 1 }] }), /rules\[0\]\.match\.message: nested quantifiers/],
    ['a bad change type', JSON.stringify({ rules: [{ match: { types: ['feat'] }, score: 1 }] }), /rules\[0\]\.match\.types\[0\]/],
    ['no rules array', JSON.stringify({ rule: [] }), /^Invalid \.daily-digest\.json: rules: /],
    ['broken JSON', '{"rules": [', /not valid JSON/],
  ];
  for (const [name, content, expected] of invalid) {
    it(`reports ${name} on one line and ignores the file`, async () => {
      const loaded = await loadRepoRules(repoWith(content));
      assert.deepEqual(loaded.rules, []);
      assert.equal(loaded.error?.code, 'bad-config');
      const line = loaded.error!.message;
      assert.match(line, expected);
      assert.match(line, /^Invalid \.daily-digest\.json: /);
      assert.doesNotMatch(line, /\n/);
      assert.match(loaded.error!.format('zh-CN'), /^\.daily-digest\.json 无效：/);
    });
  }

  it('keeps the valid rules from settings and names the first bad one', () => {
    const parsed = parseUserRules(
      [{ match: { paths: ['a/**'] }, importance: 'high' }, { match: { paths: ['b/**'] }, importance: 'huge' }, 'nope'],
      'settings (dailyDigest.rules)',
    );
    assert.deepEqual(parsed.rules, [{ match: { paths: ['a/**'] }, importance: 'high' }]);
    assert.match(parsed.error!.message, /^Invalid settings \(dailyDigest\.rules\): rules\[1\]\.importance: /);
    assert.deepEqual(parseUserRules(undefined, 'settings'), { rules: [] });
    assert.match(parseUserRules({}, 'settings').error!.message, /expected an array/);
  });
});
