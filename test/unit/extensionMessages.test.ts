// Validation of report-webview messages (src/extension/panel/webviewMessages.ts): only known types, with arguments that
// name something in the current report, are accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../src/core/domain/report.js';
import { isSafeRelativePath, safeExternalUrl, validateWebviewMessage } from '../../src/extension/panel/webviewMessages.js';
import { emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';

const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function report(): Report {
  const repo = makeRepository({
    name: 'acme', path: '/repos/acme', ref: 'HEAD', warnings: [],
    commits: [
      makeCommit({
        sha: SHA_A, subject: 'feat: a', date: '2026-01-22T10:00:00+08:00',
        files: [
          { path: 'src/a.ts', status: 'M', additions: 1, deletions: 1, binary: false },
          { path: 'src/new.ts', oldPath: 'src/old.ts', status: 'R', additions: 0, deletions: 0, binary: false },
        ],
        analysis: emptyAnalysis({ importance: 'high' }),
      }),
    ],
  });
  const other = makeRepository({
    name: 'other', path: '/repos/other', ref: 'HEAD', warnings: [],
    commits: [makeCommit({ sha: SHA_B, subject: 'fix: b', date: '2026-01-22T11:00:00+08:00', analysis: emptyAnalysis() })],
  });
  return {
    schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
    window: { start: '2026-01-22T00:00:00+08:00', end: '2026-01-23T00:00:00+08:00', timeZone: 'Asia/Shanghai',
      dateField: 'committer', label: '2026-01-22' },
    repositories: [repo, other],
  };
}

test('toolbar messages without arguments are accepted', () => {
  for (const type of ['ready', 'refresh', 'export', 'copyMarkdown'] as const) {
    const result = validateWebviewMessage({ type }, report());
    assert.deepEqual(result, { ok: true, action: { kind: type } });
  }
});

test('openCommit with a full or short SHA of the report resolves to the report’s own commit', () => {
  const r = report();
  for (const sha of [SHA_A, SHA_A.slice(0, 7), SHA_A.toUpperCase()]) {
    const result = validateWebviewMessage({ type: 'openCommit', sha }, r);
    assert.ok(result.ok, JSON.stringify(result));
    assert.ok(result.action.kind === 'openCommit');
    assert.equal(result.action.commit, r.repositories[0]?.commits[0]);
    assert.equal(result.action.repo.path, '/repos/acme');
  }
  const inOther = validateWebviewMessage({ type: 'openCommit', sha: SHA_B, repo: 1 }, r);
  assert.ok(inOther.ok && inOther.action.kind === 'openCommit' && inOther.action.repo.path === '/repos/other');
});

test('openFile accepts a path of that commit, including the old path of a rename', () => {
  const r = report();
  const ok = validateWebviewMessage({ type: 'openFile', sha: SHA_A, path: 'src/a.ts', repo: 0 }, r);
  assert.ok(ok.ok && ok.action.kind === 'openFile' && ok.action.file.path === 'src/a.ts');
  const renamed = validateWebviewMessage({ type: 'openFile', sha: SHA_A, path: 'src/old.ts' }, r);
  assert.ok(renamed.ok && renamed.action.kind === 'openFile' && renamed.action.file.path === 'src/new.ts');
});

test('forged messages are refused', () => {
  const r = report();
  const forged: unknown[] = [
    null, 'openCommit', [], 42,
    {}, { type: 'runCommand', command: 'workbench.action.terminal.new' }, { type: 'constructor' }, { type: 'toString' },
    { type: 'openCommit' },
    { type: 'openCommit', sha: 'ffffffffffffffffffffffffffffffffffffffff' },
    { type: 'openCommit', sha: 'not-a-sha' },
    { type: 'openCommit', sha: SHA_A, repo: 1 },
    { type: 'openCommit', sha: SHA_A, repo: 7 },
    { type: 'openCommit', sha: SHA_A, repo: '0' },
    { type: 'openCommit', sha: SHA_A, extra: true },
    { type: 'openCommit', sha: SHA_A.slice(0, 4) + 'zz' },
    { type: 'openFile', sha: SHA_A, path: '../../etc/passwd' },
    { type: 'openFile', sha: SHA_A, path: '/etc/passwd' },
    { type: 'openFile', sha: SHA_A, path: 'src/../../etc/passwd' },
    { type: 'openFile', sha: SHA_A, path: 'src/other.ts' },
    { type: 'openFile', sha: SHA_B, path: 'src/a.ts' },
    { type: 'openFile', sha: SHA_A, path: 'C:\\Windows\\win.ini' },
    { type: 'openFile', sha: SHA_A, path: 'src/a.ts\u0000' },
    { type: 'openFile', sha: SHA_A },
    { type: 'openExternal', url: 'javascript:alert(1)' },
    { type: 'openExternal', url: 'file:///etc/passwd' },
    { type: 'openExternal', url: 'command:workbench.action.terminal.new' },
    { type: 'openExternal', url: 'vscode://some.extension/do' },
    { type: 'openExternal', url: 'https://user:secret@example.com/' },
    { type: 'openExternal', url: `https://example.com/${'a'.repeat(3000)}` },
    { type: 'openExternal' },
    JSON.parse('{"type":"openCommit","sha":"a1b2c3d","__proto__":{"polluted":true}}'),
  ];
  for (const message of forged) {
    const result = validateWebviewMessage(message, r);
    assert.equal(result.ok, false, `accepted ${JSON.stringify(message)}`);
  }
});

test('commit and file messages are refused when no report is shown', () => {
  assert.equal(validateWebviewMessage({ type: 'openCommit', sha: SHA_A }, undefined).ok, false);
  assert.equal(validateWebviewMessage({ type: 'openFile', sha: SHA_A, path: 'src/a.ts' }, undefined).ok, false);
  assert.equal(validateWebviewMessage({ type: 'ready' }, undefined).ok, true);
});

test('external URLs: only http(s) without credentials, normalized', () => {
  assert.equal(safeExternalUrl('https://example.com/a b'), 'https://example.com/a%20b');
  assert.equal(safeExternalUrl('http://example.com'), 'http://example.com/');
  assert.equal(safeExternalUrl('ftp://example.com'), undefined);
  assert.equal(safeExternalUrl('//example.com'), undefined);
  const ok = validateWebviewMessage({ type: 'openExternal', url: 'https://github.com/acme/acme/commit/abc' }, report());
  assert.deepEqual(ok, { ok: true, action: { kind: 'openExternal', url: 'https://github.com/acme/acme/commit/abc' } });
});

test('relative paths that could leave the repository are unsafe', () => {
  for (const path of ['a.ts', 'src/a b.ts', 'dir/.hidden', 'a..b/c']) assert.ok(isSafeRelativePath(path), path);
  for (const path of ['', '.', '..', '../a', 'a/../b', 'a/./b', '/a', '\\a', 'C:/a', 'a//b', 'a/', 'a\nb']) {
    assert.equal(isSafeRelativePath(path), false, path);
  }
});

test('openFact names a file of the commit and a line on a side; the file is the report’s own', () => {
  const r = report();
  const ok = validateWebviewMessage({ type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 12, side: 'new', repo: 0 }, r);
  assert.ok(ok.ok && ok.action.kind === 'openFact');
  assert.equal(ok.action.file, r.repositories[0]?.commits[0]?.files[0]);
  assert.equal(ok.action.line, 12);
  assert.equal(ok.action.side, 'new');
  const old = validateWebviewMessage({ type: 'openFact', sha: SHA_A, path: 'src/old.ts', line: 1, side: 'old' }, r);
  assert.ok(old.ok && old.action.kind === 'openFact' && old.action.side === 'old' && old.action.file.path === 'src/new.ts');
  const noSide = validateWebviewMessage({ type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 3 }, r);
  assert.ok(noSide.ok && noSide.action.kind === 'openFact' && noSide.action.side === 'new');
  for (const forged of [
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts' },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 0 },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: -1 },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 1.5 },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: '3' },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 1e12 },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 3, side: 'left' },
    { type: 'openFact', sha: SHA_A, path: '../a.ts', line: 3 },
    { type: 'openFact', sha: SHA_A, path: 'src/other.ts', line: 3 },
    { type: 'openFact', sha: SHA_A, path: 'src/a.ts', line: 3, command: 'x' },
  ]) {
    assert.equal(validateWebviewMessage(forged, r).ok, false, `accepted ${JSON.stringify(forged)}`);
  }
});

test('markReviewed names commits of the report (each once, full SHAs from the report) and says which way', () => {
  const r = report();
  const ok = validateWebviewMessage({ type: 'markReviewed', shas: [SHA_A.slice(0, 7), SHA_A, SHA_B], reviewed: true }, r);
  assert.ok(ok.ok && ok.action.kind === 'markReviewed');
  assert.deepEqual(ok.action.commits.map((entry) => [entry.repoIndex, entry.commit.sha]), [[0, SHA_A], [1, SHA_B]]);
  assert.equal(ok.action.reviewed, true);
  const undo = validateWebviewMessage({ type: 'markReviewed', shas: [SHA_B], reviewed: false, repo: 1 }, r);
  assert.ok(undo.ok && undo.action.kind === 'markReviewed' && undo.action.reviewed === false);
  for (const forged of [
    { type: 'markReviewed', shas: [SHA_A] },
    { type: 'markReviewed', shas: [SHA_A], reviewed: 'yes' },
    { type: 'markReviewed', shas: [], reviewed: true },
    { type: 'markReviewed', shas: SHA_A, reviewed: true },
    { type: 'markReviewed', shas: [SHA_A, 'ffffffffffffffffffffffffffffffffffffffff'], reviewed: true },
    { type: 'markReviewed', shas: [SHA_A, 42], reviewed: true },
    { type: 'markReviewed', shas: [SHA_B], reviewed: true, repo: 0 },
    { type: 'markReviewed', shas: Array.from({ length: 10_001 }, () => SHA_A), reviewed: true },
  ]) {
    assert.equal(validateWebviewMessage(forged, r).ok, false, `accepted ${JSON.stringify(forged).slice(0, 100)}`);
  }
  assert.equal(validateWebviewMessage({ type: 'markReviewed', shas: [SHA_A], reviewed: true }, undefined).ok, false);
});

test('day messages: a real calendar day to open, previous and next without arguments', () => {
  const r = report();
  assert.deepEqual(validateWebviewMessage({ type: 'openDay', day: '2026-01-21' }, r), { ok: true, action: { kind: 'openDay', day: '2026-01-21' } });
  assert.deepEqual(validateWebviewMessage({ type: 'openDay', day: '2024-02-29' }, undefined), { ok: true, action: { kind: 'openDay', day: '2024-02-29' } });
  for (const type of ['previousDay', 'nextDay'] as const) {
    assert.deepEqual(validateWebviewMessage({ type }, r), { ok: true, action: { kind: type } });
    assert.equal(validateWebviewMessage({ type, day: '2026-01-21' }, r).ok, false);
  }
  for (const day of ['2026-02-30', '2025-02-29', '26-01-21', '2026-1-21', 'today', '7d', '1969-12-31', '2026-01-21T00:00', '', 20260121]) {
    assert.equal(validateWebviewMessage({ type: 'openDay', day }, r).ok, false, `accepted ${String(day)}`);
  }
});
